/*
 * What the CI/CD checks share: the GitOps objects that manage the service
 * (repository manifests or cluster objects), CI triggers, and Argo CD
 * Applications written for the repository's deploy targets.
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  EngineMessage,
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import { catalogFactRef } from '../../facts/catalog';
import type { CiFact } from '../../facts/ci/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { setWorkloads } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { fileEvidence } from '../evidence';
import { english, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { toYaml } from '../snippets';

/** An Argo CD or Flux object that deploys (part of) the service. */
export interface GitOpsObject {
  source: SourcedObject;
  tool: 'Argo CD' | 'Flux';
  /** Whether it syncs by itself (Argo CD automated sync; Flux reconciles unless suspended). */
  automated: boolean;
  /** Where it deploys to: namespace or source path, to tell environments apart. */
  destination: string;
  evidence: Evidence;
}

function gitOpsKind(o: Record<string, any>): GitOpsObject['tool'] | undefined {
  const api = String(o.apiVersion ?? '');
  if (
    /^argoproj\.io\//.test(api) &&
    (o.kind === 'Application' || o.kind === 'ApplicationSet')
  )
    return 'Argo CD';
  if (
    /toolkit\.fluxcd\.io\//.test(api) &&
    (o.kind === 'Kustomization' || o.kind === 'HelmRelease')
  )
    return 'Flux';
  return undefined;
}

function describe(
  source: SourcedObject,
  tool: GitOpsObject['tool'],
  evidence: (note: ReturnType<typeof noted>) => Evidence,
): GitOpsObject {
  const o = source.object;
  const spec =
    o.kind === 'ApplicationSet' ? o.spec?.template?.spec ?? {} : o.spec ?? {};
  const automated =
    tool === 'Argo CD' ? !!spec.syncPolicy?.automated : spec.suspend !== true;
  const destination =
    tool === 'Argo CD'
      ? String(
          spec.destination?.namespace ?? spec.source?.path ?? o.metadata?.name,
        )
      : String(
          spec.targetNamespace ??
            spec.path ??
            o.metadata?.namespace ??
            o.metadata?.name,
        );
  const note = noted(
    automated
      ? 'cn-cicd.gitops.object-automated-note'
      : 'cn-cicd.gitops.object-manual-note',
    { tool, kind: o.kind, name: `${o.metadata?.name}`, destination },
  );
  return { source, tool, automated, destination, evidence: evidence(note) };
}

/** The GitOps objects of the repository's deploy targets and of the configured clusters. */
export function gitOpsObjects(facts: FactReader): GitOpsObject[] {
  const out: GitOpsObject[] = [];
  const seen = new Set<string>();
  let sets: ObjectSet[] = [];
  try {
    sets = objectSets(facts, { cluster: false });
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  for (const set of sets) {
    for (const source of set.objects) {
      const tool = gitOpsKind(source.object);
      const key = `${source.object.kind}/${source.object.metadata?.namespace}/${source.object.metadata?.name}`;
      if (!tool || seen.has(key)) continue;
      seen.add(key);
      out.push(
        describe(source, tool, note => objectEvidence(set, source, note)),
      );
    }
  }
  // Cluster GitOps objects live in the controller's namespace, outside the entity's namespaces.
  for (const c of facts.tryGet(clusterFactRef)?.clusters ?? []) {
    for (const object of c.objects) {
      const tool = gitOpsKind(object);
      if (!tool) continue;
      const source: SourcedObject = { object, origin: { cluster: c.name } };
      out.push(
        describe(source, tool, note => ({
          type: 'cluster-object',
          cluster: c.name,
          ...(object.metadata.namespace
            ? { namespace: object.metadata.namespace }
            : {}),
          kind: object.kind,
          name: object.metadata.name,
          ...note,
        })),
      );
    }
  }
  return out;
}

/** CI files that run without a person starting them. */
export function automaticFiles(ci: CiFact): CiFact['files'] {
  const AUTOMATIC =
    /^(push|pull_request|pull_request_target|merge_group|merge_request|workflow_run|schedule)$/;
  return ci.files.filter(f => f.triggers.some(t => AUTOMATIC.test(t)));
}

/** Deploys that talk to the cluster directly, bypassing a GitOps controller. */
export function directDeploys(ci: CiFact): CiFact['deploys'] {
  return ci.deploys.filter(d => d.tool !== 'argocd' && d.tool !== 'flux');
}

function knownEnvironment(n: string): string | undefined {
  if (/^(prd|prod|production|live)$/.test(n)) return 'prod';
  if (/^(dev|develop|development)$/.test(n)) return 'dev';
  if (/^(stg|stage|staging|preprod|uat)$/.test(n)) return 'staging';
  if (/^(qa|test|testing|int|integration)$/.test(n)) return 'test';
  return undefined;
}

/**
 * The environment a name stands for, so aliases count once: `prd`, `production`
 * → `prod`; a namespace or path such as `payments-dev` or
 * `kubernetes/overlays/dev` → `dev`.
 */
export function normalEnvironment(name: string): string {
  const n = name.toLowerCase();
  return (
    knownEnvironment(n) ??
    n
      .split(/[-_/.]/)
      .reverse()
      .map(knownEnvironment)
      .find(Boolean) ??
    n
  );
}

/** The repository's clone URL from the catalog's source location. */
function repoUrl(facts: FactReader): string {
  const loc = facts.tryGet(catalogFactRef)?.sourceLocation;
  const m = loc
    ? /^(https?:\/\/[^/]+\/[^/]+\/[^/]+?)(?:\.git)?(?:\/(?:tree|blob|-\/tree|src)\/.*)?\/?$/.exec(
        loc,
      )
    : null;
  return m ? `${m[1]}.git` : 'https://git.example.com/ORG/REPO.git';
}

/** Argo CD Applications (automated sync) for each deploy target of the repository that has workloads. */
export function argoApplications(
  facts: FactReader,
  entity: Entity,
): string | undefined {
  // setWorkloads: a target's objects are its object set's, whose workloads most checks have already listed.
  const targets = (facts.tryGet(manifestsFactRef)?.targets ?? []).filter(
    t => setWorkloads(t.objects).length > 0,
  );
  if (targets.length === 0) return undefined;
  const url = repoUrl(facts);
  return targets
    .map(t => {
      const ns = t.objects.find(o => o.object.metadata?.namespace)?.object
        .metadata?.namespace;
      const env = t.id.split('/').pop()!;
      return toYaml({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name:
            targets.length > 1
              ? `${entity.metadata.name}-${env}`
              : entity.metadata.name,
          namespace: 'argocd',
        },
        spec: {
          project: 'default',
          source: { repoURL: url, targetRevision: 'main', path: t.id },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: ns ?? entity.metadata.name,
          },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      });
    })
    .join('---\n');
}

/** Evidence for CI signals: the message `id` says what a step is, with its `{{text}}`. */
export function ciEvidence(
  items: ReadonlyArray<{ path: string; line: number; text: string }>,
  id: string,
): Evidence[] {
  return items.map(i =>
    fileEvidence(i.path, noted(id, { text: i.text }), i.line, i.line),
  );
}

/** A finding said in several sentences, joined with semicolons as the English always joined them. */
export function sentences(
  said: ReadonlyArray<readonly [string, EngineMessage['params']?]>,
): { summary: string; summaryMsg: MessagePart[] } {
  return {
    summary: said.map(([id, params]) => english(id, params)).join('; '),
    summaryMsg: said.map(([id, params]) => (params ? { id, params } : { id })),
  };
}
