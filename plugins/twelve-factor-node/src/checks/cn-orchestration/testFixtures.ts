/*
 * Test fixtures for the orchestration, scalability, security and CI/CD
 * checks: small Kubernetes objects and an evaluation helper. Used by their
 * *.test.ts files only.
 */
import type { ClusterData } from '../../kube/types';
import { stringify } from 'yaml';
import { serviceEntity, snapshotOf } from '../../__testUtils__';
import { createTwelveFactorEngine } from '../../engine/createEngine';
import { builtInExtractors } from '../../facts';
import { repoAddressesExtractor } from '../../facts/repoAddresses';
import { loadClusterDump } from '../../kube/dump';

const ID = { 'backstage.io/kubernetes-id': 'svc' };

/** Objects as a multi-document YAML stream. */
export function docs(...objects: object[]): string {
  return objects.map(o => stringify(o)).join('---\n');
}

/** A workload labelled for the test entity, with one container named like it. */
export function workload(
  name: string,
  options: {
    kind?: string;
    replicas?: number;
    pod?: Record<string, unknown>;
    container?: Record<string, unknown>;
    namespace?: string;
  } = {},
): Record<string, any> {
  const labels = { app: name, ...ID };
  const podSpec = {
    ...options.pod,
    containers: [
      {
        name,
        image: `registry.example.com/${name}:1.0.0`,
        ...options.container,
      },
    ],
  };
  const metadata = {
    name,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: { ...ID },
  };
  if (options.kind === 'Pod')
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...metadata, labels },
      spec: podSpec,
    };
  if (options.kind === 'Job')
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata,
      spec: {
        template: {
          metadata: { labels },
          spec: { restartPolicy: 'OnFailure', ...podSpec },
        },
      },
    };
  return {
    apiVersion: options.kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
    kind: options.kind ?? 'Deployment',
    metadata,
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: podSpec },
    },
  };
}

/** A Service selecting a workload's pods. */
export function service(
  name: string,
  port = 8080,
  namespace?: string,
): Record<string, any> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...ID } },
    spec: { selector: { app: name }, ports: [{ name: 'http', port }] },
  };
}

/** A cluster from objects (a stream, not a List). */
export function cluster(name: string, ...objects: object[]): ClusterData {
  return loadClusterDump(name, docs(...objects)).cluster;
}

/**
 * One check's result for inline files and clusters, with the repo.addresses
 * fact available even before it is registered among the built-in extractors.
 */
export async function evaluate(
  files: Record<string, string> | undefined,
  checkId: string,
  clusters?: ClusterData[],
) {
  const extra = builtInExtractors.some(
    e => e.ref.id === repoAddressesExtractor.ref.id,
  )
    ? []
    : [repoAddressesExtractor];
  const card = await createTwelveFactorEngine({
    customExtractors: extra,
  }).evaluate({
    entity: serviceEntity(),
    ...(files
      ? { repo: snapshotOf(files) }
      : { repoUnavailableReason: 'no repository in this test' }),
    ...(clusters ? { clusters } : {}),
  });
  const result = card.results.find(r => r.checkId === checkId);
  if (!result) throw new Error(`no result for ${checkId}`);
  return result;
}
