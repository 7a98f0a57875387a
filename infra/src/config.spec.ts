import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  InfraConfigError,
  defaults,
  loadExternalEndpoints,
  loadInfraOptions,
  repoRoot,
  validateInfraOptions,
  type InfraOptions,
} from './config.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InfraConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected an InfraConfigError');
}

describe('infra options', () => {
  it('uses the documented defaults for an empty environment', () => {
    const options = loadInfraOptions({ HOME: '/home/dev' });
    expect(options).toEqual({
      dir: path.join(repoRoot, '.infra', 'dev'),
      cacheDir: path.join('/home/dev', '.cache', 'courtyard'),
      kafkaPort: 9092,
      kafkaControllerPort: 9093,
      mongoPort: 27017,
      mongoBackend: 'h2',
      readyTimeoutMs: 90_000,
    });
    expect(defaults.readyTimeoutMs).toBe(90_000);
  });

  it('reads every variable, resolving directories to absolute paths', () => {
    const options = loadInfraOptions({
      COURTYARD_INFRA_DIR: '/tmp/infra-x',
      XDG_CACHE_HOME: '/var/cache/me',
      KAFKA_PORT: '29092',
      KAFKA_CONTROLLER_PORT: '29093',
      MONGO_PORT: '28017',
      MONGO_BACKEND: 'memory',
      INFRA_READY_TIMEOUT_MS: '5000',
    });
    expect(options).toEqual({
      dir: '/tmp/infra-x',
      cacheDir: '/var/cache/me/courtyard',
      kafkaPort: 29092,
      kafkaControllerPort: 29093,
      mongoPort: 28017,
      mongoBackend: 'memory',
      readyTimeoutMs: 5000,
    });
    expect(loadInfraOptions({ COURTYARD_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }).cacheDir).toBe('/c');
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf(() =>
      loadInfraOptions({
        KAFKA_PORT: '0',
        KAFKA_CONTROLLER_PORT: '9093.5',
        MONGO_PORT: 'mongo',
        MONGO_BACKEND: 'wiredtiger',
        INFRA_READY_TIMEOUT_MS: '-1',
        MONGO_URL: 'localhost:27017',
        KAFKA_BROKERS: 'localhost',
      }),
    );
    for (const name of [
      'KAFKA_PORT',
      'KAFKA_CONTROLLER_PORT',
      'MONGO_PORT',
      'MONGO_BACKEND',
      'INFRA_READY_TIMEOUT_MS',
      'MONGO_URL',
      'KAFKA_BROKERS',
    ]) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('rejects ports above 65535 and clashing ports', () => {
    expect(problemsOf(() => loadInfraOptions({ MONGO_PORT: '65536' }))).toEqual([
      expect.stringContaining('MONGO_PORT'),
    ]);
    expect(problemsOf(() => loadInfraOptions({ MONGO_PORT: '9092' }))).toEqual([
      expect.stringContaining('kafkaPort and mongoPort must differ'),
    ]);
  });

  it('validates options passed in code as well', () => {
    const good = loadInfraOptions({});
    expect(validateInfraOptions(good)).toEqual([]);
    const bad: InfraOptions = { ...good, kafkaPort: 70000, readyTimeoutMs: 0, mongoBackend: 'x' as 'h2' };
    expect(validateInfraOptions(bad)).toHaveLength(3);
  });

  it('takes the Mongo heap from MONGO_MAX_HEAP and rejects a value java would not', () => {
    expect(loadInfraOptions({}).mongoMaxHeap).toBeUndefined();
    expect(loadInfraOptions({ MONGO_MAX_HEAP: '2g' }).mongoMaxHeap).toBe('2g');
    expect(() => loadInfraOptions({ MONGO_MAX_HEAP: '2 GB' })).toThrow(
      'mongoMaxHeap must look like 512m or 2g, got "2 GB"',
    );
  });

  it('parses external endpoints', () => {
    expect(loadExternalEndpoints({})).toEqual({});
    expect(
      loadExternalEndpoints({
        MONGO_URL: 'mongodb://db:27017/?replicaSet=rs0',
        KAFKA_BROKERS: 'a:9092, b:9093',
      }),
    ).toEqual({ mongoUrl: 'mongodb://db:27017/?replicaSet=rs0', kafkaBrokers: ['a:9092', 'b:9093'] });
  });
});
