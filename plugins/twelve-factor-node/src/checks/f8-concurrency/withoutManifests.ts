/*
 * The process-type checks when there are no Kubernetes objects to judge (no
 * manifests, no cluster): what the repository declares (a Procfile, compose
 * services, worker commands) and what the code consumes still say whether a
 * worker process type exists and whether it can run apart from the web
 * process.
 */
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { objectSets } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { advice, because, finding, listing, msg } from '../messages';
import {
  consumerEvidence,
  declaredEvidence,
  declaredProcesses,
  declaredWorkers,
  describeDeclared,
  runningConsumers,
  type DeclaredProcess,
} from './declaredProcesses';
import { runtimeHints } from './processTypes';

const TYPES = 'f8-concurrency.process-types';
const SCALING = 'f8-concurrency.worker-scaling';

/**
 * The outcome of `judge` when the entity has no object sets, so that a
 * check says what the repository declares instead of only that nothing is
 * deployed; undefined when there are sets, or `judge` has nothing to say
 * (the check then judges the sets, or reports why there are none).
 */
export function withoutObjectSets(
  facts: FactReader,
  judge: (facts: FactReader) => CheckOutcome | undefined,
): CheckOutcome | undefined {
  try {
    objectSets(facts);
    return undefined;
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
    return judge(facts);
  }
}

function location(d: { path: string; line?: number }): string {
  return `${d.path}${d.line ? `:${d.line}` : ''}`;
}

/** How a declared command starts several processes, as a message. */
function how(d: DeclaredProcess) {
  const c = d.combined!;
  return c.kind === 'manager'
    ? msg(`${TYPES}.how-manager`, { manager: c.manager ?? '' })
    : msg(`${TYPES}.how-${c.kind}`);
}

/**
 * f8-concurrency.process-types from declarations: a declared command that
 * starts several processes is partial; workers declared as commands of
 * their own pass (each can be started and scaled alone); queue consumers in
 * the code with a web process declared and no worker command run inside the
 * web process (partial); consumers alone cannot be placed (unknown).
 */
export function declaredProcessTypes(
  facts: FactReader,
): CheckOutcome | undefined {
  const declared = declaredProcesses(facts);
  const workers = declaredWorkers(declared);
  const webs = declared.filter(d => d.role === 'web');
  const combined = declared.filter(d => d.combined);
  const consumers = runningConsumers(facts);
  if (combined.length)
    return {
      verdict: 'partial',
      ...listing(
        undefined,
        [`${TYPES}.shared`],
        combined.map(
          d =>
            [
              `${TYPES}.declared-combined`,
              { name: d.name, location: location(d), how: how(d) },
            ] as const,
        ),
        '; ',
      ),
      evidence: capEvidence(declared.map(declaredEvidence)),
      remediation: advice(`${TYPES}.declared-split-advice`, {
        name: combined[0].name,
        location: location(combined[0]),
      }),
    };
  if (workers.length)
    return {
      verdict: 'pass',
      ...finding(`${TYPES}.declared-separate`, {
        types: describeDeclared(declared),
      }),
      evidence: capEvidence(declared.map(declaredEvidence)),
    };
  if (consumers.length && webs.length)
    return {
      verdict: 'partial',
      ...finding(`${TYPES}.declared-consumer-in-web`, {
        location: location(consumers[0]),
      }),
      evidence: capEvidence([
        ...consumers.slice(0, 3).map(consumerEvidence),
        ...webs.map(declaredEvidence),
      ]),
      remediation: advice(`${TYPES}.declared-consumer-advice`, {
        location: location(consumers[0]),
      }),
    };
  const all = runtimeHints(facts)?.consumers ?? [];
  if (all.length)
    return {
      verdict: 'unknown',
      ...finding(`${TYPES}.consumers-unplaced`, {
        locations: [...new Set(all.slice(0, 3).map(location))].join(', '),
      }),
      ...because(`${TYPES}.consumers-unplaced-reason`, {
        locations: [...new Set(all.slice(0, 3).map(location))].join(', '),
      }),
      evidence: capEvidence(all.map(consumerEvidence)),
    };
  return undefined;
}

/**
 * f8-concurrency.worker-scaling from declarations: a worker process type
 * exists (declared, or consuming in the code), but without manifests or a
 * cluster how it scales cannot be seen.
 */
export function declaredWorkerScaling(
  facts: FactReader,
): CheckOutcome | undefined {
  const workers = declaredWorkers(declaredProcesses(facts));
  if (workers.length) {
    const params = { workers: describeDeclared(workers) };
    return {
      verdict: 'unknown',
      ...finding(`${SCALING}.declared`, params),
      ...because(`${SCALING}.declared-reason`, params),
      evidence: capEvidence(workers.map(declaredEvidence)),
    };
  }
  const consumers = runtimeHints(facts)?.consumers ?? [];
  if (consumers.length) {
    const params = {
      locations: [...new Set(consumers.slice(0, 3).map(location))].join(', '),
    };
    return {
      verdict: 'unknown',
      ...finding(`${SCALING}.consumers`, params),
      ...because(`${SCALING}.consumers-reason`, params),
      evidence: capEvidence(consumers.map(consumerEvidence)),
    };
  }
  return undefined;
}
