import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { workloadsOf } from '../../facts/manifests/workloads';
import { fileEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { isControlled, optionalFact } from './kube';

const ANNOTATION_HINT =
  'Check that the entity annotation backstage.io/kubernetes-id (or kubernetes-label-selector) matches the labels of the deployed objects.';

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
            note: `${count} workload(s) of the entity run in namespace ${ns}`,
          };
        }),
      );
      return {
        verdict: 'pass',
        summary: `Workloads of the entity run in ${running
          .map(c => `${c.name} (${c.namespaces.join(', ')})`)
          .join(', ')}`,
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
          `${t.objects.length} object(s), ${
            workloadsOf(t.objects).length
          } workload(s)`,
          origin?.line,
          undefined,
          t.id,
        );
      }),
      ...charts.map(c => fileEvidence(`${c}/Chart.yaml`, 'Helm chart')),
    ];
    const unreachable = clusters.filter(c => c.status === 'unreachable');
    const notMapped = clusters.filter(c => c.status === 'not-mapped');
    const consulted = clusters.filter(c => c.status === 'ok');

    if (manifestEvidence.length === 0) {
      if (!manifests) {
        const reason = `The repository could not be read and no configured cluster runs workloads of the entity${
          unreachable.length
            ? ` (${unreachable.map(c => `${c.name}: ${c.reason}`).join('; ')})`
            : ''
        }.`;
        return {
          verdict: 'unknown',
          summary: 'Neither the repository nor a cluster could be inspected',
          reason,
        };
      }
      return {
        verdict: 'fail',
        summary:
          'No Kubernetes manifests, Kustomize overlays or Helm charts in the repository, and nothing runs in a cluster',
        remediation: {
          text: 'Describe how the service runs on Kubernetes: a Deployment and a Service under k8s/ (or a Kustomize base with overlays per environment), labelled for the Backstage Kubernetes plugin.',
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
      const reason = `Kubernetes manifests exist (${where}), but no cluster could be read: ${unreachable
        .map(c => `${c.name}: ${c.reason}`)
        .join('; ')}.`;
      return {
        verdict: 'unknown',
        summary: 'Manifests exist; the configured clusters could not be read',
        reason,
        evidence: manifestEvidence,
      };
    }
    let why = `nothing of the entity runs in ${consulted
      .map(c => `${c.name} (${c.selector ?? 'no selector'})`)
      .join(', ')}`;
    if (clusters.length === 0)
      why =
        'no cluster was consulted (none is configured), so nothing is seen running';
    else if (consulted.length === 0)
      why = `no cluster could be searched for the entity (${notMapped
        .map(c => c.name)
        .join(', ')}: ${notMapped[0]?.reason ?? 'not mapped'})`;
    return {
      verdict: 'partial',
      summary: `Kubernetes manifests in ${where}, but ${why}`,
      reason:
        clusters.length === 0
          ? 'No cluster was consulted: none is configured for this scan, so the manifests could not be confirmed as running.'
          : `The manifests could not be confirmed as running: ${why}.`,
      evidence: manifestEvidence,
      remediation: {
        text:
          clusters.length === 0
            ? 'Configure the cluster(s) the service runs in (kubernetes.clusterLocatorMethods, or a cluster dump for the CLI) so the scan can confirm the workloads run.'
            : `Deploy the manifests to a cluster. ${ANNOTATION_HINT}`,
      },
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
