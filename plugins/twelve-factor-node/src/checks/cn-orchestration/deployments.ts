import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { judgeWorkloadSets } from './kube';

/** The controller a bare Pod should become: a Job when it runs to completion, else a Deployment. */
function controllerFor(pod: Workload): string {
  const o = pod.source.object;
  // nodeName pins a Pod to the node it ran on; a controller schedules afresh.
  const spec: Record<string, any> = { ...pod.podSpec };
  delete spec.nodeName;
  // Fresh copies: a shared object would print as a YAML anchor and alias.
  const labels = (): Record<string, string> | undefined =>
    o.metadata?.labels ? { ...o.metadata.labels } : undefined;
  const meta = {
    name: pod.name,
    ...(pod.namespace ? { namespace: pod.namespace } : {}),
    ...(labels() ? { labels: labels() } : {}),
  };
  const template = {
    ...(labels() ? { metadata: { labels: labels() } } : {}),
    spec,
  };
  if (spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure') {
    return toYaml({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta,
      spec: {
        backoffLimit: 2,
        ttlSecondsAfterFinished: 86400,
        template: {
          ...template,
          spec: { ...spec, restartPolicy: spec.restartPolicy },
        },
      },
    });
  }
  const own = () => labels() ?? { app: pod.name };
  return toYaml({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta,
    spec: {
      replicas: 1,
      selector: { matchLabels: own() },
      template: {
        metadata: { labels: own() },
        spec: { ...spec, restartPolicy: undefined },
      },
    },
  });
}

export const deployments: TwelveFactorCheck = {
  id: 'cn-orchestration.deployments',
  evaluate({ facts }) {
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const bare = workloads.filter(w => w.kind === 'Pod');
        if (bare.length === 0) {
          const kinds = new Map<string, number>();
          for (const w of workloads)
            kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
          return {
            verdict: 'pass',
            summary: 'Every workload is managed by a controller',
            evidence: [
              setWideEvidence(
                set,
                `all ${workloads.length} workloads have a controller (${[
                  ...kinds,
                ]
                  .map(([k, n]) => `${n} ${k}`)
                  .join(', ')})`,
              ),
            ],
          };
        }
        const first = bare[0];
        const job =
          first.podSpec.restartPolicy === 'Never' ||
          first.podSpec.restartPolicy === 'OnFailure';
        return {
          verdict: 'fail',
          summary: `Bare Pod(s) ${bare
            .map(p => p.name)
            .join(', ')} without a controller`,
          evidence: capEvidence(
            bare.map(p =>
              setEvidence(
                set,
                p.source,
                `bare Pod (restartPolicy ${
                  p.podSpec.restartPolicy ?? 'Always'
                }): nothing recreates it when it or its node fails`,
              ),
            ),
          ),
          remediation: {
            text: job
              ? `Run ${first.name} as a Job (or a CronJob when it is periodic): Kubernetes retries it on failure and records its completion.`
              : `Run ${first.name} under a Deployment so that it is recreated when it or its node fails.`,
            snippet: {
              language: 'yaml',
              action: 'create',
              ...('path' in first.source.origin
                ? { path: first.source.origin.path }
                : {}),
              content: controllerFor(first),
            },
          },
        };
      },
      labels => `No workloads in ${labels.join(', ')}.`,
    );
  },
};
