import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { lazySnippet } from '../snippets';
import {
  codeHealthPath,
  describeProbe,
  probePatch,
} from '../cn-observability/probes';
import {
  longRunning,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';

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
      const restartNote = (w: (typeof controllers)[number]) =>
        `${w.kind} restarts its pods (restartPolicy ${
          w.podSpec.restartPolicy ?? 'Always'
        })`;
      if (missing.length === 0 && barePods.length === 0) {
        outcomes.push({
          verdict: 'pass',
          summary: `${set.label}: ${controllers.length} controller(s) restart failed pods and every container has a livenessProbe`,
          evidence: capEvidence(
            containers.map(x =>
              setEvidence(
                set,
                x.w.source,
                `${restartNote(x.w)}; ${
                  x.c.container.name
                }: livenessProbe ${describeProbe(x.c.container.livenessProbe)}`,
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
        summary: `${set.label}: ${[
          missing.length
            ? `no livenessProbe in ${missing
                .map(x => `${x.w.name}/${x.c.container.name}`)
                .join(', ')}, so a hung process is not restarted`
            : '',
          barePods.length
            ? `bare Pod(s) ${barePods
                .map(p => p.name)
                .join(', ')} are not rescheduled by a controller`
            : '',
        ]
          .filter(Boolean)
          .join('; ')}`,
        evidence: capEvidence([
          ...missing.map(x =>
            setEvidence(
              set,
              x.w.source,
              `${restartNote(x.w)}, but ${
                x.c.container.name
              } has no livenessProbe`,
              x.c.fieldPath,
            ),
          ),
          ...barePods.map(p =>
            setEvidence(set, p.source, 'bare Pod: no controller recreates it'),
          ),
        ]),
        remediation: first
          ? {
              text: `Add a livenessProbe so that hung containers are restarted too, not only crashed ones. A patch for ${first.kind} ${first.name}:`,
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                probePatch(
                  first,
                  missing.filter(x => x.w === first).map(x => x.c),
                  'livenessProbe',
                  healthPath,
                ),
              ),
            }
          : {
              text: 'Run long-lived processes under a Deployment or StatefulSet instead of a bare Pod.',
            },
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No long-running workload',
        reason:
          'No deploy target or cluster namespace runs a Deployment, StatefulSet, DaemonSet or Rollout.',
      };
    }
    return worstOfSets(outcomes);
  },
};
