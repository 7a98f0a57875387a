import type { Logger } from '../logger.js';

type Closer = () => Promise<unknown>;

/**
 * Runs closers in registration order on SIGTERM/SIGINT (stop taking requests, drain them,
 * flush the outbox, close clients), then exits. A hung closer cannot keep the process alive.
 */
export function onShutdown(logger: Logger, closers: Closer[], timeoutMs = 20_000): void {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out');
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
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
