import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { SHAPE_NAMES } from '../../credentials';
import { UnknownVerdictError } from '../../engine/facts';
import {
  environmentOfName,
  findAddresses,
  getConfigLiterals,
  hostEnvironment,
  type ConfigLiteral,
} from '../../facts/configLiterals';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { toYaml } from '../snippets';
import {
  appWorkloads,
  configMapsOf,
  credentialEvidence,
  envOf,
  firstConfigMapName,
  inlineCredentials,
  shapeNote,
} from './pods';

/** More literals than this is "many". */
const MANY = 5;

/** Whether a file (or namespace) of environment `scope` may name a host of environment `hostEnv`. */
function belongs(
  hostEnv: string,
  scope: string | undefined,
  local: boolean,
): boolean {
  if (scope === hostEnv) return true;
  // Laptops talk to the dev services.
  return (local || scope === 'local') && hostEnv === 'dev';
}

/** Keys that name where something is reached: a host, a server, a URL, a DSN. */
const ADDRESS_KEY =
  /(host|addr|address|server|endpoint|url|uri|dsn|broker|ip)s?$|^[A-Z][A-Z0-9_]*$/i;

/**
 * A private IP that something is reached at (a URL's host, a host or
 * address setting, an env var): hard-coded, as addresses inside a network
 * change with it and a DNS name would not. Allow-lists and other IPs that
 * are not addresses to reach are left alone, and so are laptop files.
 */
function isPrivateAddress(
  l: Pick<ConfigLiteral, 'ipClass' | 'kind' | 'key' | 'local'>,
): boolean {
  return (
    l.ipClass === 'private' &&
    !l.local &&
    (l.kind === 'url' || (!!l.key && ADDRESS_KEY.test(l.key)))
  );
}

/** Why a literal is hard-coded: message `f3-config.no-hardcoded.<kind>-note` (`-key-note` after its key). */
interface Why {
  kind:
    | 'public-ip'
    | 'private-ip'
    | 'host-in-file'
    | 'host-shared'
    | 'host-in-namespace';
  params: Record<string, string>;
}

/** A literal's note: `key: why`, or the why alone. */
function whyNote(why: Why, key: string | undefined) {
  return key === undefined
    ? noted(`f3-config.no-hardcoded.${why.kind}-note`, why.params)
    : noted(`f3-config.no-hardcoded.${why.kind}-key-note`, {
        key,
        ...why.params,
      });
}

/** Why a literal of the repository is hard-coded, or undefined when it is fine where it is. */
function problem(
  l: Pick<
    ConfigLiteral,
    'ipClass' | 'host' | 'environment' | 'local' | 'kind' | 'key'
  >,
): Why | undefined {
  if (l.ipClass === 'public')
    return { kind: 'public-ip', params: { host: l.host } };
  if (isPrivateAddress(l))
    return { kind: 'private-ip', params: { host: l.host } };
  const hostEnv = l.ipClass ? undefined : hostEnvironment(l.host);
  if (hostEnv && !belongs(hostEnv, l.environment, l.local)) {
    return l.environment
      ? {
          kind: 'host-in-file',
          params: { hostEnv, host: l.host, fileEnv: l.environment },
        }
      : { kind: 'host-shared', params: { hostEnv, host: l.host } };
  }
  return undefined;
}

interface Finding {
  value: string;
  /** False for a cluster value the repository already shows: evidence, not another literal. */
  counted?: boolean;
  key?: string;
  why: Why;
  evidence: Evidence;
}

/** Literals in the ConfigMaps and env values of a cluster namespace. */
function clusterFindings(set: ObjectSet): Finding[] {
  const scope = set.namespace ? environmentOfName(set.namespace) : undefined;
  const out: Finding[] = [];
  const look = (
    key: string,
    value: unknown,
    source: ObjectSet['objects'][number],
    fieldPath: string,
  ) => {
    if (typeof value !== 'string') return;
    for (const a of findAddresses(value, key)) {
      const hostEnv = a.ipClass ? undefined : hostEnvironment(a.host);
      let why: Why | undefined;
      if (a.ipClass === 'public')
        why = { kind: 'public-ip', params: { host: a.host } };
      else if (isPrivateAddress({ ...a, key, local: false }))
        why = { kind: 'private-ip', params: { host: a.host } };
      else if (hostEnv && scope && hostEnv !== scope)
        why = {
          kind: 'host-in-namespace',
          params: { hostEnv, host: a.host, namespace: `${set.namespace}` },
        };
      if (
        why &&
        !out.some(
          f =>
            f.value === a.host &&
            f.evidence.type === 'cluster-object' &&
            f.evidence.name === source.object.metadata?.name &&
            f.evidence.fieldPath === fieldPath,
        )
      ) {
        out.push({
          value: a.host,
          key,
          why,
          evidence: objectEvidence(set, source, whyNote(why, key), fieldPath),
        });
      }
    }
  };
  for (const cm of configMapsOf(set))
    for (const [k, v] of Object.entries(cm.object.data ?? {}))
      look(k, v, cm, `data.${k}`);
  for (const w of appWorkloads(set))
    for (const c of w.containers)
      envOf(c).forEach((e, i) =>
        look(
          String(e.name),
          e.value,
          w.source,
          `${c.fieldPath}.env[${i}].value`,
        ),
      );
  return out;
}

export const noHardcoded: TwelveFactorCheck = {
  id: 'f3-config.no-hardcoded',
  evaluate({ facts }) {
    const scan = getConfigLiterals(facts);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const l of scan.literals) {
      const why = problem(l);
      if (!why || seen.has(`${l.path}:${l.line}:${l.host}`)) continue;
      seen.add(`${l.path}:${l.line}:${l.host}`);
      findings.push({
        value: l.host,
        ...(l.key ? { key: l.key } : {}),
        why,
        evidence: fileEvidence(
          l.path,
          whyNote(why, l.key || undefined),
          l.line,
          l.line,
        ),
      });
    }
    let sets: ObjectSet[] = [];
    try {
      sets = objectSets(facts);
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
    }
    // A cluster adds what the repository does not show (values set by hand, other sources).
    const repoValues = new Set(findings.map(f => f.value));
    for (const set of sets.filter(s => s.origin === 'cluster')) {
      for (const f of clusterFindings(set))
        findings.push({ ...f, counted: !repoValues.has(f.value) });
    }
    const committed = scan.credentials.filter(c => !c.local);
    const clusterCreds = sets
      .filter(s => s.origin === 'cluster')
      .flatMap(inlineCredentials);
    const credentialEv = [
      ...committed.map(c =>
        fileEvidence(
          c.path,
          c.shape
            ? shapeNote(
                `f3-config.no-hardcoded.literal-${c.shape}-note`,
                `${c.key}: ${SHAPE_NAMES[c.shape]} written as a literal`,
                { key: c.key },
              )
            : noted('f3-config.no-hardcoded.literal-credential-note', {
                key: c.key,
              }),
          c.line,
          c.line,
        ),
      ),
      ...clusterCreds.map(c => credentialEvidence(c)),
    ];
    // One location per file line (or cluster object field).
    const locations = new Set(
      findings
        .filter(f => f.counted !== false)
        .map(f =>
          f.evidence.type === 'file'
            ? `${f.evidence.path}:${f.evidence.startLine}`
            : JSON.stringify(f.evidence),
        ),
    );
    const values = [...new Set(findings.map(f => f.value))];
    if (credentialEv.length > 0) {
      return {
        verdict: 'fail',
        ...finding(
          findings.length
            ? 'f3-config.no-hardcoded.credentials-and-addresses'
            : 'f3-config.no-hardcoded.credentials',
          {
            keys: [
              ...new Set([
                ...committed.map(c => c.key),
                ...clusterCreds.map(c => c.name),
              ]),
            ].join(', '),
            ...(findings.length ? { n: values.length } : {}),
          },
        ),
        evidence: capEvidence(
          [...credentialEv, ...findings.map(f => f.evidence)],
          15,
        ),
        remediation: remediationFor(findings, true, sets),
      };
    }
    if (findings.length === 0) {
      return {
        verdict: 'pass',
        ...finding('f3-config.no-hardcoded.none', { n: scan.files.length }),
        evidence: [],
      };
    }
    const many = locations.size > MANY;
    return {
      verdict: many ? 'fail' : 'partial',
      ...finding(
        many
          ? 'f3-config.no-hardcoded.many-addresses'
          : 'f3-config.no-hardcoded.few-addresses',
        {
          values: `${values.slice(0, 4).join(', ')}${
            values.length > 4 ? ', …' : ''
          }`,
          n: locations.size,
        },
      ),
      evidence: capEvidence(
        findings.map(f => f.evidence),
        15,
      ),
      remediation: remediationFor(findings, false, sets),
    };
  },
};

function remediationFor(
  findings: Finding[],
  credentials: boolean,
  sets: ObjectSet[],
) {
  const keys = [
    ...new Set(
      findings
        .map(f => f.key)
        .filter((k): k is string => !!k && /^[A-Z][A-Z0-9_]*$/.test(k)),
    ),
  ];
  const cm = firstConfigMapName(sets)?.replace(/-[a-z0-9]{10}$/, '');
  const sentences: Array<readonly [string, Record<string, string>?]> = [];
  if (credentials)
    sentences.push(['f3-config.no-hardcoded.credentials-advice']);
  if (findings.length)
    sentences.push(
      keys.length
        ? ['f3-config.no-hardcoded.keys-advice', { keys: keys.join(', ') }]
        : ['f3-config.no-hardcoded.addresses-advice'],
    );
  const text = advice(sentences);
  if (!keys.length || !cm) return text;
  const overlay = sets
    .find(s => s.origin === 'repo' && /\/overlays\//.test(s.label))
    ?.label.replace(/[^/]+$/, '<env>');
  return {
    ...text,
    snippet: {
      language: 'yaml' as const,
      path: `${overlay ?? 'kubernetes/overlays/<env>'}/kustomization.yaml`,
      action: 'modify' as const,
      content: toYaml({
        configMapGenerator: [
          {
            name: cm,
            behavior: 'merge',
            literals: keys.map(k => `${k}=<value for this environment>`),
          },
        ],
      }),
    },
  };
}
