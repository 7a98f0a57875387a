import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createLogger,
  loadEventSchemas,
  reactionContext,
  type CloudEvent,
  type EventDataByType,
  type EventHandler,
  type EventType,
  type ReactionContext,
} from '@courtyard/kernel';
import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * Feeds an event handler what the broker would: a schema-valid event built from the first
 * example in `schema/events/<type>.json`, and the command context the consumer would give it.
 */
const SCHEMA_DIRECTORY = join(ROOT, 'schema/events');
const registry = loadEventSchemas(SCHEMA_DIRECTORY);

interface EventSchemaFile {
  /** Complete, schema-valid CloudEvents (`npm run catalogue:check` validates each). */
  examples?: Array<CloudEvent<unknown>>;
}

/** The example event of `type`, with `overrides` applied; refused unless it matches its schema. */
export function exampleEvent<T extends EventType>(
  type: T,
  overrides: Partial<Omit<CloudEvent<EventDataByType[T]>, 'data'>> & {
    data?: Partial<EventDataByType[T]>;
  } = {},
): CloudEvent<EventDataByType[T]> {
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIRECTORY, `${type}.json`), 'utf8')) as EventSchemaFile;
  const example = schema.examples?.[0];
  if (!example) throw new Error(`schema/events/${type}.json has no example`);
  const event = {
    ...example,
    ...overrides,
    data: { ...(example.data as EventDataByType[T]), ...overrides.data },
  } as CloudEvent<EventDataByType[T]>;
  const problems = registry.validate(event);
  if (problems.length > 0) throw new Error(`example ${type} is not schema-valid: ${problems.join('; ')}`);
  return event;
}

/** Runs `handler` on `event` as the consumer would; returns the command context it was given. */
export async function feed(
  handler: EventHandler,
  event: CloudEvent,
  { now = new Date('2026-11-23T08:00:05.000Z'), actor = 'handler-test' } = {},
): Promise<ReactionContext> {
  const command = reactionContext(event, actor, now);
  await handler(event, command, {
    topic: 'test',
    partition: 0,
    offset: '0',
    logger: createLogger('handler-test', 'silent'),
  });
  return command;
}
