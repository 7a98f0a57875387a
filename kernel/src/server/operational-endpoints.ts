import type { Express } from 'express';
import { registry } from './metrics.js';

/**
 * What operators and orchestrators call: /healthz (the process is alive), /readyz (it can serve:
 * its dependencies answer), /metrics (Prometheus). The same on the gateway and every subgraph.
 */
export function mountOperationalEndpoints(
  app: Express,
  service: string,
  isReady: () => Promise<boolean>,
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', service });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
