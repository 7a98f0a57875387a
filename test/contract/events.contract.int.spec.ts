// Runs after every other integration test (test/support/contract-last-sequencer.js): the topics
// then hold every event the suite made the services publish, and each must be what an analytics
// consumer reading it against schema/events/ expects. Run alone, it has little to read, and the
// coverage check says so.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { loadEventContract, summarise, type ContractSummary } from './event-contract.js';
import { waitForOutboxesToDrain } from './outbox-drain.js';
import { readToHighWater } from './topic-reader.js';

const DOMAIN_TOPICS = Object.entries(TOPICS)
  .filter(([name]) => name !== 'deadLetter')
  .map(([, topic]) => topic);

describe('event contract: every event the suite produced is one its schema describes', () => {
  let summary: ContractSummary;

  beforeAll(async () => {
    const stillPending = await waitForOutboxesToDrain(process.env.MONGO_URL!, 15_000);
    const { messages, absentTopics } = await readToHighWater(
      process.env.KAFKA_BROKERS!.split(','),
      DOMAIN_TOPICS,
    );
    // In band (as test:int runs), this is the process that started the platform for this run.
    const runStartedAt = Date.now() - process.uptime() * 1000;
    summary = summarise(messages, loadEventContract(`${ROOT}schema/events`), runStartedAt);
    process.stderr.write(
      [
        `event contract: ${summary.checked} messages read, ${summary.poison} test poison skipped`,
        `  produced by this run, by type: ${JSON.stringify(summary.seen)}`,
        ...(absentTopics.length > 0 ? [`  topics not created yet: ${absentTopics.join(', ')}`] : []),
        ...(stillPending.length > 0 ? [`  outboxes not drained: ${stillPending.join(', ')}`] : []),
      ].join('\n') + '\n',
    );
  });

  it('every message matches the schema of its type, travels on its x-topic and is keyed by its x-key', () => {
    expect(summary.failures).toEqual([]);
  });

  it('every event type with a schema was produced by at least one test', () => {
    expect(summary.neverSeen).toEqual([]);
  });
});
