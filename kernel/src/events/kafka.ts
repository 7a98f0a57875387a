import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '../logger.js';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose logs go through pino, so one service has one log stream. */
export function createKafka(clientId: string, brokers: readonly string[], logger: Logger): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const kafkaLogger = logger.child({ component: 'kafka' });
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        kafkaLogger[levels[level] ?? 'info'](extra, message);
      },
  });
}
