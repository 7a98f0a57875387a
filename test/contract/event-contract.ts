// Judges Kafka messages against the event schemas: the JSON Schema of the message's `type`, and
// the schema's `x-topic` (where it must travel) and `x-key` (which attribute is the message key).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEventSchemas, parseEvent } from '@courtyard/kernel';
import { isTestPoison } from '../support/test-poison.js';

export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** Milliseconds since the epoch, as the producer stamped it. */
  timestamp: number;
  value: Buffer | null;
  headers: Record<string, string>;
}

export type Verdict =
  | { kind: 'valid'; type: string }
  | { kind: 'poison' }
  | { kind: 'unknown-type'; type: string }
  | { kind: 'invalid'; type: string | null; problems: string[] };

export interface EventContract {
  types(): string[];
  judge(message: TopicMessage): Verdict;
}

interface Route {
  topic: string;
  keyAttribute: string;
}

export function loadEventContract(directory: string): EventContract {
  // What the platform publishes is held to the closed form: no property its schema does not list.
  const registry = loadEventSchemas(directory, { closed: true });
  const routes = new Map<string, Route>(
    registry.types().map((type) => {
      const schema = JSON.parse(readFileSync(join(directory, `${type}.json`), 'utf8')) as Record<
        string,
        string
      >;
      return [type, { topic: schema['x-topic']!, keyAttribute: schema['x-key']! }];
    }),
  );
  return {
    types: () => registry.types(),
    judge(message) {
      if (isTestPoison(message.headers)) return { kind: 'poison' };
      const event = parseEvent(message.value);
      if (!event) return { kind: 'invalid', type: null, problems: ['not a CloudEvents 1.0 JSON message'] };
      const route = routes.get(event.type);
      if (!route) return { kind: 'unknown-type', type: event.type };
      const problems = registry.validate(event);
      if (message.topic !== route.topic)
        problems.push(`published on ${message.topic}, its schema says ${route.topic}`);
      const expectedKey = (event as unknown as Record<string, unknown>)[route.keyAttribute];
      if (message.key !== expectedKey) {
        problems.push(
          `key ${JSON.stringify(message.key)} is not its ${route.keyAttribute} ${JSON.stringify(expectedKey)}`,
        );
      }
      return problems.length > 0
        ? { kind: 'invalid', type: event.type, problems }
        : { kind: 'valid', type: event.type };
    },
  };
}

export interface ContractSummary {
  checked: number;
  poison: number;
  /** One line per message that breaks the contract: where it is, its type, and why. */
  failures: string[];
  /** Per type, the messages produced since `producedSince` (this run, not earlier ones). */
  seen: Record<string, number>;
  /** Types with a schema that no message of this run had: a type no test produces is a type nobody checks. */
  neverSeen: string[];
}

/**
 * Every retained message must be valid (a consumer replaying the topic reads them all), but only
 * messages produced since `producedSince` count as produced by this run: a local test broker keeps
 * earlier runs' events.
 */
export function summarise(
  messages: readonly TopicMessage[],
  contract: EventContract,
  producedSince = 0,
): ContractSummary {
  const summary: ContractSummary = {
    checked: messages.length,
    poison: 0,
    failures: [],
    seen: {},
    neverSeen: [],
  };
  for (const message of messages) {
    const verdict = contract.judge(message);
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    if (verdict.kind === 'poison') summary.poison += 1;
    else if (verdict.kind === 'unknown-type')
      summary.failures.push(`${where} ${verdict.type}: no schema in schema/events/`);
    else if (verdict.kind === 'invalid')
      summary.failures.push(`${where} ${verdict.type ?? '(no type)'}: ${verdict.problems.join('; ')}`);
    const type = verdict.kind === 'valid' || verdict.kind === 'invalid' ? verdict.type : null;
    if (type && message.timestamp >= producedSince) summary.seen[type] = (summary.seen[type] ?? 0) + 1;
  }
  summary.neverSeen = contract.types().filter((type) => !summary.seen[type]);
  return summary;
}
