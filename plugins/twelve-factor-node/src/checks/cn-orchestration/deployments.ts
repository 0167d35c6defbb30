import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence, setWideNote } from '../setMessages';
import { toYaml } from '../snippets';

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
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const bare = workloads.filter(w => w.kind === 'Pod');
        if (bare.length === 0) {
          const kinds = new Map<string, number>();
          for (const w of workloads)
            kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
          return {
            verdict: 'pass',
            ...finding('cn-orchestration.deployments.controlled'),
            evidence: [
              setWideNote(
                set,
                noted('cn-orchestration.deployments.controlled-note', {
                  n: workloads.length,
                  kinds: [...kinds].map(([k, n]) => `${n} ${k}`).join(', '),
                }),
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
          ...finding('cn-orchestration.deployments.bare', {
            names: bare.map(p => p.name).join(', '),
          }),
          evidence: capEvidence(
            bare.map(p =>
              objectEvidence(
                set,
                p.source,
                noted('cn-orchestration.deployments.bare-note', {
                  policy: String(p.podSpec.restartPolicy ?? 'Always'),
                }),
              ),
            ),
          ),
          remediation: {
            ...advice(
              job
                ? 'cn-orchestration.deployments.as-job-advice'
                : 'cn-orchestration.deployments.as-deployment-advice',
              { name: first.name },
            ),
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
      labels =>
        because('cn-orchestration.deployments.none-reason', {
          sets: labels.join(', '),
        }),
    );
  },
};
