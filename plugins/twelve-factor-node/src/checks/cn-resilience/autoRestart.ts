import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { lazySnippet } from '../snippets';
import { probeNote } from '../cn-observability/containerProbes';
import { codeHealthPath, probePatch } from '../cn-observability/probes';
import {
  longRunning,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { notedPhrase, notedWith, partsOf, said } from './phrases';

export const autoRestart: TwelveFactorCheck = {
  id: 'cn-resilience.auto-restart',
  evaluate({ facts }) {
    const healthPath = codeHealthPath(facts.tryGet(codeFactRef));
    const outcomes: CheckOutcome[] = [];
    for (const { set, workloads } of workloadSets(facts)) {
      const running = longRunning(workloads);
      const controllers = running.filter(w => w.kind !== 'Pod');
      // A bare Pod meant to run for good (restartPolicy Always) is restarted in place but never rescheduled.
      const barePods = running.filter(w => w.kind === 'Pod');
      if (controllers.length === 0 && barePods.length === 0) continue;
      const containers = controllers.flatMap(w =>
        w.containers.filter(c => !c.init).map(c => ({ w, c })),
      );
      const missing = containers.filter(x => !x.c.container.livenessProbe);
      const restarts = (w: (typeof controllers)[number]) => ({
        kind: w.kind,
        policy: String(w.podSpec.restartPolicy ?? 'Always'),
      });
      if (missing.length === 0 && barePods.length === 0) {
        outcomes.push({
          verdict: 'pass',
          ...finding(
            'cn-resilience.auto-restart.restarted',
            { n: controllers.length },
            [set.label],
          ),
          evidence: capEvidence(
            containers.map(x =>
              objectEvidence(
                set,
                x.w.source,
                notedWith('cn-resilience.auto-restart.probe-note', {
                  ...restarts(x.w),
                  probe: notedPhrase(
                    probeNote(
                      x.c.container.name,
                      'livenessProbe',
                      x.c.container.livenessProbe,
                    ),
                  ),
                }),
                `${x.c.fieldPath}.livenessProbe`,
              ),
            ),
            6,
          ),
        });
        continue;
      }
      const first = missing[0]?.w;
      outcomes.push({
        verdict: 'partial',
        ...partsOf(set.label, [
          ...(missing.length
            ? [
                said('cn-resilience.auto-restart.no-probe', {
                  names: missing
                    .map(x => `${x.w.name}/${x.c.container.name}`)
                    .join(', '),
                }),
              ]
            : []),
          ...(barePods.length
            ? [
                said('cn-resilience.auto-restart.bare', {
                  names: barePods.map(p => p.name).join(', '),
                }),
              ]
            : []),
        ]),
        evidence: capEvidence([
          ...missing.map(x =>
            objectEvidence(
              set,
              x.w.source,
              noted('cn-resilience.auto-restart.no-probe-note', {
                ...restarts(x.w),
                container: x.c.container.name,
              }),
              x.c.fieldPath,
            ),
          ),
          ...barePods.map(p =>
            objectEvidence(
              set,
              p.source,
              noted('cn-resilience.auto-restart.bare-note'),
            ),
          ),
        ]),
        remediation: first
          ? {
              ...advice([
                ['cn-resilience.auto-restart.probe-advice'],
                [
                  'cn-resilience.auto-restart.patch-for',
                  { kind: first.kind, name: first.name },
                ],
              ]),
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                probePatch(
                  first,
                  missing.filter(x => x.w === first).map(x => x.c),
                  'livenessProbe',
                  healthPath,
                ),
              ),
            }
          : advice('cn-resilience.auto-restart.controller-advice'),
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('cn-resilience.auto-restart.none'),
        ...because('cn-resilience.auto-restart.none-reason'),
      };
    }
    return worstOfSets(outcomes);
  },
};
