import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { distinct, findingWith, inner } from '../f3-config/said';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import {
  backingModel,
  CACHE_IMAGE,
  CACHE_OPERATOR,
  capabilityEvidence,
  describeRef,
  embeddedIn,
  hardCoded,
  MANAGED_CACHE_HOST,
  runningServices,
  whereIs,
} from './backing';
import { fromEnvRemediation } from './remediation';

const CACHE_CAPABILITIES = [
  'cache-redis',
  'broker-rabbitmq',
  'broker-kafka',
  'task-queue',
] as const;

export const cacheSeparate: TwelveFactorCheck = {
  id: 'f4-backing-services.cache-separate',
  evaluate({ facts }) {
    const model = backingModel(facts);
    const refs = model.refs.filter(
      r => (r.kind === 'cache' || r.kind === 'broker') && !r.local,
    );
    const running = model.sets.flatMap(set =>
      runningServices(set, CACHE_IMAGE, CACHE_OPERATOR).map(s => ({
        set,
        ...s,
      })),
    );
    const embedded = model.sets.flatMap(set =>
      embeddedIn(set, CACHE_IMAGE).map(e => ({ set, ...e })),
    );
    const caps = CACHE_CAPABILITIES.filter(c => model.capabilities[c]?.length);
    if (!refs.length && !running.length && !embedded.length && !caps.length) {
      return {
        verdict: 'unknown',
        ...finding('f4-backing-services.cache-separate.none'),
        ...because('f4-backing-services.cache-separate.none-reason'),
      };
    }
    if (embedded.length) {
      return {
        verdict: 'partial',
        ...findingWith(
          'f4-backing-services.cache-separate.embedded',
          undefined,
          {
            containers: inner(
              embedded.map(x => [
                'f4-backing-services.image-in',
                { image: x.image, workload: `${x.w.kind} ${x.w.name}` },
              ]),
              ', ',
            ),
          },
        ),
        evidence: embedded.map(x =>
          objectEvidence(
            x.set,
            x.w.source,
            noted('f4-backing-services.cache-separate.embedded-note', {
              image: x.image,
            }),
            `${x.w.podSpecPath}.containers`,
          ),
        ),
        remediation: advice(
          'f4-backing-services.cache-separate.embedded-advice',
        ),
      };
    }
    const hard = hardCoded(refs);
    if (hard.length) {
      return {
        verdict: 'partial',
        ...finding('f4-backing-services.cache-separate.hard-coded', {
          addresses: hard.map(describeRef).join(', '),
        }),
        evidence: [
          ...hard.map(r => r.evidence),
          ...refs.filter(r => !hard.includes(r)).map(r => r.evidence),
        ],
        remediation: fromEnvRemediation(hard),
      };
    }
    const fromConfig = refs.filter(r => r.origin !== 'source' || r.overridden);
    // What is deployed says where the service runs; env files only when nothing is deployed.
    const deployed = fromConfig.some(r => r.origin === 'deploy')
      ? fromConfig.filter(r => r.origin === 'deploy')
      : fromConfig;
    if (fromConfig.length) {
      const where = distinct(
        deployed
          .filter(r => r.host)
          .map(r => whereIs(r.host!, r.set, MANAGED_CACHE_HOST)),
      );
      const params = {
        techs: [...new Set(fromConfig.map(r => r.tech))].join(', '),
        keys: [...new Set(deployed.map(r => r.key))].join(', '),
      };
      return {
        verdict: 'pass',
        ...(where.length
          ? findingWith(
              'f4-backing-services.cache-separate.reached-where',
              params,
              {
                where: inner(where.slice(0, 3), ', '),
              },
            )
          : finding('f4-backing-services.cache-separate.reached', params)),
        evidence: capEvidence([
          ...running.map(s =>
            objectEvidence(
              s.set,
              s.source,
              noted('f4-backing-services.cache-separate.workload-note'),
            ),
          ),
          ...fromConfig.map(r => r.evidence),
        ]),
      };
    }
    return {
      verdict: 'unknown',
      ...(running.length
        ? {
            ...finding('f4-backing-services.cache-separate.running-unreached'),
            ...because(
              'f4-backing-services.cache-separate.running-unreached-reason',
              { running: running.map(s => `${s.kind} ${s.name}`).join(', ') },
            ),
          }
        : {
            ...finding('f4-backing-services.cache-separate.no-address'),
            ...because('f4-backing-services.cache-separate.no-address-reason', {
              capabilities: caps.join(', '),
            }),
          }),
      evidence: [
        ...running.map(s =>
          objectEvidence(s.set, s.source, `${s.kind} ${s.name}`),
        ),
        ...capabilityEvidence(model, [...caps]),
      ],
    };
  },
};
