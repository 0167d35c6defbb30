import { builtInChecks } from '@internal/plugin-twelve-factor-common';
import { serviceEntity, snapshotOf } from '../__testUtils__';
import { createFactRef, UnknownVerdictError } from './facts';
import { TwelveFactorEngine } from './TwelveFactorEngine';

const countFact = createFactRef<number>({ id: 'test.count' });

describe('TwelveFactorEngine', () => {
  it('reports every catalog check, unimplemented ones as unknown with a reason', async () => {
    const engine = new TwelveFactorEngine({ checks: [], extractors: [] });
    const card = await engine.evaluate({ entity: serviceEntity('a') });
    expect(card.entityRef).toBe('component:default/a');
    expect(card.results).toHaveLength(builtInChecks.length);
    expect(
      card.results.every(
        r => r.verdict === 'unknown' && /Not yet analysed/.test(r.reason!),
      ),
    ).toBe(true);
    expect(card.overall).toBeNull();
  });

  it('turns an undecidable fact into unknown with the reason, and a crashing check into unknown plus a diagnostic', async () => {
    let extracted = 0;
    const engine = new TwelveFactorEngine({
      extractors: [
        {
          ref: countFact,
          extract: () => {
            extracted++;
            throw new UnknownVerdictError('no repository');
          },
        },
      ],
      checks: [
        {
          id: 'f1-codebase.version-control',
          evaluate: ({ facts }) => ({
            verdict: 'pass',
            summary: String(facts.get(countFact)),
          }),
        },
        {
          id: 'f1-codebase.one-app-one-repo',
          evaluate: ({ facts }) => ({
            verdict: 'pass',
            summary: String(facts.get(countFact)),
          }),
        },
        {
          id: 'f1-codebase.deploys-per-env',
          evaluate: () => {
            throw new TypeError('boom');
          },
        },
      ],
    });
    const card = await engine.evaluate({ entity: serviceEntity() });
    const byId = new Map(card.results.map(r => [r.checkId, r]));
    expect(byId.get('f1-codebase.version-control')).toMatchObject({
      verdict: 'unknown',
      reason: 'no repository',
    });
    expect(byId.get('f1-codebase.deploys-per-env')).toMatchObject({
      verdict: 'unknown',
      reason: expect.stringContaining('boom'),
    });
    expect(card.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        source: 'check:f1-codebase.deploys-per-env',
      }),
    ]);
    expect(extracted).toBe(1);
  });

  it('adds custom checks with their definition and scores them', async () => {
    const engine = new TwelveFactorEngine({
      extractors: [
        { ref: countFact, extract: ({ input }) => input.repo?.size ?? 0 },
      ],
      checks: [
        {
          id: 'cn-security.acme-sbom',
          definition: {
            area: 'cn-security',
            title: 'SBOM published',
            weight: 1,
            sources: ['repo'],
            criteria: { pass: 'an SBOM is published' },
            docsUrl: 'https://example.com/sbom',
          },
          evaluate: ({ facts }) => ({
            verdict: facts.get(countFact) > 1 ? 'pass' : 'fail',
            summary: 'counted',
            remediation: { text: 'publish one' },
          }),
        },
      ],
    });
    expect(engine.checkDefinitions().at(-1)).toMatchObject({
      id: 'cn-security.acme-sbom',
      area: 'cn-security',
    });
    const card = await engine.evaluate({
      entity: serviceEntity(),
      repo: snapshotOf({ a: '1', b: '2' }),
    });
    const r = card.results.find(x => x.checkId === 'cn-security.acme-sbom')!;
    expect(r.verdict).toBe('pass');
    expect(card.areas.find(a => a.areaId === 'cn-security')!.score).toBe(100);
    const failing = await engine.evaluate({
      entity: serviceEntity(),
      repo: snapshotOf({ a: '1' }),
    });
    expect(
      failing.results.find(x => x.checkId === 'cn-security.acme-sbom')!
        .remediation,
    ).toEqual({ text: 'publish one', docsUrl: 'https://example.com/sbom' });
  });

  it('rejects a custom check in an unknown area or without a definition', () => {
    expect(
      () =>
        new TwelveFactorEngine({
          extractors: [],
          checks: [
            { id: 'x.y', evaluate: () => ({ verdict: 'pass', summary: '' }) },
          ],
        }),
    ).toThrow(/brings no definition/);
    expect(
      () =>
        new TwelveFactorEngine({
          extractors: [],
          checks: [
            {
              id: 'x.y',
              definition: {
                area: 'nope',
                title: '',
                weight: 1,
                sources: [],
                criteria: {},
                docsUrl: '',
              },
              evaluate: () => ({ verdict: 'pass', summary: '' }),
            },
          ],
        }),
    ).toThrow(/unknown area/);
  });

  it('applies active waivers, ignores expired ones and keeps waived checks out of the score', async () => {
    const engine = new TwelveFactorEngine({
      extractors: [],
      checks: [
        {
          id: 'f10-dev-prod-parity.staging',
          evaluate: () => ({ verdict: 'fail', summary: 'only dev and prd' }),
        },
        {
          id: 'f10-dev-prod-parity.same-stack',
          evaluate: () => ({ verdict: 'pass', summary: 'same' }),
        },
        {
          id: 'f10-dev-prod-parity.container-dev',
          evaluate: () => ({ verdict: 'fail', summary: 'none' }),
        },
      ],
    });
    const now = new Date('2026-11-26T10:00:00Z');
    const card = await engine.evaluate(
      { entity: serviceEntity() },
      {
        now,
        waivers: [
          {
            check: 'f10-dev-prod-parity.staging',
            reason: 'service is small',
            expires: '2027-06-30',
          },
          {
            check: 'f10-dev-prod-parity.container-dev',
            reason: 'later',
            expires: '2026-11-25',
          },
        ],
      },
    );
    const staging = card.results.find(
      r => r.checkId === 'f10-dev-prod-parity.staging',
    )!;
    expect(staging).toMatchObject({
      verdict: 'waived',
      reason: 'service is small',
    });
    const dev = card.results.find(
      r => r.checkId === 'f10-dev-prod-parity.container-dev',
    )!;
    expect(dev.verdict).toBe('fail');
    expect(dev.expiredWaiver?.expires).toBe('2026-11-25');
    expect(
      card.areas.find(a => a.areaId === 'f10-dev-prod-parity')!.score,
    ).toBe(50);
  });
});
