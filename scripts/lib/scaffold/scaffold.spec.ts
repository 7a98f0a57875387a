import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from '../subgraphs.js';
import { subgraphNames, tokens } from './names.js';
import { nextPort, registerInCodegen, registerInCompose, registerInSupergraph } from './register.js';
import { renderTemplate } from './render.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

describe('new:subgraph names', () => {
  it('spells a subgraph and its first aggregate every way its files need', () => {
    expect(subgraphNames('facilities')).toMatchObject({
      envName: 'FACILITIES',
      pascal: 'Facilities',
      database: 'facilities',
      topic: 'facilities.events',
      aggregate: { pascal: 'Facility', camel: 'facility', kebab: 'facility', event: 'facility' },
      aggregates: { camel: 'facilities', snake: 'facilities' },
    });
    expect(subgraphNames('service-desk', { aggregate: 'FeeSchedule' })).toMatchObject({
      envName: 'SERVICE_DESK',
      database: 'service_desk',
      topic: 'servicedesk.events',
      aggregate: { camel: 'feeSchedule', kebab: 'fee-schedule', event: 'fee_schedule' },
      aggregates: { camel: 'feeSchedules', snake: 'fee_schedules' },
    });
    expect(subgraphNames('billing', { aggregate: 'Bill', plural: 'bills' }).aggregates.camel).toBe('bills');
  });

  it('refuses names that are not kebab-case, and aggregates that are not PascalCase', () => {
    expect(() => subgraphNames('Facilities')).toThrow(/kebab-case/);
    expect(() => subgraphNames('surveys', { aggregate: 'survey' })).toThrow(/PascalCase/);
  });
});

describe('new:subgraph template', () => {
  it('renders every file with no placeholder left, under the service and the event schemas', () => {
    const files = renderTemplate(`${ROOT}scripts/templates/subgraph`, tokens(subgraphNames('surveys'), 4005));
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'services/surveys/src/index.ts',
        'services/surveys/src/domain/survey.ts',
        'services/surveys/src/events/consumers/index.ts',
        'schema/events/survey.created.v1.json',
      ]),
    );
    expect(files.every((file) => /^(services\/surveys\/|schema\/events\/)/.test(file.path))).toBe(true);
    expect(JSON.parse(files.find((file) => file.path.endsWith('.json'))!.content)).toMatchObject({
      title: 'survey.created.v1',
      'x-topic': 'surveys.events',
    });
  });
});

describe('new:subgraph registration', () => {
  // A name no subgraph has, so the spec holds whichever subgraphs are composed.
  const names = subgraphNames('service-desk');
  const port = nextPort(read('schema/supergraph.yaml'));

  it('adds the subgraph after the highest port to the supergraph list, and refuses it twice', () => {
    const yaml = registerInSupergraph(read('schema/supergraph.yaml'), names, port);
    const listed = (parse(yaml) as { subgraphs: Record<string, { routing_url: string }> }).subgraphs;
    expect(listed['service-desk']?.routing_url).toBe(`http://127.0.0.1:${port}/graphql`);
    expect(port).toBeGreaterThan(4002);
    expect(() => registerInSupergraph(yaml, names, port)).toThrow(/already composed/);
  });

  it('adds its resolver types to codegen.yml', () => {
    const config = parse(registerInCodegen(read('codegen.yml'), names)) as {
      generates: Record<string, { config: { contextType: string } }>;
    };
    expect(
      config.generates['services/service-desk/src/__generated__/resolvers-types.ts']?.config.contextType,
    ).toBe('../context.js#ServiceDeskContext');
  });

  it('adds the service to docker-compose.yml, and the gateway routes to it and waits for it', () => {
    const compose = parse(registerInCompose(read('docker-compose.yml'), names, port), { merge: true }) as {
      services: Record<
        string,
        { environment?: Record<string, unknown>; depends_on?: Record<string, unknown> }
      >;
    };
    expect(compose.services['service-desk']?.environment).toMatchObject({
      PORT: port,
      MONGO_DATABASE: 'service_desk',
    });
    expect(compose.services.gateway?.environment?.SUBGRAPH_URL_SERVICE_DESK).toBe(
      `http://service-desk:${port}/graphql`,
    );
    expect(compose.services.gateway?.depends_on?.['service-desk']).toEqual({ condition: 'service_healthy' });
    expect(compose.services.seed?.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });
});
