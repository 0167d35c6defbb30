import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  getConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import type { Workload } from '../../facts/manifests/workloads';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { oncePerScan, worstOf } from '../combine';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, english, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { lazySnippet, podSpecPatch, toYaml } from '../snippets';
import {
  appWorkloads,
  committedSecretEvidence,
  committedSecrets,
  credentialEvidence,
  inlineCredentials,
  secretRefsOf,
} from './pods';
import { findingWith, inner, notedWith } from './said';

/** A way a workload gets secrets, as a message. */
type Way = readonly [string, Record<string, string>?];

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
): Way[] {
  const ways: Way[] = [];
  for (const v of w.podSpec.volumes ?? []) {
    if (v?.csi?.driver === CSI_DRIVER)
      ways.push([
        'f3-config.secret-store.csi-way',
        { spc: `${v.csi.volumeAttributes?.secretProviderClass ?? '?'}` },
      ]);
  }
  for (const name of secretRefs)
    if (targets.has(name))
      ways.push([
        'f3-config.secret-store.written-way',
        { secret: name, writer: targets.get(name)! },
      ]);
  const annotations =
    w.kind === 'Pod'
      ? w.source.object.metadata?.annotations
      : w.source.object.spec?.template?.metadata?.annotations ??
        w.source.object.spec?.jobTemplate?.spec?.template?.metadata
          ?.annotations;
  if (
    String(annotations?.['vault.hashicorp.com/agent-inject'] ?? '') === 'true'
  )
    ways.push(['f3-config.secret-store.vault-way']);
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
        ...finding(
          'f3-config.secret-store.committed',
          {
            secrets: [
              ...committed.map(c => `Secret ${c.source.object.metadata?.name}`),
              ...new Set(inline.map(c => c.name)),
            ].join(', '),
          },
          [set.label],
        ),
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
    // Each way once, as the English has always said it.
    const ways = new Map<string, Way>();
    for (const way of wired.flatMap(x => x.ways)) {
      const text = english(way[0], way[1]);
      if (!ways.has(text)) ways.set(text, way);
    }
    return {
      verdict: 'pass',
      ...findingWith(
        'f3-config.secret-store.external',
        undefined,
        { ways: inner([...ways.values()], '; ') },
        [set.label],
      ),
      evidence: capEvidence(
        wired.map(x =>
          objectEvidence(
            set,
            x.w.source,
            x.ways.length === 1
              ? noted(x.ways[0][0], x.ways[0][1])
              : notedWith('f3-config.secret-store.ways-note', undefined, {
                  ways: inner(x.ways, '; '),
                }),
          ),
        ),
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
      ...finding(
        plain.length
          ? 'f3-config.secret-store.unused-plain'
          : 'f3-config.secret-store.unused',
        {
          stores: stores
            .map(o => `${o.object.kind} ${o.object.metadata?.name}`)
            .join(', '),
          ...(plain.length ? { secrets: plain.join(', ') } : {}),
        },
        [set.label],
      ),
      evidence: stores.map(o =>
        objectEvidence(set, o, noted('f3-config.secret-store.unused-note')),
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
      ...finding(
        'f3-config.secret-store.plain',
        { secrets: plain.join(', ') },
        [set.label],
      ),
      evidence: capEvidence(
        readers.map(x =>
          objectEvidence(
            set,
            x.w.source,
            noted('f3-config.secrets.reads-note', {
              secrets: x.refs.join(', '),
            }),
          ),
        ),
      ),
      remediation: storeRemediation(set, workloads, plain),
    };
  }
  return {
    verdict: 'unknown',
    ...finding('f3-config.secret-store.none', undefined, [set.label]),
    ...because('f3-config.secret-store.none-reason', { set: set.label }),
  };
}

function mountRemediation(workloads: Workload[], spc: string, plain: string[]) {
  const w = workloads.find(x => secretRefsOf(x).length > 0) ?? workloads[0];
  const container = String(
    w.containers.find(c => !c.init)?.container.name ?? w.name,
  );
  return {
    ...(plain.length
      ? advice('f3-config.secret-store.mount-sync-advice', {
          spc,
          secrets: plain.join(', '),
        })
      : advice('f3-config.secret-store.mount-advice', { spc })),
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
    ...advice('f3-config.secret-store.store-advice', {
      secrets: names.join(', '),
    }),
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
          noted('f3-config.secret-store.committed-note', { key: c.key }),
          c.line,
          c.line,
        ),
      );
      // Each key and file once, as the English has always said them.
      const where = new Map<
        string,
        readonly [string, Record<string, string>]
      >();
      for (const c of committed)
        where.set(`${c.key} in ${c.path}`, [
          'f3-config.secret-store.key-in-file',
          { key: c.key, path: c.path },
        ]);
      outcomes.push({
        verdict: 'fail',
        ...findingWith('f3-config.secret-store.committed-files', undefined, {
          credentials: inner([...where.values()], ', '),
        }),
        evidence: capEvidence(evidence),
        remediation: advice('f3-config.secret-store.committed-files-advice'),
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
        ...finding('f3-config.configmap.no-workloads'),
        ...because('f3-config.configmap.no-workloads-reason', {
          sets: sets.map(s => s.label).join(', '),
        }),
      };
    }
    return worstOf(outcomes);
  }),
};
