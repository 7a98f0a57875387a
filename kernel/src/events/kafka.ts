import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from '../logger.js';
import { collapseRepeats, type CollapseRepeatsOptions } from '../logging/collapse-repeats.js';
// Every client made here: without it, each broker connection wakes up every millisecond.
import './kafkajs-idle-timer.js';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** While the broker is away: one line per repeated error at most this often. */
export const KAFKA_REPEAT_SUMMARY_MS = 10_000;
/** No error for this long: the broker answers again (longer than the clients' 5 s retry cap). */
export const KAFKA_QUIET_MS = 15_000;

/**
 * kafkajs logs into pino, so one service has one log stream; a broker outage's errors (every
 * client retrying, several a second) collapse into their first line and a count every 10 s.
 */
export function kafkaLogCreator(
  logger: Logger,
  timing: Pick<CollapseRepeatsOptions, 'clock' | 'beat'> = {},
): logCreator {
  const kafkaLogger = logger.child({ component: 'kafka' });
  const repeats = collapseRepeats({
    logger: kafkaLogger,
    summaryEveryMs: KAFKA_REPEAT_SUMMARY_MS,
    quietMs: KAFKA_QUIET_MS,
    recoveredMessage: 'broker answering again: its errors stopped',
    ...timing,
  });
  return () =>
    ({ level, namespace, log }: LogEntry) => {
      const { message, ...extra } = log;
      const as = levels[level] ?? 'info';
      if (as === 'error' || as === 'warn') repeats.log(as, namespace, message, extra);
      else kafkaLogger[as](extra, message);
    };
}

/** A kafkajs client whose logs go through pino (see `kafkaLogCreator`). */
export function createKafka(clientId: string, brokers: readonly string[], logger: Logger): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
    logCreator: kafkaLogCreator(logger),
  });
}
