/**
 * Work-orders hears of a new property from its event, a moment after residents created it, and
 * refuses intake for it until then (`PROPERTY_NOT_YET_KNOWN`): retry, bounded, as a front desk
 * would. Any other failure, or the deadline, is thrown.
 */
export async function untilPropertyKnown<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!String(error).includes('PROPERTY_NOT_YET_KNOWN') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
