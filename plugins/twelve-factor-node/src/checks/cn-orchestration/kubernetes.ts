import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { workloadsOf } from '../../facts/manifests/workloads';
import { fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { toYaml } from '../snippets';
import { isControlled, optionalFact } from './kube';

export const kubernetes: TwelveFactorCheck = {
  id: 'cn-orchestration.kubernetes',
  evaluate({ facts, entity }) {
    const clusters = facts.tryGet(clusterFactRef)?.clusters ?? [];
    const running = clusters.filter(
      c => c.status === 'ok' && c.namespaces.length > 0,
    );
    if (running.length > 0) {
      const evidence: Evidence[] = running.flatMap(c =>
        c.namespaces.map(ns => {
          const w = c.objects.find(
            o =>
              o.metadata.namespace === ns &&
              workloadsOf([{ object: o, origin: { cluster: c.name } }]).length >
                0 &&
              !isControlled(o),
          );
          const count = c.objects.filter(
            o =>
              o.metadata.namespace === ns &&
              [
                'Deployment',
                'StatefulSet',
                'DaemonSet',
                'Job',
                'CronJob',
                'Rollout',
              ].includes(o.kind),
          ).length;
          return {
            type: 'cluster-object' as const,
            cluster: c.name,
            namespace: ns,
            kind: w?.kind ?? 'Namespace',
            name: w?.metadata.name ?? ns,
            ...noted('cn-orchestration.kubernetes.namespace-note', {
              n: count,
              namespace: ns,
            }),
          };
        }),
      );
      return {
        verdict: 'pass',
        ...finding('cn-orchestration.kubernetes.running', {
          clusters: running
            .map(c => `${c.name} (${c.namespaces.join(', ')})`)
            .join(', '),
        }),
        evidence,
      };
    }

    // Nothing seen running: what does the repository deploy?
    const manifests = optionalFact(facts, manifestsFactRef);
    const targets = (manifests?.targets ?? []).filter(
      t => t.objects.length > 0,
    );
    // Charts that render nothing (their targets are listed otherwise).
    const charts = (manifests?.helmCharts ?? []).filter(
      c =>
        !targets.some(
          t => t.kind === 'helm' && (t.id === c || t.id.startsWith(`${c}/`)),
        ),
    );
    const manifestEvidence: Evidence[] = [
      ...targets.map(t => {
        const first =
          t.objects.find(o => workloadsOf([o]).length > 0) ?? t.objects[0];
        const origin = 'path' in first.origin ? first.origin : undefined;
        return fileEvidence(
          origin?.path ?? t.id,
          noted('cn-orchestration.kubernetes.target-note', {
            objects: t.objects.length,
            workloads: workloadsOf(t.objects).length,
          }),
          origin?.line,
          undefined,
          t.id,
        );
      }),
      ...charts.map(c =>
        fileEvidence(
          `${c}/Chart.yaml`,
          noted('cn-orchestration.kubernetes.chart-note'),
        ),
      ),
    ];
    const unreachable = clusters.filter(c => c.status === 'unreachable');
    const notMapped = clusters.filter(c => c.status === 'not-mapped');
    const consulted = clusters.filter(c => c.status === 'ok');

    if (manifestEvidence.length === 0) {
      if (!manifests) {
        return {
          verdict: 'unknown',
          ...finding('cn-orchestration.kubernetes.uninspected'),
          ...(unreachable.length
            ? because('cn-orchestration.kubernetes.uninspected-unreachable', {
                clusters: unreachable
                  .map(c => `${c.name}: ${c.reason}`)
                  .join('; '),
              })
            : because('cn-orchestration.kubernetes.uninspected-reason')),
        };
      }
      return {
        verdict: 'fail',
        ...finding('cn-orchestration.kubernetes.none'),
        remediation: {
          ...advice('cn-orchestration.kubernetes.none-advice'),
          snippet: {
            language: 'yaml',
            path: 'k8s/deployment.yaml',
            action: 'create',
            content: starterDeployment(entity.metadata.name),
          },
        },
      };
    }

    const where = [...targets.map(t => t.id), ...charts].join(', ');
    if (
      consulted.length === 0 &&
      unreachable.length > 0 &&
      notMapped.length === 0
    ) {
      // Manifests exist, but whether they run cannot be told: pass and partial are both possible.
      return {
        verdict: 'unknown',
        ...finding('cn-orchestration.kubernetes.unread'),
        ...because('cn-orchestration.kubernetes.unread-reason', {
          where,
          clusters: unreachable.map(c => `${c.name}: ${c.reason}`).join('; '),
        }),
        evidence: manifestEvidence,
      };
    }
    // Why the manifests are not confirmed as running: cn-orchestration.kubernetes.<why> (finding) and <why>-reason.
    let why = 'not-running';
    let params: Record<string, string> = {
      where,
      clusters: consulted
        .map(c => `${c.name} (${c.selector ?? 'no selector'})`)
        .join(', '),
    };
    if (clusters.length === 0) {
      why = 'no-cluster';
      params = { where };
    } else if (consulted.length === 0) {
      why = 'not-mapped';
      params = {
        where,
        clusters: notMapped.map(c => c.name).join(', '),
        reason: notMapped[0]?.reason ?? 'not mapped',
      };
    }
    return {
      verdict: 'partial',
      ...finding(`cn-orchestration.kubernetes.${why}`, params),
      ...because(`cn-orchestration.kubernetes.${why}-reason`, params),
      evidence: manifestEvidence,
      remediation:
        clusters.length === 0
          ? advice('cn-orchestration.kubernetes.configure-advice')
          : advice([
              ['cn-orchestration.kubernetes.deploy-advice'],
              ['cn-orchestration.kubernetes.annotation-advice'],
            ]),
    };
  },
};

function starterDeployment(name: string): string {
  // A function, not a shared object, so that YAML prints no anchors.
  const labels = () => ({
    'app.kubernetes.io/name': name,
    'backstage.io/kubernetes-id': name,
  });
  return [
    toYaml({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: labels() },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template: {
          metadata: { labels: labels() },
          spec: {
            containers: [
              {
                name,
                image: `REGISTRY/${name}:VERSION`,
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: {
                  requests: { cpu: '100m', memory: '256Mi' },
                  limits: { memory: '512Mi' },
                },
              },
            ],
          },
        },
      },
    }),
    toYaml({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: labels() },
      spec: {
        selector: { 'app.kubernetes.io/name': name },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
    }),
  ].join('---\n');
}
