import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { registry } from '@courtyard/kernel';
import { listSubgraphs, ROOT } from '../scripts/lib/subgraphs.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

interface Panel {
  title: string;
  targets?: Array<{ expr: string }>;
}
const dashboard = JSON.parse(read('infra/grafana/dashboards/courtyard.json')) as {
  uid: string;
  panels: Panel[];
};
const prometheus = parse(read('infra/prometheus/prometheus.yml')) as {
  scrape_configs: Array<{ static_configs: Array<{ targets: string[] }> }>;
};
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, { profiles?: string[]; environment?: Record<string, string> }>;
};

/** The example dashboard and the compose stack beside it must stay true to what the services expose. */
describe('observability: the example dashboard, the scrape config and the compose profile', () => {
  it('charts only series the kernel registers (a renamed metric breaks this, not the dashboard)', async () => {
    const registered = new Set((await registry.getMetricsAsJSON()).map((metric) => metric.name));
    const charted = dashboard.panels.flatMap(({ targets = [] }) =>
      targets.flatMap(({ expr }) => [...expr.matchAll(/\b(courtyard_[a-z_]+)/g)].map(([, name]) => name!)),
    );
    expect(charted.length).toBeGreaterThan(10);
    const base = (name: string) => name.replace(/_(bucket|count|sum)$/, '');
    expect(charted.filter((name) => !registered.has(base(name)))).toEqual([]);
    for (const metric of [
      'courtyard_gateway_subgraph_fetch_seconds',
      'courtyard_graphql_operation_seconds',
      'courtyard_outbox_pending_events',
      'courtyard_outbox_oldest_pending_age_seconds',
      'courtyard_consumer_lag_messages',
      'courtyard_events_dead_lettered_total',
    ]) {
      expect(charted.map(base)).toContain(metric);
    }
  });

  it('scrapes the gateway and every subgraph at its port', () => {
    const targets = prometheus.scrape_configs.flatMap(({ static_configs }) =>
      static_configs.flatMap(({ targets: each }) => each),
    );
    expect(targets).toEqual(
      expect.arrayContaining(['gateway:4000', ...listSubgraphs().map(({ name, port }) => `${name}:${port}`)]),
    );
  });

  it('keeps Jaeger, Prometheus and Grafana optional, and tracing off unless the environment turns it on', () => {
    for (const name of ['jaeger', 'prometheus', 'grafana']) {
      expect(compose.services[name]?.profiles).toEqual(['observability']);
    }
    for (const name of ['gateway', ...listSubgraphs().map((subgraph) => subgraph.name)]) {
      expect(compose.services[name]?.environment).toMatchObject({
        OTEL_TRACES_EXPORTER: '${OTEL_TRACES_EXPORTER:-none}',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      });
    }
  });
});
