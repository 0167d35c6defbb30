import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { objectEvidence, setWideNote } from '../setMessages';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence } from '../evidence';
import {
  advice,
  because,
  english,
  finding,
  noted,
  type Said,
} from '../messages';
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
  /** `what` as a message. */
  said: Said;
  fieldPath: string;
}

const M = 'f6-processes.external-sessions';

/** A sticky setting, in English and by id. */
function stickyWhat(
  id: string,
  params: Record<string, string>,
): { what: string; said: Said } {
  return { what: english(`${M}.${id}`, params), said: [`${M}.${id}`, params] };
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
        ...stickyWhat('sticky-service', { name: o.metadata.name }),
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
            ...stickyWhat('sticky-annotation', {
              kind: o.kind,
              name: o.metadata.name,
              key,
              value: String(value),
            }),
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
        ...stickyWhat('sticky-consistent-hash', { name: o.metadata.name }),
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
        ...stickyWhat('sticky-http-route', { name: o.metadata.name }),
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
        ...stickyWhat('sticky-backend-config', {
          name: o.metadata.name,
          type: String(o.spec.sessionAffinity.affinityType),
        }),
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
        .map(s => fileEvidence(s.path, codeNote(s), s.line, s.line)),
      ...stores
        .slice(0, 2)
        .map(s =>
          fileEvidence(
            s.path,
            noted(`${M}.store-note`, { dependency: s.dependency }),
            s.line,
            s.line,
          ),
        ),
      ...serverSide
        .slice(0, 2)
        .map(s => fileEvidence(s.path, codeNote(s), s.line, s.line)),
    ];
    if (sticky.length) {
      const first = sticky[0];
      const isService =
        first.source.object.kind === 'Service' &&
        first.fieldPath === 'spec.sessionAffinity';
      // Each setting once per set, said of its set.
      const seen = new Set<string>();
      const shown = sticky.filter(s => {
        const key = `${s.what} (${s.set.label})`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return {
        verdict: 'partial',
        summary: `Sticky sessions configured: ${shown
          .map(x => `${x.what} (${x.set.label})`)
          .join('; ')}`,
        // The head, then each setting said of its set.
        summaryMsg: [
          { id: `${M}.sticky` },
          ...shown.map(x => ({
            id: x.said[0],
            ...(x.said[1] ? { params: x.said[1] } : {}),
            labels: [x.set.label],
          })),
        ],
        evidence: capEvidence([
          ...sticky.map(s =>
            objectEvidence(s.set, s.source, noted(...s.said), s.fieldPath),
          ),
          ...codeEvidence,
        ]),
        remediation: {
          ...(serverSide.length
            ? advice(`${M}.sticky-in-memory-advice`, {
                location: `${serverSide[0].path}:${serverSide[0].line}`,
              })
            : advice(`${M}.sticky-advice`)),
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
      // What a thrown UnknownVerdictError would say, with its reason by id.
      return {
        verdict: 'unknown',
        ...finding('engine.cannot-decide'),
        ...because(code ? `${M}.no-code-reason` : `${M}.unreadable-reason`),
        evidence: [],
      };
    }
    if (serverSide.length && stores.length === 0 && jwt.length === 0) {
      return {
        verdict: 'partial',
        ...finding(`${M}.server-side`, {
          location: `${serverSide[0].path}:${serverSide[0].line}`,
        }),
        evidence: codeEvidence,
        remediation: advice(`${M}.server-side-advice`),
      };
    }
    let how = finding(`${M}.none`);
    if (stores.length)
      how = finding(`${M}.none-store`, {
        stores: stores.map(s => s.dependency).join(', '),
      });
    if (jwt.length)
      how = finding(`${M}.none-token`, {
        location: `${jwt[0].path}:${jwt[0].line}`,
      });
    return {
      verdict: 'pass',
      ...how,
      evidence: capEvidence([
        ...codeEvidence,
        ...sets.map(set => setWideNote(set, noted(`${M}.no-affinity-note`))),
      ]),
    };
  },
};
