import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import {
  appProcesses,
  autoscalersOf,
  describeScaler,
  detachedAutoscalers,
  judgeSets,
  namespaceOf,
  replicasOf,
} from './processTypes';
import { advice, finding, noted, eachSaid } from '../messages';

const M = 'f8-concurrency.horizontal';

export const horizontal: TwelveFactorCheck = {
  id: 'f8-concurrency.horizontal',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const webs = appProcesses(set).filter(w => w.type === 'web');
        if (webs.length === 0) {
          // An autoscaler whose workload is not among the objects still says that it scales out.
          const scalers = detachedAutoscalers(set);
          if (scalers.length === 0) return undefined;
          return {
            verdict: 'pass',
            ...finding(
              `${M}.detached`,
              { scalers: scalers.map(describeScaler).join(', ') },
              [set.label],
            ),
            evidence: scalers.map(s =>
              objectEvidence(
                set,
                s,
                noted(`${M}.detached-note`, {
                  scaler: describeScaler(s),
                  set: set.label,
                }),
              ),
            ),
          };
        }
        const rows = webs.map(w => ({
          w,
          scalers: autoscalersOf(set, w),
          replicas: replicasOf(w),
        }));
        const evidence = capEvidence(
          rows.map(({ w, scalers, replicas }) =>
            scalers.length
              ? objectEvidence(
                  set,
                  w.source,
                  noted(`${M}.scaled-note`, {
                    scalers: scalers
                      .map(s => `${s.object.kind} ${s.object.metadata?.name}`)
                      .join(', '),
                  }),
                )
              : objectEvidence(
                  set,
                  w.source,
                  noted(
                    w.source.object.spec?.replicas === undefined
                      ? `${M}.default-replicas-note`
                      : `${M}.replicas-note`,
                    { n: replicas },
                  ),
                  'spec.replicas',
                ),
          ),
        );
        const fixed = rows.filter(
          r => r.scalers.length === 0 && r.replicas < 2,
        );
        if (fixed.length === 0) {
          return {
            verdict: 'pass',
            ...eachSaid(
              set.label,
              `${set.label}: web workloads ${rows
                .map(
                  r =>
                    `${r.w.name} (${
                      r.scalers.length ? 'autoscaled' : `${r.replicas} replicas`
                    })`,
                )
                .join(', ')} scale out`,
              rows.map(r =>
                r.scalers.length
                  ? [`${M}.autoscaled`, { workload: r.w.name }]
                  : [`${M}.replicas`, { workload: r.w.name, n: r.replicas }],
              ),
            ),
            evidence,
          };
        }
        const w = fixed[0].w;
        const ns = namespaceOf(set, w);
        return {
          verdict: 'partial',
          ...eachSaid(
            set.label,
            `${set.label}: ${fixed
              .map(
                f =>
                  `${f.w.name} (${f.replicas} replica${
                    f.replicas === 1 ? '' : 's'
                  })`,
              )
              .join(', ')} fixed without an autoscaler`,
            fixed.map(f => [
              `${M}.fixed`,
              { workload: f.w.name, n: f.replicas },
            ]),
          ),
          evidence,
          remediation: {
            ...advice(`${M}.advice`, { workload: w.name }),
            snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
              toYaml({
                apiVersion: w.source.object.apiVersion ?? 'apps/v1',
                kind: w.kind,
                metadata: { name: w.name, ...(ns ? { namespace: ns } : {}) },
                spec: { replicas: 2 },
              }),
            ),
          },
        };
      },
      { id: `${M}.no-web` },
    );
  },
};
