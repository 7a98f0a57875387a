import type { Logger } from '../logger.js';

type Closer = () => Promise<unknown>;

/**
 * The one shutdown sequence of a process, on SIGTERM or SIGINT: the closers in registration
 * order (stop accepting and drain in-flight requests, stop consumers, flush the outbox, close
 * clients), then exit 0. Bounded: past `timeoutMs` the process exits 1, so a hung closer cannot
 * keep it alive. A second signal during the sequence is logged and otherwise ignored (it must
 * not cut the drain short with the default action); Apollo Server's own signal handler is off
 * (`stopOnTerminationSignals: false`), or it would stop the server and re-send the signal.
 */
export function onShutdown(logger: Logger, closers: Closer[], timeoutMs = 25_000): void {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    shuttingDown = true;
    const started = Date.now();
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    force.unref();
    for (const close of closers) {
      try {
        await close();
      } catch (error) {
        logger.warn({ err: error }, 'error during shutdown');
      }
    }
    logger.info({ ms: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
