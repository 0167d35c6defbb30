import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { envClass, environmentSources, type EnvSource } from './environments';

interface EnvView {
  env: string;
  databases: Map<string, Evidence>;
  backing: Map<string, Evidence>;
  images: Map<string, Evidence>;
  labels: string[];
  targets: number;
}

function merge(sources: ReadonlyArray<EnvSource>): EnvView[] {
  const byEnv = new Map<string, EnvView>();
  for (const s of sources) {
    const v: EnvView = byEnv.get(s.env) ?? {
      env: s.env,
      databases: new Map(),
      backing: new Map(),
      images: new Map(),
      labels: [],
      targets: 0,
    };
    for (const [k, e] of s.databases)
      if (!v.databases.has(k)) v.databases.set(k, e);
    for (const [k, e] of s.backing) if (!v.backing.has(k)) v.backing.set(k, e);
    for (const [k, e] of s.images) if (!v.images.has(k)) v.images.set(k, e);
    v.labels.push(s.label);
    if (s.kind === 'target') v.targets++;
    byEnv.set(s.env, v);
  }
  return [...byEnv.values()];
}

/** Two environments that each use a kind the other lacks, within one role: a swap (SQLite here, PostgreSQL there). */
function swaps(
  views: EnvView[],
  pick: (v: EnvView) => Map<string, Evidence>,
): Array<{ a: EnvView; b: EnvView; onlyA: string[]; onlyB: string[] }> {
  const out: Array<{
    a: EnvView;
    b: EnvView;
    onlyA: string[];
    onlyB: string[];
  }> = [];
  for (let i = 0; i < views.length; i++) {
    for (let j = i + 1; j < views.length; j++) {
      const a = pick(views[i]);
      const b = pick(views[j]);
      if (a.size === 0 || b.size === 0) continue;
      const onlyA = [...a.keys()].filter(k => !b.has(k));
      const onlyB = [...b.keys()].filter(k => !a.has(k));
      if (onlyA.length === 0 || onlyB.length === 0) continue;
      // Keep production (or the unnamed deployed environment) as `b`, the reference the other one should follow.
      const aIsProd =
        envClass(views[i].env) === 'prod' ||
        (views[i].env === 'default' && envClass(views[j].env) !== 'prod');
      out.push(
        aIsProd
          ? { a: views[j], b: views[i], onlyA: onlyB, onlyB: onlyA }
          : { a: views[i], b: views[j], onlyA, onlyB },
      );
    }
  }
  return out;
}

export const sameStack: TwelveFactorCheck = {
  id: 'f10-dev-prod-parity.same-stack',
  evaluate({ facts }) {
    const views = merge(environmentSources(facts)).filter(
      v => v.databases.size || v.backing.size || v.images.size,
    );
    if (views.length < 2) {
      return {
        verdict: 'unknown',
        summary: views.length
          ? `Only one environment (${views[0].env}) describes its stack`
          : 'No environment describes its stack',
        reason:
          'Fewer than two environments (deploy targets, compose files, .env files, configuration profiles) name their backing services or images, so there is nothing to compare.',
      };
    }
    const targets = views.filter(v => v.targets > 0);
    const found = [
      ...swaps(views, v => v.databases).map(s => ({ ...s, what: 'database' })),
      ...swaps(views, v => v.backing).map(s => ({
        ...s,
        what: 'backing service',
      })),
      ...swaps(targets, v => v.images).map(s => ({ ...s, what: 'image' })),
    ];
    const describe = (v: EnvView) =>
      `${v.env}: ${
        [...v.databases.keys(), ...v.backing.keys()].join(', ') ||
        'no backing services'
      }${v.images.size ? `; images ${[...v.images.keys()].join(', ')}` : ''}`;
    if (found.length === 0) {
      return {
        verdict: 'pass',
        summary: `${views.length} environments use the same stack (${views
          .map(describe)
          .join(' | ')})`,
        evidence: capEvidence(
          views.flatMap(v =>
            [
              ...v.databases.values(),
              ...v.backing.values(),
              ...v.images.values(),
            ].slice(0, 3),
          ),
        ),
      };
    }
    const f = found[0];
    return {
      verdict: 'partial',
      summary: found
        .map(
          s =>
            `${s.a.env} uses ${s.what} ${s.onlyA.join(', ')} where ${
              s.b.env
            } uses ${s.onlyB.join(', ')}`,
        )
        .join('; '),
      evidence: capEvidence(
        found.flatMap(s => {
          const pick = (v: EnvView) =>
            ((
              { database: v.databases, image: v.images } as Record<
                string,
                Map<string, Evidence>
              >
            )[s.what] ?? v.backing);
          return [
            ...s.onlyA.map(k => pick(s.a).get(k)!),
            ...s.onlyB.map(k => pick(s.b).get(k)!),
          ];
        }),
      ),
      remediation: {
        text:
          f.what === 'image'
            ? `Deploy the same images in every environment and let overlays change only tags, replicas and configuration (${
                f.a.env
              } runs ${f.onlyA.join(', ')}, ${f.b.env} runs ${f.onlyB.join(
                ', ',
              )}).`
            : `Use the same ${f.what} kind everywhere: run ${f.onlyB.join(
                ', ',
              )} in ${
                f.a.env
              } as well (a container in docker compose, Testcontainers in tests) instead of ${f.onlyA.join(
                ', ',
              )}.`,
      },
    };
  },
};
