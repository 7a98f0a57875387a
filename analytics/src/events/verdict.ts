import { parseEvent, type EventSchemaRegistry } from '@courtyard/kernel';
import type { Verdict } from '../domain/consumption.js';

/**
 * Reads a Kafka message value against the published contracts (spec §6): a type with a schema
 * must match it or the message is dead-lettered; a type without one is nobody's contract yet,
 * so it is counted and skipped rather than guessed at.
 */
export function createJudge(schemas: EventSchemaRegistry): (value: Buffer | null) => Verdict {
  const published = new Set(schemas.types());
  return (value) => {
    const event = parseEvent(value);
    if (!event) return { kind: 'unreadable', reason: 'not a CloudEvents 1.0 JSON message' };
    if (!published.has(event.type)) return { kind: 'unknown', type: event.type };
    const problems = schemas.validate(event);
    if (problems.length > 0) {
      return {
        kind: 'unreadable',
        reason: `${event.type} does not match its schema: ${problems.join('; ')}`,
      };
    }
    return { kind: 'event', event };
  };
}
