import type { Kafka } from 'kafkajs';

/**
 * Reads a topic from the start and checks what arrives: per key, sequence numbers must come
 * 1, 2, 3… (a gap is an event lost or overtaken), and no event id may come twice.
 */
export async function startSequenceCheck(kafka: Kafka, topic: string, groupId: string) {
  const expected = new Map<string, number>();
  const seen = new Set<string>();
  const result = { received: 0, duplicates: 0, outOfOrder: 0, firstAt: 0, lastAt: 0 };
  const arrivals: number[] = [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const event = JSON.parse(message.value!.toString()) as { id: string; data: { seq: number } };
        const key = message.key!.toString();
        if (seen.has(event.id)) {
          result.duplicates += 1;
          continue;
        }
        seen.add(event.id);
        const next = expected.get(key) ?? 1;
        if (event.data.seq !== next) result.outOfOrder += 1;
        expected.set(key, event.data.seq + 1);
        result.received += 1;
        arrivals.push(now);
        result.firstAt ||= now;
        result.lastAt = now;
      }
    },
  });
  return {
    result,
    /** Events that arrived up to `at` (performance.now() time). */
    arrivedBy: (at: number) => arrivals.filter((t) => t <= at).length,
    stop: () => consumer.disconnect(),
  };
}
