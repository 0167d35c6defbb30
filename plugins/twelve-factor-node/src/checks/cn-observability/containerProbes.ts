import type { CheckOutcome } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import { setEvidence } from '../../facts/objectSets';
import type { FactReader } from '../../engine/facts';
import { capEvidence } from '../evidence';
import { lazySnippet } from '../snippets';
import {
  codeHealthPath,
  describeProbe,
  probePatch,
  type ProbeKind,
} from './probes';
import { type JudgedSet, workloadSets, worstOfSets } from './workloads';

/**
 * Judges one probe kind over the containers each set selects: pass when all
 * have it, partial when some do, fail when none does. Sets with no such
 * container are left out; none at all is unknown.
 */
export function judgeProbe(
  facts: FactReader,
  kind: ProbeKind,
  select: (s: JudgedSet) => Array<{ w: Workload; c: WorkloadContainer }>,
  what: string,
  whyText: string,
): CheckOutcome {
  const healthPath = codeHealthPath(facts.tryGet(codeFactRef));
  const outcomes: CheckOutcome[] = [];
  for (const s of workloadSets(facts)) {
    const containers = select(s);
    if (containers.length === 0) continue;
    const missing = containers.filter(x => !x.c.container[kind]);
    const having = containers.filter(x => x.c.container[kind]);
    const haveEvidence = having.map(x =>
      setEvidence(
        s.set,
        x.w.source,
        `${x.c.container.name}: ${kind} ${describeProbe(x.c.container[kind])}`,
        `${x.c.fieldPath}.${kind}`,
      ),
    );
    if (missing.length === 0) {
      outcomes.push({
        verdict: 'pass',
        summary: `${s.set.label}: all ${containers.length} ${what} have a ${kind}`,
        evidence: capEvidence(haveEvidence, 6),
      });
      continue;
    }
    const first = missing[0].w;
    outcomes.push({
      verdict: having.length ? 'partial' : 'fail',
      summary: `${s.set.label}: ${having.length} of ${
        containers.length
      } ${what} have a ${kind}; missing in ${missing
        .map(x => `${x.w.name}/${x.c.container.name}`)
        .join(', ')}`,
      evidence: capEvidence(
        [
          ...missing.map(x =>
            setEvidence(
              s.set,
              x.w.source,
              `${x.c.container.name}: no ${kind}`,
              x.c.fieldPath,
            ),
          ),
          ...haveEvidence,
        ],
        8,
      ),
      remediation: {
        text: `${whyText} A strategic-merge patch for ${first.kind} ${first.name}:`,
        snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
          probePatch(
            first,
            missing.filter(x => x.w === first).map(x => x.c),
            kind,
            healthPath,
          ),
        ),
      },
    });
  }
  if (outcomes.length === 0) {
    return {
      verdict: 'unknown',
      summary: `No ${what}`,
      reason: `No deploy target or cluster namespace has ${what}.`,
    };
  }
  return worstOfSets(outcomes);
}
