import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mountOperationalEndpoints, type Logger } from '@courtyard/kernel';
import type { KpiSnapshot } from '../domain/snapshot.js';

export interface KpiServer {
  url: string;
  stop(): Promise<void>;
}

/** GET /kpis (optionally `?propertyId=`) beside the usual /healthz, /readyz and /metrics. */
export async function startKpiServer(options: {
  port: number;
  host: string;
  logger: Logger;
  snapshot: () => KpiSnapshot;
  isReady: () => Promise<boolean>;
}): Promise<KpiServer> {
  const app = express();
  mountOperationalEndpoints(app, 'analytics', options.isReady);
  app.get('/kpis', (req, res) => {
    const snapshot = options.snapshot();
    const { propertyId } = req.query;
    res.json(
      typeof propertyId === 'string'
        ? { ...snapshot, properties: snapshot.properties.filter((p) => p.propertyId === propertyId) }
        : snapshot,
    );
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  options.logger.info({ url }, 'analytics KPIs served');
  return {
    url,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
