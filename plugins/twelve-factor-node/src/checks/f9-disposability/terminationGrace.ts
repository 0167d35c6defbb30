import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  classify,
  isLongRunning,
  judgeSets,
} from '../f8-concurrency/processTypes';
import { explicitGrace, preStopSleep } from './lifecycle';

/** "a, b rely on the default (30 s); c sets 15 s, …": one clause per issue. */
function byIssue(
  rows: ReadonlyArray<{ w: { name: string }; issue?: string }>,
): string {
  const groups = new Map<string, string[]>();
  for (const r of rows)
    groups.set(r.issue!, [...(groups.get(r.issue!) ?? []), r.w.name]);
  return [...groups]
    .map(
      ([issue, names]) =>
        `${names.join(', ')} ${
          names.length > 1 ? issue.replace(/^relies/, 'rely') : issue
        }`,
    )
    .join('; ');
}

export const terminationGrace: TwelveFactorCheck = {
  id: 'f9-disposability.termination-grace',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Every long-running workload, backing services included: a database killed after 30 s loses writes too.
        const rows = classify(set)
          .filter(isLongRunning)
          .map(w => {
            const grace = explicitGrace(w);
            const sleep = Math.max(
              0,
              ...w.containers.map(c => preStopSleep(c.container)),
            );
            let issue: string | undefined;
            if (grace.seconds === undefined)
              issue = 'relies on the default (30 s)';
            else if (grace.seconds <= sleep)
              issue = `sets ${grace.seconds} s, not more than its preStop sleep of ${sleep} s`;
            return { w, grace, sleep, issue };
          });
        if (rows.length === 0) return undefined;
        const evidence = capEvidence(
          rows.map(r =>
            setEvidence(
              set,
              r.w.source,
              r.issue ??
                `${r.grace.seconds} s${
                  r.sleep ? ` > preStop sleep ${r.sleep} s` : ''
                }${r.grace.note ? ` (${r.grace.note})` : ''}`,
              `${r.w.podSpecPath}.terminationGracePeriodSeconds`,
            ),
          ),
        );
        const bad = rows.filter(r => r.issue);
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            summary: `${
              set.label
            }: every long-running workload sets terminationGracePeriodSeconds (${rows
              .map(r => `${r.w.name}: ${r.grace.seconds}`)
              .join(', ')})`,
            evidence,
          };
        }
        const first = bad[0];
        // Workers finishing tasks and stateful backing services need longer than a web process draining requests.
        const seconds = Math.max(
          first.w.type === 'web' ? 30 : 60,
          first.sleep + 25,
        );
        return {
          verdict: rows.every(r => r.grace.seconds === undefined)
            ? 'fail'
            : 'partial',
          summary: `${set.label}: ${byIssue(bad)}`,
          evidence,
          remediation: {
            text: `Set terminationGracePeriodSeconds explicitly on ${bad
              .map(b => b.w.name)
              .join(
                ', ',
              )}, longer than the preStop sleep plus the time the process needs to finish in-flight work.`,
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              podSpecPatch(
                {
                  apiVersion: first.w.source.object.apiVersion,
                  kind: first.w.kind,
                  name: first.w.name,
                  namespace: first.w.namespace,
                },
                { terminationGracePeriodSeconds: seconds },
              ),
            ),
          },
        };
      },
      'No long-running workload (Deployment, StatefulSet, DaemonSet) to judge',
    );
  },
};
