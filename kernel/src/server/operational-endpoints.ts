import type { Express } from 'express';
import { registry } from './metrics.js';

/**
 * Readiness with its detail: `ready` decides 200 or 503; `checks` says what each dependency is
 * doing, including ones that do not gate readiness (a subgraph's broker, see startSubgraph).
 */
export interface Readiness {
  ready: boolean;
  checks?: Record<string, string>;
}

/**
 * What operators and orchestrators call: /healthz (the process is alive), /readyz (it can serve:
 * its dependencies answer), /metrics (Prometheus). The same on the gateway and every subgraph.
 */
export function mountOperationalEndpoints(
  app: Express,
  service: string,
  isReady: () => Promise<boolean | Readiness>,
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/readyz', async (_req, res) => {
    const answer = await isReady();
    const { ready, checks } = typeof answer === 'boolean' ? { ready: answer, checks: undefined } : answer;
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', service, ...(checks ? { checks } : {}) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
