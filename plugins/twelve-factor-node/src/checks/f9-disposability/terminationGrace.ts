import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  classify,
  isLongRunning,
  judgeSets,
} from '../f8-concurrency/processTypes';
import { explicitGrace, preStopSleep } from './lifecycle';
import { advice, finding, noted, listing, type Said } from '../messages';
import { objectEvidence } from '../setMessages';

const M = 'f9-disposability.termination-grace';

/** What is wrong with a workload's grace period: no value (`default`), or one not above its preStop sleep (`short`). */
type Issue = { id: 'default' } | { id: 'short'; grace: number; sleep: number };

/** The issue as a note on the workload's grace period. */
function issueNote(issue: Issue) {
  return issue.id === 'default'
    ? noted(`${M}.default-note`)
    : noted(`${M}.short-note`, { grace: issue.grace, sleep: issue.sleep });
}

/** A grace period without issue, as a note: `grace[-sleep][-live]-note`. */
function graceNote(grace: { seconds?: number; live?: boolean }, sleep: number) {
  return noted(
    `${M}.grace${sleep ? '-sleep' : ''}${grace.live ? '-live' : ''}-note`,
    { grace: String(grace.seconds), ...(sleep ? { sleep } : {}) },
  );
}

/** "a, b rely on the default (30 s); c sets 15 s, …": one clause per issue. */
function byIssue(
  rows: ReadonlyArray<{ w: { name: string }; issue?: Issue }>,
): Said[] {
  const groups = new Map<string, { issue: Issue; names: string[] }>();
  for (const r of rows) {
    const key = JSON.stringify(r.issue);
    const group = groups.get(key) ?? { issue: r.issue!, names: [] };
    group.names.push(r.w.name);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ issue, names }): Said => {
    const workloads = names.join(', ');
    if (issue.id === 'short')
      return [
        `${M}.short`,
        { workloads, grace: issue.grace, sleep: issue.sleep },
      ];
    return [
      names.length > 1 ? `${M}.default-several` : `${M}.default`,
      { workloads },
    ];
  });
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
            let issue: Issue | undefined;
            if (grace.seconds === undefined) issue = { id: 'default' };
            else if (grace.seconds <= sleep)
              issue = { id: 'short', grace: grace.seconds, sleep };
            return { w, grace, sleep, issue };
          });
        if (rows.length === 0) return undefined;
        const evidence = capEvidence(
          rows.map(r =>
            objectEvidence(
              set,
              r.w.source,
              r.issue ? issueNote(r.issue) : graceNote(r.grace, r.sleep),
              `${r.w.podSpecPath}.terminationGracePeriodSeconds`,
            ),
          ),
        );
        const bad = rows.filter(r => r.issue);
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            ...finding(
              `${M}.all`,
              {
                workloads: rows
                  .map(r => `${r.w.name}: ${r.grace.seconds}`)
                  .join(', '),
              },
              [set.label],
            ),
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
          ...listing(set.label, undefined, byIssue(bad), '; '),
          evidence,
          remediation: {
            ...advice(`${M}.set-advice`, {
              workloads: bad.map(b => b.w.name).join(', '),
            }),
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
      { id: `${M}.nothing` },
    );
  },
};
