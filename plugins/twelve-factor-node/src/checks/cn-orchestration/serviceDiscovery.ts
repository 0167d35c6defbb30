import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { repoAddressesFactRef } from '../../facts/repoAddresses';
import { worstOf } from '../combine';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence, setWideNote } from '../setMessages';
import { appWorkloads, ofKind, optionalFact } from './kube';

/** Private IPv4 addresses: what pods, Services and nodes get inside a cluster. Not CIDRs (`10.0.0.0/8`). */
const PRIVATE_IP =
  /(?<![\w.])(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3})(?![\w.]|\/\d)/g;
const SERVICE_DNS =
  /\b[a-z0-9][-a-z0-9]{0,62}\.[a-z0-9][-a-z0-9]{0,62}\.svc(\.cluster\.local)?\b/;
const URL_HOST =
  /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@'"]*@)?([a-z0-9][a-z0-9-]*)(?=[:/"'\s]|$)/g;

/** PRIVATE_IP without the global flag, to test a value before collecting its matches (most values have none). */
const HAS_PRIVATE_IP = new RegExp(PRIVATE_IP.source);

function ipsIn(value: string): string[] {
  if (!HAS_PRIVATE_IP.test(value)) return [];
  return [...value.matchAll(PRIVATE_IP)]
    .map(m => m[1])
    .filter(ip => ip.split('.').every(o => Number(o) <= 255));
}

function judgeSet(set: ObjectSet): CheckOutcome | undefined {
  const workloads = appWorkloads(set);
  // Without workloads, the set's ConfigMaps still say how peers are addressed (when they name any).
  if (workloads.length === 0 && ofKind(set, 'ConfigMap').length === 0)
    return undefined;
  const services = new Set(
    ofKind(set, 'Service').map(s => String(s.object.metadata?.name)),
  );
  const literal: Evidence[] = [];
  const dns = new Set<string>();
  const look = (value: string, onIp: (ips: string[]) => void) => {
    const ips = ipsIn(value);
    if (ips.length) onIp(ips);
    // The literals each pattern needs, tested first: most values are neither Service names nor URLs.
    const svc = value.includes('.svc') ? SERVICE_DNS.exec(value) : null;
    if (svc) dns.add(svc[0]);
    if (value.includes('://'))
      for (const m of value.matchAll(URL_HOST))
        if (services.has(m[1])) dns.add(m[1]);
  };
  for (const cm of ofKind(set, 'ConfigMap')) {
    for (const [key, value] of Object.entries(cm.object.data ?? {})) {
      look(String(value), ips =>
        literal.push(
          objectEvidence(
            set,
            cm,
            noted('cn-orchestration.service-discovery.key-ip-note', {
              key,
              ips: ips.join(', '),
            }),
            `data.${key}`,
          ),
        ),
      );
    }
  }
  for (const w of workloads) {
    for (const { container, fieldPath } of w.containers) {
      (container.env ?? []).forEach((e: any, i: number) => {
        if (typeof e?.value !== 'string') return;
        look(e.value, ips =>
          literal.push(
            objectEvidence(
              set,
              w.source,
              noted('cn-orchestration.service-discovery.env-ip-note', {
                name: String(e.name),
                container: String(container.name),
                ips: ips.join(', '),
              }),
              `${fieldPath}.env[${i}]`,
            ),
          ),
        );
      });
    }
  }
  if (literal.length) {
    return {
      verdict: 'partial',
      ...finding('cn-orchestration.service-discovery.literal'),
      evidence: capEvidence(literal),
      remediation: advice('cn-orchestration.service-discovery.literal-advice'),
    };
  }
  const names = [...dns].sort();
  if (workloads.length === 0 && names.length === 0) return undefined;
  return {
    verdict: 'pass',
    ...(names.length
      ? finding('cn-orchestration.service-discovery.dns', {
          names: names.slice(0, 5).join(', '),
        })
      : finding('cn-orchestration.service-discovery.no-literal')),
    evidence: [
      setWideNote(
        set,
        names.length
          ? noted('cn-orchestration.service-discovery.dns-note', {
              names: names.join(', '),
            })
          : noted('cn-orchestration.service-discovery.no-literal-note'),
      ),
    ],
  };
}

export const serviceDiscovery: TwelveFactorCheck = {
  id: 'cn-orchestration.service-discovery',
  evaluate({ facts }) {
    const outcomes: CheckOutcome[] = [];
    let noSets: UnknownVerdictError | undefined;
    try {
      for (const set of objectSets(facts)) {
        const o = judgeSet(set);
        if (o) outcomes.push(o);
      }
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      noSets = e;
    }

    const code = optionalFact(facts, repoAddressesFactRef);
    const inCode = code?.privateIps ?? [];
    if (inCode.length) {
      const first = inCode[0];
      outcomes.push({
        verdict: 'partial',
        ...finding('cn-orchestration.service-discovery.in-code', {
          paths: [...new Set(inCode.map(m => m.path))].join(', '),
        }),
        evidence: capEvidence(
          inCode.map(m =>
            fileEvidence(
              m.path,
              noted('cn-orchestration.service-discovery.code-ip-note', {
                address: m.address,
                text: m.text,
              }),
              m.line,
              m.line,
            ),
          ),
        ),
        remediation: {
          ...advice('cn-orchestration.service-discovery.in-code-advice', {
            address: first.address,
            path: first.path,
          }),
          snippet: {
            language: 'text',
            path: first.path,
            action: 'modify',
            content: `${first.text.replace(
              first.address,
              'SERVICE.NAMESPACE.svc.cluster.local',
            )}\n`,
          },
        },
      });
    }
    if (outcomes.length === 0) {
      if (noSets) throw noSets;
      return {
        verdict: 'unknown',
        ...finding('cn-orchestration.service-discovery.none-reason'),
        ...because('cn-orchestration.service-discovery.none-reason'),
      };
    }
    const result = worstOf(outcomes);
    if (!code && result.verdict === 'pass') {
      result.summary +=
        ' (source code not scanned: the repo.addresses fact is not available)';
      result.summaryMsg?.push({
        id: 'cn-orchestration.service-discovery.code-not-scanned',
      });
    }
    return result;
  },
};
