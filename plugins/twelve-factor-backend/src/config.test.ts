import { ConfigReader } from '@backstage/config';
import { readTwelveFactorConfig } from './config';

describe('readTwelveFactorConfig', () => {
  it('has defaults for everything', () => {
    const s = readTwelveFactorConfig(new ConfigReader({}));
    expect(s.maxAgeMs).toBe(10 * 60_000);
    expect(s.historyMaxAgeMs).toBe(90 * 24 * 3_600_000);
    expect(s.schedule).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 30 },
    });
    expect(s.limits).toEqual({});
    expect(s.collector).toEqual({});
  });

  it('reads durations as objects or ISO strings, and the limits', () => {
    const s = readTwelveFactorConfig(
      new ConfigReader({
        twelveFactor: {
          maxAge: 'PT5M',
          history: { maxAge: { days: 7 } },
          limits: { maxFiles: 10, maxManifestBytes: 2048 },
          collection: { requestTimeout: { seconds: 3 }, pageSize: 50 },
        },
      }),
    );
    expect(s.maxAgeMs).toBe(5 * 60_000);
    expect(s.historyMaxAgeMs).toBe(7 * 24 * 3_600_000);
    expect(s.limits).toEqual({ maxFiles: 10, maxManifestBytes: 2048 });
    expect(s.collector).toEqual({ requestTimeoutMs: 3_000, pageSize: 50 });
  });
});
