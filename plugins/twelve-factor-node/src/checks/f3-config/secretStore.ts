import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  getConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import type { Workload } from '../../facts/manifests/workloads';
import {
  objectSets,
  setEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { oncePerScan, worstOf } from '../combine';
import { capEvidence, fileEvidence } from '../evidence';
import { lazySnippet, podSpecPatch, toYaml } from '../snippets';
import {
  appWorkloads,
  committedSecretEvidence,
  committedSecrets,
  credentialEvidence,
  inlineCredentials,
  secretRefsOf,
} from './pods';

const CSI_DRIVER = 'secrets-store.csi.k8s.io';

/** Secrets an operator writes from an external store, by the Secret name it creates. */
function storeTargets(set: ObjectSet): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { object: o } of set.objects) {
    if (o.kind === 'ExternalSecret')
      targets.set(
        String(o.spec?.target?.name ?? o.metadata?.name),
        `ExternalSecret ${o.metadata?.name}`,
      );
    if (o.kind === 'SealedSecret')
      targets.set(
        String(o.spec?.template?.metadata?.name ?? o.metadata?.name),
        `SealedSecret ${o.metadata?.name}`,
      );
    if (
      /^Vault(Static|Dynamic|PKI)Secret$/.test(o.kind) &&
      o.spec?.destination?.name
    )
      targets.set(
        String(o.spec.destination.name),
        `${o.kind} ${o.metadata?.name}`,
      );
  }
  return targets;
}

/** How a workload gets secrets from a store: CSI volumes, operator-written Secrets, the Vault agent. */
function wiringOf(
  w: Workload,
  secretRefs: ReadonlyArray<string>,
  targets: Map<string, string>,
): string[] {
  const ways: string[] = [];
  for (const v of w.podSpec.volumes ?? []) {
    if (v?.csi?.driver === CSI_DRIVER)
      ways.push(
        `mounts SecretProviderClass ${
          v.csi.volumeAttributes?.secretProviderClass ?? '?'
        }`,
      );
  }
  for (const name of secretRefs)
    if (targets.has(name))
      ways.push(`reads Secret ${name} written by ${targets.get(name)}`);
  const annotations =
    w.kind === 'Pod'
      ? w.source.object.metadata?.annotations
      : w.source.object.spec?.template?.metadata?.annotations ??
        w.source.object.spec?.jobTemplate?.spec?.template?.metadata
          ?.annotations;
  if (
    String(annotations?.['vault.hashicorp.com/agent-inject'] ?? '') === 'true'
  )
    ways.push('Vault agent injection');
  return ways;
}

function judge(
  set: ObjectSet,
  scan: ConfigLiteralsFact,
): CheckOutcome | undefined {
  const workloads = appWorkloads(set);
  if (workloads.length === 0) return undefined;
  if (set.origin === 'repo') {
    // A Secret manifest with values is plain text in Git: base64 is an encoding, not encryption.
    const committed = committedSecrets(set);
    const inline = inlineCredentials(set);
    if (committed.length || inline.length) {
      return {
        verdict: 'fail',
        summary: `${set.label}: secrets are committed in plain text (${[
          ...committed.map(c => `Secret ${c.source.object.metadata?.name}`),
          ...new Set(inline.map(c => c.name)),
        ].join(', ')})`,
        evidence: capEvidence([
          ...committed.map(c => committedSecretEvidence(set, c)),
          ...inline.map(c => credentialEvidence(c, scan)),
        ]),
        remediation: storeRemediation(set, workloads, [
          ...committed.map(c => String(c.source.object.metadata?.name)),
        ]),
      };
    }
  }
  const targets = storeTargets(set);
  // The Secrets each workload reads, found once: wiring, summaries and evidence all name them.
  const secretRefs = workloads.map(secretRefsOf);
  const wired = workloads
    .map((w, i) => ({ w, ways: wiringOf(w, secretRefs[i], targets) }))
    .filter(x => x.ways.length > 0);
  if (wired.length > 0) {
    return {
      verdict: 'pass',
      summary: `${set.label}: secrets come from an external store (${[
        ...new Set(wired.flatMap(x => x.ways)),
      ].join('; ')})`,
      evidence: capEvidence(
        wired.map(x => setEvidence(set, x.w.source, x.ways.join('; '))),
      ),
    };
  }
  const spcs = set.objects.filter(o => o.object.kind === 'SecretProviderClass');
  const stores = [
    ...spcs,
    ...set.objects.filter(o =>
      ['ExternalSecret', 'SealedSecret'].includes(o.object.kind),
    ),
  ];
  const plain = [...new Set(secretRefs.flat())];
  if (stores.length > 0) {
    return {
      verdict: 'partial',
      summary: `${set.label}: ${stores
        .map(o => `${o.object.kind} ${o.object.metadata?.name}`)
        .join(', ')} is configured but no workload uses it${
        plain.length
          ? `; the workloads read plain Secrets (${plain.join(', ')})`
          : ''
      }`,
      evidence: stores.map(o =>
        setEvidence(set, o, 'configured, not mounted or read by any workload'),
      ),
      remediation: spcs.length
        ? mountRemediation(
            workloads,
            String(spcs[0].object.metadata?.name),
            plain,
          )
        : storeRemediation(set, workloads, plain),
    };
  }
  if (plain.length > 0) {
    const readers = workloads
      .map((w, i) => ({ w, refs: secretRefs[i] }))
      .filter(x => x.refs.length > 0);
    return {
      verdict: 'partial',
      summary: `${set.label}: only plain Kubernetes Secrets (${plain.join(
        ', ',
      )}); no external secret store`,
      evidence: capEvidence(
        readers.map(x =>
          setEvidence(set, x.w.source, `reads Secret ${x.refs.join(', ')}`),
        ),
      ),
      remediation: storeRemediation(set, workloads, plain),
    };
  }
  return {
    verdict: 'unknown',
    summary: `${set.label}: the workloads read no secrets`,
    reason: `No workload of ${set.label} reads a Secret, mounts a secret store or has credentials inline.`,
  };
}

function mountRemediation(workloads: Workload[], spc: string, plain: string[]) {
  const w = workloads.find(x => secretRefsOf(x).length > 0) ?? workloads[0];
  const container = String(
    w.containers.find(c => !c.init)?.container.name ?? w.name,
  );
  return {
    text: `Mount SecretProviderClass ${spc} in the pods that need the secrets${
      plain.length
        ? `; with spec.secretObjects the CSI driver can also sync the values into the Secrets the workloads already read (${plain.join(
            ', ',
          )}), so env stays as it is`
        : ''
    }.`,
    snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
      podSpecPatch(
        { apiVersion: w.source.object.apiVersion, kind: w.kind, name: w.name },
        {
          volumes: [
            {
              name: 'secrets-store',
              csi: {
                driver: CSI_DRIVER,
                readOnly: true,
                volumeAttributes: { secretProviderClass: spc },
              },
            },
          ],
          containers: [
            {
              name: container,
              volumeMounts: [
                {
                  name: 'secrets-store',
                  mountPath: '/mnt/secrets-store',
                  readOnly: true,
                },
              ],
            },
          ],
        },
      ),
    ),
  };
}

function storeRemediation(
  set: ObjectSet,
  workloads: Workload[],
  secretNames: string[],
) {
  const names = secretNames.length
    ? secretNames
    : [`${workloads[0].name}-secrets`];
  const docs = () =>
    names.map(name =>
      toYaml({
        apiVersion: 'external-secrets.io/v1beta1',
        kind: 'ExternalSecret',
        metadata: {
          name,
          ...(set.namespace ? { namespace: set.namespace } : {}),
        },
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { kind: 'ClusterSecretStore', name: '<your-store>' },
          // Same Secret name as today, so the workloads need no change.
          target: { name },
          dataFrom: [
            {
              extract: {
                key: `${workloads[0].name}/${set.namespace ?? '<env>'}/${name}`,
              },
            },
          ],
        },
      }),
    );
  return {
    text: `Keep the values in an external store (Azure Key Vault, AWS Secrets Manager, Vault…) and let External Secrets (or the Secrets Store CSI driver) write the Secrets the workloads already read: ${names.join(
      ', ',
    )}. Nothing secret then lives in Git or in pipeline scripts.`,
    snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
      docs().join('---\n'),
    ),
  };
}

/** The files the sets' objects come from. */
function renderedPaths(sets: ReadonlyArray<ObjectSet>): Set<string> {
  const paths = new Set<string>();
  for (const s of sets)
    for (const o of s.objects)
      paths.add('path' in o.origin ? o.origin.path : '');
  return paths;
}

export const secretStore: TwelveFactorCheck = {
  id: 'f3-config.secret-store',
  // cn-security.secrets-management repeats this judgement; it is made once per scan.
  evaluate: oncePerScan(({ facts }) => {
    const outcomes: CheckOutcome[] = [];
    // Credentials in settings files, .env files or code (local-only files aside) are committed secrets too.
    const scan = getConfigLiterals(facts);
    let sets: ObjectSet[] = [];
    let noSets: UnknownVerdictError | undefined;
    try {
      sets = objectSets(facts);
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      noSets = e;
    }
    // Manifests the sets render are judged per set; other YAML (Helm values, unrendered files) here.
    let rendered: Set<string> | undefined;
    const isRendered = (path: string) =>
      (rendered ??= renderedPaths(sets)).has(path);
    const committed = scan.credentials.filter(
      c => !c.local && !(c.role === 'manifest' && isRendered(c.path)),
    );
    if (committed.length) {
      const evidence: Evidence[] = committed.map(c =>
        fileEvidence(
          c.path,
          `${c.key}: credential committed in plain text`,
          c.line,
          c.line,
        ),
      );
      outcomes.push({
        verdict: 'fail',
        summary: `Credentials committed in plain text (${[
          ...new Set(committed.map(c => `${c.key} in ${c.path}`)),
        ].join(', ')})`,
        evidence: capEvidence(evidence),
        remediation: {
          text: 'Remove the credentials from the repository (and its history), rotate them, and read them from the environment, filled from a secret store.',
        },
      });
    }
    // Without manifests or a cluster only committed credentials can decide.
    if (noSets && outcomes.length === 0) throw noSets;
    outcomes.push(
      ...sets
        .map(s => judge(s, scan))
        .filter((o): o is CheckOutcome => o !== undefined),
    );
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No workloads',
        reason: `None of ${sets.map(s => s.label).join(', ')} runs a workload.`,
      };
    }
    return worstOf(outcomes);
  }),
};
