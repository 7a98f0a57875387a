/**
 * Work-orders hears of a new property from its event, a moment after residents created it, and
 * refuses intake for it until then (`PROPERTY_NOT_YET_KNOWN`); the same for a requester or unit
 * (`RESIDENT_NOT_YET_KNOWN`, `UNIT_NOT_YET_KNOWN`, issue 19): retry, bounded, as a front desk
 * would. Any other failure, or the deadline, is thrown.
 */
const NOT_YET_KNOWN = /(PROPERTY|RESIDENT|UNIT)_NOT_YET_KNOWN/;

export async function untilPropertyKnown<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!NOT_YET_KNOWN.test(String(error)) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
