import { describe, expect, it } from '@jest/globals';
import { logLevel } from 'kafkajs';
import { pino } from 'pino';
import { kafkaLogCreator } from '../events/kafka.js';
import type { Beat } from '../scheduling/ticking.js';
import { collapseRepeats } from './collapse-repeats.js';

/** A clock the test moves, and a beat that fires whenever the clock passes its interval. */
const simulatedTime = () => {
  let now = 0;
  let fire: (() => void) | null = null;
  let everyMs = 0;
  let nextFireAt = 0;
  const beat: Beat = {
    every(intervalMs, callback) {
      everyMs = intervalMs;
      nextFireAt = now + intervalMs;
      fire = callback;
      return () => {
        fire = null;
      };
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    while (fire && nextFireAt <= until) {
      now = nextFireAt;
      nextFireAt += everyMs;
      fire();
    }
    now = until;
  };
  return { clock: () => now, beat, advance, beating: () => fire !== null };
};

const recordingLogger = () => {
  const lines: Array<{ level: number; msg: string } & Record<string, unknown>> = [];
  let bytes = 0;
  const logger = pino(
    { level: 'info' },
    {
      write(line: string) {
        bytes += Buffer.byteLength(line);
        lines.push(JSON.parse(line) as (typeof lines)[number]);
      },
    },
  );
  return { logger, lines, bytes: () => bytes };
};

describe('collapsing repeated log lines', () => {
  const setUp = () => {
    const time = simulatedTime();
    const out = recordingLogger();
    const repeats = collapseRepeats({
      logger: out.logger,
      summaryEveryMs: 10_000,
      quietMs: 15_000,
      recoveredMessage: 'broker answering again',
      clock: time.clock,
      beat: time.beat,
    });
    return { time, out, repeats };
  };

  it('logs the first in full, then a count at most every 10 s, then one line when it stops', () => {
    const { time, out, repeats } = setUp();
    repeats.log('error', 'Connection', 'Connection error: connect ECONNREFUSED', { stack: 'Error: …' });
    for (let i = 0; i < 99; i += 1) {
      time.advance(250);
      repeats.log('error', 'Connection', 'Connection error: connect ECONNREFUSED', { stack: 'Error: …' });
    }
    time.advance(20_000);
    expect(out.lines.map(({ msg }) => msg)).toEqual([
      'Connection error: connect ECONNREFUSED',
      // The beat at 10 s comes before the message logged at that instant.
      'Connection error: connect ECONNREFUSED (repeated 39 times in the last 10 s)',
      'Connection error: connect ECONNREFUSED (repeated 40 times in the last 10 s)',
      'Connection error: connect ECONNREFUSED (repeated 20 times in the last 10 s)',
      'broker answering again',
    ]);
    expect(out.lines[0]).toMatchObject({ level: 50, namespace: 'Connection', stack: 'Error: …' });
    expect(out.lines.at(-1)).toMatchObject({ level: 30, messages: 100 });
    expect(time.beating()).toBe(false);
  });

  it('keeps messages apart by namespace and wording, not by the numbers in them', () => {
    const { time, out, repeats } = setUp();
    repeats.log('warn', 'Runner', 'Restarting the consumer in 200ms', {});
    repeats.log('warn', 'Runner', 'Restarting the consumer in 400ms', {});
    repeats.log('warn', 'Producer', 'Restarting the consumer in 200ms', {});
    repeats.log('error', 'Runner', 'Crash: KafkaJSNumberOfRetriesExceeded', {});
    time.advance(30_000);
    expect(out.lines.map(({ msg }) => msg)).toEqual([
      'Restarting the consumer in 200ms',
      'Restarting the consumer in 200ms',
      'Crash: KafkaJSNumberOfRetriesExceeded',
      // A summary quotes the run's first wording.
      'Restarting the consumer in 200ms (repeated 1 times in the last 10 s)',
      'broker answering again',
    ]);
  });

  it('a message that comes back after the quiet line is logged in full again', () => {
    const { time, out, repeats } = setUp();
    repeats.log('error', 'Connection', 'refused', {});
    repeats.log('error', 'Connection', 'refused', {});
    time.advance(20_000);
    repeats.log('error', 'Connection', 'refused', {});
    expect(out.lines.map(({ msg }) => msg)).toEqual([
      'refused',
      'refused (repeated 1 times in the last 10 s)',
      'broker answering again',
      'refused',
    ]);
  });

  it('a lone warning that never repeats gets no closing line', () => {
    const { time, out, repeats } = setUp();
    repeats.log('warn', 'Connection', 'Response without match', {});
    time.advance(60_000);
    expect(out.lines.map(({ msg }) => msg)).toEqual(['Response without match']);
    expect(time.beating()).toBe(false);
  });

  it('a 30 s outage of every kafkajs client of a service logs a bounded number of lines', () => {
    const time = simulatedTime();
    const out = recordingLogger();
    const log = kafkaLogCreator(out.logger, { clock: time.clock, beat: time.beat })(logLevel.WARN);
    const entry = (namespace: string, message: string, level = logLevel.ERROR) => ({
      namespace,
      level,
      label: level === logLevel.ERROR ? 'ERROR' : 'WARN',
      log: {
        timestamp: new Date(time.clock()).toISOString(),
        logger: 'kafkajs',
        message,
        broker: '127.0.0.1:19092',
        stack: 'Error: connect ECONNREFUSED 127.0.0.1:19092\n    at TCPConnectWrap.afterConnect',
      },
    });
    // What the measured outage logged, ten times a second for 30 s: 1,200 kafkajs messages.
    for (let tenth = 0; tenth < 300; tenth += 1) {
      log(entry('Connection', 'Connection error: connect ECONNREFUSED 127.0.0.1:19092'));
      log(entry('BrokerPool', 'Failed to connect to seed broker, trying another broker from the list'));
      log(entry('Consumer', `Crash: KafkaJSNonRetriableError: Connection error`));
      log(entry('Runner', `Restarting the consumer in ${200 * (1 + (tenth % 5))}ms`, logLevel.WARN));
      time.advance(100);
    }
    time.advance(20_000);
    // Four messages: each once in full and three summaries, and the line saying it is over.
    expect(out.lines).toHaveLength(4 + 4 * 3 + 1);
    expect(out.bytes()).toBeLessThan(5_000);
    const repeated = out.lines.reduce((sum, line) => sum + (Number(line.repeated) || 0), 0);
    expect(repeated + 4).toBe(1_200);
    // Said at the first beat after 15 s without an error.
    expect(out.lines.at(-1)).toMatchObject({ component: 'kafka', messages: 1_200, seconds: 50 });
  });
});
