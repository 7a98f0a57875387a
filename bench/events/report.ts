/** The run as a markdown page: one section per measurement, the targets of issue 24 beside. */
export function toMarkdown(report: Record<string, unknown>): string {
  const lines = [`# bench:events ${String(report.at)}`, '', `MongoDB: ${String(report.mongo)}`, ''];
  const section = (title: string, target: string, value: unknown) => {
    if (value === undefined) return;
    lines.push(
      `## ${title}`,
      '',
      `Target: ${target}`,
      '',
      '```json',
      JSON.stringify(value, null, 2),
      '```',
      '',
    );
  };
  section(
    '(a) Outbox to broker',
    '≥ 2,000 events/s sustained 60 s; order per aggregate kept; nothing lost or duplicated',
    report.outboxToBroker,
  );
  section(
    '(b) Write to visible',
    'p50 ≤ 50 ms, p99 ≤ 200 ms at 100 writes/s through the gateway',
    report.writeToVisible,
  );
  section(
    '(c) Kernel idempotent consumer',
    '≥ 2,000 events/s, applied once, lag zero ≤ 5 s after 10,000',
    report.kernelConsumer,
  );
  section(
    '(c) Analytics consumer',
    '≥ 2,000 events/s, applied once, lag zero ≤ 5 s after 10,000',
    report.analyticsConsumer,
  );
  section('(d) Growth with data', 'report how the cost grows', report.growth);
  return `${lines.join('\n')}\n`;
}
