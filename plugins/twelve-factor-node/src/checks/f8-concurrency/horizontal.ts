import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, setEvidence } from '../../facts/objectSets';
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
            summary: `${set.label}: managed by an autoscaler (${scalers
              .map(describeScaler)
              .join(', ')})`,
            evidence: scalers.map(s =>
              setEvidence(
                set,
                s,
                `${describeScaler(s)}; the target is not among the objects of ${
                  set.label
                }`,
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
              ? setEvidence(
                  set,
                  w.source,
                  `scaled by ${scalers
                    .map(s => `${s.object.kind} ${s.object.metadata?.name}`)
                    .join(', ')}`,
                )
              : setEvidence(
                  set,
                  w.source,
                  `replicas: ${replicas}${
                    w.source.object.spec?.replicas === undefined
                      ? ' (default)'
                      : ''
                  }, no autoscaler`,
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
            summary: `${set.label}: web workloads ${rows
              .map(
                r =>
                  `${r.w.name} (${
                    r.scalers.length ? 'autoscaled' : `${r.replicas} replicas`
                  })`,
              )
              .join(', ')} scale out`,
            evidence,
          };
        }
        const w = fixed[0].w;
        const ns = namespaceOf(set, w);
        return {
          verdict: 'partial',
          summary: `${set.label}: ${fixed
            .map(
              f =>
                `${f.w.name} (${f.replicas} replica${
                  f.replicas === 1 ? '' : 's'
                })`,
            )
            .join(', ')} fixed without an autoscaler`,
          evidence,
          remediation: {
            text: `Run at least two replicas of ${w.name} (better: let an HPA manage it, see f8-concurrency.hpa) so that a pod restart or node drain does not take the web process down.`,
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
      'No web workload (containerPort selected by a Service) to judge',
    );
  },
};
