import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { envName, listSubgraphs, ROOT } from '../scripts/lib/subgraphs.js';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(`${ROOT}docker-compose.yml`, 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** The production-like path must keep up as subgraphs are added. */
describe('docker-compose.yml', () => {
  it('runs real MongoDB as a replica set and Apache Kafka 3.9.1 in KRaft mode, both health-checked', () => {
    const { mongo, kafka } = compose.services;
    expect(mongo?.image).toMatch(/^mongo:(7|8)\./);
    expect(mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(kafka?.image).toBe('apache/kafka:3.9.1');
    expect(kafka?.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1,
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    expect(mongo?.healthcheck).toBeDefined();
    expect(kafka?.healthcheck).toBeDefined();
  });

  it.each(listSubgraphs().map((subgraph) => [subgraph.name, subgraph] as const))(
    'has the %s subgraph with its port, database, health check and start order, and the gateway routes to it',
    (name, subgraph) => {
      const service = compose.services[name];
      expect(service?.command).toEqual([`services/${name}/src/index.ts`]);
      expect(Number(service?.environment?.PORT)).toBe(subgraph.port);
      expect(service?.environment?.MONGO_URL).toContain('replicaSet=rs0');
      expect(service?.healthcheck?.test.join(' ')).toContain(`${subgraph.port}/readyz`);
      expect(service?.depends_on).toEqual({
        mongo: { condition: 'service_healthy' },
        kafka: { condition: 'service_healthy' },
      });
      const gateway = compose.services.gateway!;
      expect(gateway.environment?.[`SUBGRAPH_URL_${envName(name)}`]).toBe(
        `http://${name}:${subgraph.port}/graphql`,
      );
      expect(gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    },
  );

  it('commits no secret: every *SECRET variable comes from the environment, required, with no fallback', () => {
    const raw = readFileSync(`${ROOT}docker-compose.yml`, 'utf8');
    expect(raw).not.toMatch(/\$\{[A-Z0-9_]*SECRET[A-Z0-9_]*:?-/);
    const secrets = Object.entries(compose.services).flatMap(([service, { environment }]) =>
      Object.entries(environment ?? {})
        .filter(([name]) => /SECRET/.test(name))
        .map(([name, value]) => ({ service, name, value: String(value) })),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const { service, name, value } of secrets) {
      expect({ service, name, value }).toEqual({
        service,
        name,
        value: expect.stringMatching(new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`)),
      });
    }
  });
});
