import type {
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { advice, because, english, finding } from '../messages';
import { envClass, environmentSources, type EnvSource } from './environments';

const M = 'f10-dev-prod-parity.same-stack';

/** The English of message parts, as they are joined in a finding. */
const say = (parts: ReadonlyArray<MessagePart>, separator: string) =>
  parts.map(p => english(p.id, p.params)).join(separator);

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
        ...(views.length
          ? finding(`${M}.only-one`, { env: views[0].env })
          : finding(`${M}.none`)),
        ...because(`${M}.fewer-reason`),
      };
    }
    const targets = views.filter(v => v.targets > 0);
    const found = [
      ...swaps(views, v => v.databases).map(s => ({ ...s, what: 'database' })),
      // `backing` in message ids.
      ...swaps(views, v => v.backing).map(s => ({
        ...s,
        what: 'backing service',
      })),
      ...swaps(targets, v => v.images).map(s => ({ ...s, what: 'image' })),
    ];
    // An environment's stack: `view[-empty][-images]`.
    const describe = (v: EnvView): MessagePart => {
      const kinds = [...v.databases.keys(), ...v.backing.keys()].join(', ');
      return {
        id: `${M}.view${kinds ? '' : '-empty'}${
          v.images.size ? '-images' : ''
        }`,
        params: {
          env: v.env,
          ...(kinds ? { kinds } : {}),
          ...(v.images.size ? { images: [...v.images.keys()].join(', ') } : {}),
        },
      };
    };
    if (found.length === 0) {
      const head: MessagePart = {
        id: `${M}.same`,
        params: { n: views.length },
      };
      const stacks = views.map(describe);
      return {
        verdict: 'pass',
        summary: `${say([head], '')} (${say(stacks, ' | ')})`,
        summaryMsg: [head, ...stacks],
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
    const kindOf = (what: string) =>
      what === 'backing service' ? 'backing' : what;
    const swapped: MessagePart[] = found.map(s => ({
      id: `${M}.swap-${kindOf(s.what)}`,
      params: {
        env: s.a.env,
        kinds: s.onlyA.join(', '),
        other: s.b.env,
        otherKinds: s.onlyB.join(', '),
      },
    }));
    return {
      verdict: 'partial',
      summary: say(swapped, '; '),
      summaryMsg: swapped,
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
      remediation: advice(`${M}.swap-${kindOf(f.what)}-advice`, {
        env: f.a.env,
        kinds: f.onlyA.join(', '),
        other: f.b.env,
        otherKinds: f.onlyB.join(', '),
      }),
    };
  },
};
