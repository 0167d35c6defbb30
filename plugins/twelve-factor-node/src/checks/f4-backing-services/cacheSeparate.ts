import type { TwelveFactorCheck } from '../../engine/types';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
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
        summary: 'The service uses no cache or broker',
        reason:
          'No Redis, Memcached, RabbitMQ or Kafka client, address or workload was found.',
      };
    }
    if (embedded.length) {
      return {
        verdict: 'partial',
        summary: `The cache runs inside the app's pod: ${embedded
          .map(x => `${x.image} in ${x.w.kind} ${x.w.name}`)
          .join(', ')}`,
        evidence: embedded.map(x =>
          setEvidence(
            x.set,
            x.w.source,
            `cache container ${x.image} next to the app`,
            `${x.w.podSpecPath}.containers`,
          ),
        ),
        remediation: {
          text: 'Run the cache as its own Deployment/StatefulSet with a Service (or use a managed cache) and reach it through REDIS_URL, so that every replica shares it and it survives app restarts.',
        },
      };
    }
    const hard = hardCoded(refs);
    if (hard.length) {
      return {
        verdict: 'partial',
        summary: `The cache/broker is reached by a hard-coded address: ${hard
          .map(describeRef)
          .join(', ')}`,
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
      const where = [
        ...new Set(
          deployed
            .filter(r => r.host)
            .map(
              r => `${r.host} (${whereIs(r.host!, r.set, MANAGED_CACHE_HOST)})`,
            ),
        ),
      ];
      return {
        verdict: 'pass',
        summary: `${[...new Set(fromConfig.map(r => r.tech))].join(
          ', ',
        )} reached through ${[...new Set(deployed.map(r => r.key))].join(
          ', ',
        )}${where.length ? `: ${where.slice(0, 3).join(', ')}` : ''}`,
        evidence: capEvidence([
          ...running.map(s =>
            setEvidence(s.set, s.source, 'cache/broker workload'),
          ),
          ...fromConfig.map(r => r.evidence),
        ]),
      };
    }
    return {
      verdict: 'unknown',
      summary: running.length
        ? 'A cache/broker runs, but nothing shows how the app reaches it'
        : 'A cache/broker client is used but no address was found',
      reason: `${
        running.length
          ? `${running.map(s => `${s.kind} ${s.name}`).join(', ')} runs`
          : `The service depends on ${caps.join(', ')}`
      }, but no REDIS_URL/broker address in the deploy configuration, env files or code says how the app reaches it.`,
      evidence: [
        ...running.map(s =>
          setEvidence(s.set, s.source, `${s.kind} ${s.name}`),
        ),
        ...capabilityEvidence(model, [...caps]),
      ],
    };
  },
};
