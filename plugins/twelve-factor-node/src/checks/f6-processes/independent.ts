import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { objectEvidence, setWideNote } from '../setMessages';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import {
  appProcesses,
  combinedProcesses,
  commandOf,
  judgeSets,
  namespaceOf,
  runtimeHints,
  workerCommand,
  type AppWorkload,
  type CombinedProcesses,
} from '../f8-concurrency/processTypes';
import type { FactReader } from '../../engine/facts';
import { runningConsumers } from '../f8-concurrency/declaredProcesses';
import { advice, finding, noted, listing } from '../messages';

const M = 'f6-processes.independent';

/** "web (a, b), worker (c)". */
export function describeTypes(apps: ReadonlyArray<AppWorkload>): string {
  const byType = new Map<string, string[]>();
  for (const w of apps)
    byType.set(w.type, [...(byType.get(w.type) ?? []), w.name]);
  return [...byType]
    .map(([t, names]) => `${t} (${names.join(', ')})`)
    .join(', ');
}

/** Spring's six-field cron (`0 0 2 * * *`) as a CronJob schedule. */
function cronOf(text: string): string | undefined {
  const m = /cron\s*=\s*"([^"]+)"/.exec(text);
  if (!m) return undefined;
  const f = m[1].trim().split(/\s+/);
  return (f.length === 6 ? f.slice(1) : f).join(' ').replace(/\?/g, '*');
}

/** How to give the extra process its own workload, written for the workload at hand. */
export function splitRemediation(
  set: ObjectSet,
  facts: FactReader,
  combo: CombinedProcesses,
): CheckOutcome['remediation'] {
  const w = combo.workload;
  const ns = namespaceOf(set, w);
  const meta = (name: string) => ({ name, ...(ns ? { namespace: ns } : {}) });
  const main = w.appContainers[0]?.container ?? {};
  if (combo.kind === 'consumer') {
    const consumer = runningConsumers(facts)[0];
    return advice(`${M}.consumer-advice`, {
      location: consumer ? `${consumer.path}:${consumer.line}` : '',
      workload: w.name,
    });
  }
  if (/in-process scheduler/.test(combo.what)) {
    const hint = runtimeHints(facts)?.schedulers[0];
    const schedule = (hint && cronOf(hint.text)) ?? '0 * * * *';
    return {
      ...(hint
        ? advice(`${M}.scheduler-advice`, {
            location: `${hint.path}:${hint.line}`,
            workload: w.name,
          })
        : advice(`${M}.in-process-scheduler-advice`, { workload: w.name })),
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        toYaml({
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: meta(`${w.name}-scheduled`),
          spec: {
            schedule,
            concurrencyPolicy: 'Forbid',
            jobTemplate: {
              spec: {
                backoffLimit: 2,
                ttlSecondsAfterFinished: 86400,
                template: {
                  spec: {
                    restartPolicy: 'OnFailure',
                    containers: [{ name: 'scheduled-job', image: main.image }],
                  },
                },
              },
            },
          },
        }),
      ),
    };
  }
  if (combo.scope === 'pod') {
    const worker =
      w.appContainers.find(c => workerCommand(commandOf(c.container)))
        ?.container ?? main;
    const labels = { app: `${w.name}-worker` };
    return {
      ...advice(`${M}.pod-advice`, {
        container: worker.name,
        workload: w.name,
      }),
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        toYaml({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: meta(`${w.name}-worker`),
          spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: [worker] } },
          },
        }),
      ),
    };
  }
  const beat =
    /celery.*\bworker\b/.test(commandOf(main)) && /beat/.test(combo.what);
  if (beat) {
    const app = /-A\s+(\S+)/.exec(commandOf(main))?.[1] ?? 'app';
    const labels = { app: `${w.name}-beat` };
    return {
      ...advice(`${M}.beat-advice`, { workload: w.name }),
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        toYaml({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: meta(`${w.name}-beat`),
          spec: {
            replicas: 1,
            strategy: { type: 'Recreate' },
            selector: { matchLabels: labels },
            template: {
              metadata: { labels },
              spec: {
                containers: [
                  {
                    name: 'beat',
                    image: main.image,
                    command: ['celery', '-A', app, 'beat', '--loglevel=INFO'],
                  },
                ],
              },
            },
          },
        }),
      ),
    };
  }
  // Only a command's kinds are left here: a process manager, celery with -B, a backgrounding shell.
  return advice(`${M}.${combo.kind}-advice`, {
    workload: w.name,
    ...(combo.manager ? { manager: combo.manager } : {}),
  });
}

export const independent: TwelveFactorCheck = {
  id: 'f6-processes.independent',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const apps = appProcesses(set);
        if (apps.length === 0) return undefined;
        const combos = combinedProcesses(set, facts, (w, note, fieldPath) =>
          objectEvidence(set, w.source, note, fieldPath),
        );
        if (combos.length === 0) {
          return {
            verdict: 'pass',
            ...finding(`${M}.separate`, { types: describeTypes(apps) }, [
              set.label,
            ]),
            evidence: capEvidence(
              apps.map(w => objectEvidence(set, w.source, noted(...w.whySaid))),
            ),
          };
        }
        return {
          verdict: 'partial',
          ...listing(
            set.label,
            undefined,
            combos.map(c => c.said),
            '; ',
          ),
          evidence: capEvidence([
            ...combos.flatMap(c => c.evidence),
            setWideNote(
              set,
              noted('f8-concurrency.process-types.workloads-note', {
                types: describeTypes(apps),
              }),
            ),
          ]),
          remediation: splitRemediation(set, facts, combos[0]),
        };
      },
      { id: 'f6-processes.stateless.no-apps' },
    );
  },
};
