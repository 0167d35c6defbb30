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
import {
  objectSets,
  setEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { capEvidence, fileEvidence, plural } from '../evidence';
import { toYaml } from '../snippets';
import {
  appWorkloads,
  configMapsOf,
  credentialEvidence,
  envOf,
  firstConfigMapName,
  inlineCredentials,
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

/** Why a literal of the repository is hard-coded, or undefined when it is fine where it is. */
function problem(
  l: Pick<
    ConfigLiteral,
    'ipClass' | 'host' | 'environment' | 'local' | 'kind' | 'key'
  >,
): string | undefined {
  if (l.ipClass === 'public') return `public IP ${l.host}`;
  if (isPrivateAddress(l)) return `private IP ${l.host}`;
  const hostEnv = l.ipClass ? undefined : hostEnvironment(l.host);
  if (hostEnv && !belongs(hostEnv, l.environment, l.local)) {
    return `${hostEnv} hostname ${l.host} in ${
      l.environment
        ? `a ${l.environment} file`
        : 'configuration shared by every environment'
    }`;
  }
  return undefined;
}

interface Finding {
  value: string;
  /** False for a cluster value the repository already shows: evidence, not another literal. */
  counted?: boolean;
  key?: string;
  why: string;
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
      let why: string | undefined;
      if (a.ipClass === 'public') why = `public IP ${a.host}`;
      else if (isPrivateAddress({ ...a, key, local: false }))
        why = `private IP ${a.host}`;
      else if (hostEnv && scope && hostEnv !== scope)
        why = `${hostEnv} hostname ${a.host} in namespace ${set.namespace}`;
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
          evidence: setEvidence(set, source, `${key}: ${why}`, fieldPath),
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
          `${l.key ? `${l.key}: ` : ''}${why}`,
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
            ? `${c.key}: ${SHAPE_NAMES[c.shape]} written as a literal`
            : `${c.key}: credential written as a literal`,
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
        summary: `Credentials are hard-coded (${[
          ...new Set([
            ...committed.map(c => c.key),
            ...clusterCreds.map(c => c.name),
          ]),
        ].join(', ')})${
          findings.length
            ? ` and ${plural(
                values.length,
                'literal address',
                'literal addresses',
              )} too`
            : ''
        }`,
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
        summary: `No public IPs or environment-specific hostnames outside their environment's configuration (${plural(
          scan.files.length,
          'config file',
        )} scanned)`,
        evidence: [],
      };
    }
    const many = locations.size > MANY;
    return {
      verdict: many ? 'fail' : 'partial',
      summary: `${
        many ? 'Many' : 'A few'
      } hard-coded addresses in configuration: ${values
        .slice(0, 4)
        .join(', ')}${values.length > 4 ? ', …' : ''} (${plural(
        locations.size,
        'place',
      )})`,
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
  const text =
    (credentials
      ? 'Move credentials into Secrets (or an external secret store) and rotate them. '
      : '') +
    (findings.length
      ? `Give each environment its own value for ${
          keys.length ? keys.join(', ') : 'these addresses'
        } in its own configuration (an overlay's configMapGenerator, .env.<env>), keep the shared base and code defaults free of environment-specific hosts and IPs, and prefer DNS names to IP addresses.`
      : '');
  if (!keys.length || !cm) return { text: text.trim() };
  const overlay = sets
    .find(s => s.origin === 'repo' && /\/overlays\//.test(s.label))
    ?.label.replace(/[^/]+$/, '<env>');
  return {
    text: text.trim(),
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
