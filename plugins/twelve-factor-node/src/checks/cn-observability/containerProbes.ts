import type { CheckOutcome } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import type { FactReader } from '../../engine/facts';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { lazySnippet } from '../snippets';
import {
  codeHealthPath,
  probePatch,
  probeParts,
  type ProbeKind,
} from './probes';
import { objectEvidence } from '../setMessages';
import { type JudgedSet, workloadSets, worstOfSets } from './workloads';

/**
 * A container's probe, as a note: `web: readinessProbe HTTP GET /healthz on
 * port 8080` (`probe`), or `readinessProbe HTTP GET /healthz on port 8080
 * (container web)` (`health-endpoint`).
 */
export function probeNote(
  container: string,
  kind: ProbeKind,
  probe: Record<string, any>,
  form: 'probe' | 'health-endpoint' = 'probe',
) {
  const { variant, params } = probeParts(probe);
  return noted(`cn-observability.${form}.${variant}-note`, {
    container,
    kind,
    ...params,
  });
}

/**
 * Judges one probe kind over the containers each set selects: pass when all
 * have it, partial when some do, fail when none does. Sets with no such
 * container are left out; none at all is unknown.
 */
export function judgeProbe(
  facts: FactReader,
  kind: ProbeKind,
  select: (s: JudgedSet) => Array<{ w: Workload; c: WorkloadContainer }>,
  /** The check's messages: cn-observability.<check>.all, .some, .advice, .none, .none-reason. */
  check: 'liveness' | 'readiness',
): CheckOutcome {
  const id = (what: string) => `cn-observability.${check}.${what}`;
  const healthPath = codeHealthPath(facts.tryGet(codeFactRef));
  const outcomes: CheckOutcome[] = [];
  for (const s of workloadSets(facts)) {
    const containers = select(s);
    if (containers.length === 0) continue;
    const missing = containers.filter(x => !x.c.container[kind]);
    const having = containers.filter(x => x.c.container[kind]);
    const haveEvidence = having.map(x =>
      objectEvidence(
        s.set,
        x.w.source,
        probeNote(x.c.container.name, kind, x.c.container[kind]),
        `${x.c.fieldPath}.${kind}`,
      ),
    );
    if (missing.length === 0) {
      outcomes.push({
        verdict: 'pass',
        ...finding(id('all'), { n: containers.length }, [s.set.label]),
        evidence: capEvidence(haveEvidence, 6),
      });
      continue;
    }
    const first = missing[0].w;
    outcomes.push({
      verdict: having.length ? 'partial' : 'fail',
      ...finding(
        id('some'),
        {
          having: having.length,
          total: containers.length,
          missing: missing
            .map(x => `${x.w.name}/${x.c.container.name}`)
            .join(', '),
        },
        [s.set.label],
      ),
      evidence: capEvidence(
        [
          ...missing.map(x =>
            objectEvidence(
              s.set,
              x.w.source,
              noted('cn-observability.probe.missing-note', {
                container: x.c.container.name,
                kind,
              }),
              x.c.fieldPath,
            ),
          ),
          ...haveEvidence,
        ],
        8,
      ),
      remediation: {
        ...advice([
          [id('advice')],
          [
            'cn-observability.probe.patch-for',
            { kind: first.kind, name: first.name },
          ],
        ]),
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
      ...finding(id('none')),
      ...because(id('none-reason')),
    };
  }
  return worstOfSets(outcomes);
}
