import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import {
  objectSets,
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { capEvidence, fileEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { classify, list } from '../f8-concurrency/processTypes';

/** Ingress/Service annotations that pin a client to one pod. */
const STICKY_ANNOTATIONS: Array<[RegExp, RegExp]> = [
  [/^nginx\.ingress\.kubernetes\.io\/affinity$/, /^cookie$/i],
  [/^traefik\.ingress\.kubernetes\.io\/service\.sticky\.cookie$/, /^true$/i],
  [/^appgw\.ingress\.kubernetes\.io\/cookie-based-affinity$/, /^true$/i],
  [
    /^alb\.ingress\.kubernetes\.io\/target-group-attributes$/,
    /stickiness\.enabled=true/,
  ],
  [/^haproxy\.org\/cookie-persistence$/, /./],
  [/^ingress\.kubernetes\.io\/affinity$/, /^cookie$/i],
];

interface Sticky {
  set: ObjectSet;
  source: SourcedObject;
  what: string;
  fieldPath: string;
}

/** Sticky-session settings in a set: on Services of app workloads, Ingresses, DestinationRules, HTTPRoutes, BackendConfigs. */
function stickySessions(set: ObjectSet): Sticky[] {
  const out: Sticky[] = [];
  // A Service of a backing service (Redis with ClientIP affinity) is no app session; one whose pods are not among the objects may be the app's.
  const workloads = classify(set);
  const backingOnly = new Set(
    workloads
      .filter(w => w.type === 'backing')
      .flatMap(w => w.services.map(s => s.object.metadata?.name))
      .filter(
        name =>
          !workloads.some(
            w =>
              w.type !== 'backing' &&
              w.services.some(s => s.object.metadata?.name === name),
          ),
      ),
  );
  for (const source of set.objects) {
    const o = source.object;
    if (
      o.kind === 'Service' &&
      !backingOnly.has(o.metadata?.name) &&
      o.spec?.sessionAffinity === 'ClientIP'
    ) {
      out.push({
        set,
        source,
        what: `Service ${o.metadata.name} has sessionAffinity: ClientIP`,
        fieldPath: 'spec.sessionAffinity',
      });
    }
    if (o.kind === 'Ingress' || o.kind === 'Service') {
      for (const [key, value] of Object.entries(
        (o.metadata?.annotations ?? {}) as Record<string, string>,
      )) {
        if (
          STICKY_ANNOTATIONS.some(
            ([k, v]) => k.test(key) && v.test(String(value)),
          )
        ) {
          out.push({
            set,
            source,
            what: `${o.kind} ${o.metadata.name} sets ${key}: ${value}`,
            fieldPath: `metadata.annotations["${key}"]`,
          });
        }
      }
    }
    if (
      o.kind === 'DestinationRule' &&
      o.spec?.trafficPolicy?.loadBalancer?.consistentHash
    ) {
      out.push({
        set,
        source,
        what: `DestinationRule ${o.metadata.name} uses consistentHash load balancing`,
        fieldPath: 'spec.trafficPolicy.loadBalancer.consistentHash',
      });
    }
    if (
      o.kind === 'HTTPRoute' &&
      list(o.spec?.rules).some((r: any) => r?.sessionPersistence)
    ) {
      out.push({
        set,
        source,
        what: `HTTPRoute ${o.metadata.name} sets sessionPersistence`,
        fieldPath: 'spec.rules[].sessionPersistence',
      });
    }
    if (
      o.kind === 'BackendConfig' &&
      o.spec?.sessionAffinity?.affinityType &&
      o.spec.sessionAffinity.affinityType !== 'NONE'
    ) {
      out.push({
        set,
        source,
        what: `BackendConfig ${o.metadata.name} sets affinityType ${o.spec.sessionAffinity.affinityType}`,
        fieldPath: 'spec.sessionAffinity',
      });
    }
  }
  return out;
}

export const externalSessions: TwelveFactorCheck = {
  id: 'f6-processes.external-sessions',
  evaluate({ facts }) {
    let sets: ObjectSet[] = [];
    try {
      sets = objectSets(facts);
    } catch (e) {
      // No manifests and no cluster: nothing can be sticky there; the code still tells.
      if (!(e instanceof UnknownVerdictError)) throw e;
    }
    const sticky = sets.flatMap(stickySessions);
    const code = facts.tryGet(codeFactRef);
    const jwt = code?.signals['auth.jwt'] ?? [];
    const serverSide = code?.signals['session.server-side'] ?? [];
    const stores = code?.capabilities['session-store'] ?? [];
    const codeEvidence: Evidence[] = [
      ...jwt
        .slice(0, 2)
        .map(s =>
          fileEvidence(s.path, `${s.description}: ${s.text}`, s.line, s.line),
        ),
      ...stores
        .slice(0, 2)
        .map(s =>
          fileEvidence(
            s.path,
            `session store library ${s.dependency}`,
            s.line,
            s.line,
          ),
        ),
      ...serverSide
        .slice(0, 2)
        .map(s =>
          fileEvidence(s.path, `${s.description}: ${s.text}`, s.line, s.line),
        ),
    ];
    if (sticky.length) {
      const first = sticky[0];
      const isService =
        first.source.object.kind === 'Service' &&
        first.fieldPath === 'spec.sessionAffinity';
      return {
        verdict: 'partial',
        summary: `Sticky sessions configured: ${[
          ...new Set(sticky.map(s => `${s.what} (${s.set.label})`)),
        ].join('; ')}`,
        evidence: capEvidence([
          ...sticky.map(s => setEvidence(s.set, s.source, s.what, s.fieldPath)),
          ...codeEvidence,
        ]),
        remediation: {
          text: `Keep session state in a shared store (Redis, the database) or in signed tokens, then remove the affinity so that any replica can serve any request${
            serverSide.length
              ? ` (${serverSide[0].path}:${serverSide[0].line} keeps sessions in process memory)`
              : ''
          }.`,
          ...(isService
            ? {
                snippet: {
                  language: 'yaml' as const,
                  action: 'modify' as const,
                  ...('path' in first.source.origin
                    ? { path: first.source.origin.path }
                    : {}),
                  content: toYaml({
                    apiVersion: 'v1',
                    kind: 'Service',
                    metadata: {
                      name: first.source.object.metadata.name,
                      ...(first.source.object.metadata.namespace
                        ? { namespace: first.source.object.metadata.namespace }
                        : {}),
                    },
                    spec: { sessionAffinity: 'None' },
                  }),
                },
              }
            : {}),
        },
      };
    }
    if (!code || code.files === 0) {
      throw new UnknownVerdictError(
        code
          ? 'No sticky sessions are configured, but the repository has no source code to see where sessions live.'
          : 'No sticky sessions are configured, but the code could not be read to see where sessions live.',
      );
    }
    if (serverSide.length && stores.length === 0 && jwt.length === 0) {
      return {
        verdict: 'partial',
        summary: `Server-side sessions without an external session store (${serverSide[0].path}:${serverSide[0].line})`,
        evidence: codeEvidence,
        remediation: {
          text: 'Back the sessions with a shared store (Redis through connect-redis / spring-session-data-redis / django-redis) so that a restarted or different replica still finds them.',
        },
      };
    }
    let how = 'no server-side sessions in the code';
    if (stores.length)
      how = `sessions kept in an external store (${stores
        .map(s => s.dependency)
        .join(', ')})`;
    if (jwt.length) how = `token-based auth (${jwt[0].path}:${jwt[0].line})`;
    return {
      verdict: 'pass',
      summary: `No sticky sessions; ${how}`,
      evidence: capEvidence([
        ...codeEvidence,
        ...sets.map(set =>
          setWideEvidence(
            set,
            'no sessionAffinity, affinity cookie or consistent-hash routing',
          ),
        ),
      ]),
    };
  },
};
