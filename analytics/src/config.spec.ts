import { describe, expect, it } from '@jest/globals';
import { loadAnalyticsConfig } from './config.js';

describe('analytics configuration', () => {
  it('defaults to its own database, group and the Shanghai calendar, folding on from the stored state', () => {
    expect(loadAnalyticsConfig({}, [])).toMatchObject({
      MONGO_DATABASE: 'analytics',
      ANALYTICS_GROUP_ID: 'analytics-kpis',
      ANALYTICS_TIME_ZONE: 'Asia/Shanghai',
      ANALYTICS_SEEN_EVENTS_RETENTION_DAYS: 14,
      ANALYTICS_SEEN_EVENTS_PRUNE_INTERVAL_MS: 3_600_000,
      replay: false,
    });
  });

  it('replays when asked on the command line or in the environment', () => {
    expect(loadAnalyticsConfig({}, ['--replay']).replay).toBe(true);
    expect(loadAnalyticsConfig({ ANALYTICS_REPLAY: 'true' }, []).replay).toBe(true);
  });
});
