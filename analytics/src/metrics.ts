import client from 'prom-client';
import { registry } from '@courtyard/kernel';
import type { KpiSnapshot, PropertyKpis } from './domain/snapshot.js';

/** The headline figures per property as Prometheus gauges, read from the state at scrape time. */
export function registerKpiGauges(snapshot: () => KpiSnapshot): void {
  const gauge = (name: string, help: string, value: (property: PropertyKpis) => number | null) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['property'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const property of snapshot().properties) {
          const measured = value(property);
          if (measured !== null) this.set({ property: property.propertyId }, measured);
        }
      },
    });
  gauge(
    'courtyard_kpi_help_requests_opened',
    'Help requests opened, all days',
    (p) => p.totals.helpRequests.opened,
  );
  gauge(
    'courtyard_kpi_help_requests_closed',
    'Help requests closed, all days',
    (p) => p.totals.helpRequests.closed,
  );
  gauge(
    'courtyard_kpi_sla_compliance_ratio',
    'Fixes delivered by their due time',
    (p) => p.totals.sla.complianceRate,
  );
  gauge('courtyard_kpi_satisfaction_ratio', 'Satisfied follow-up visits', (p) => p.totals.satisfaction.rate);
}
