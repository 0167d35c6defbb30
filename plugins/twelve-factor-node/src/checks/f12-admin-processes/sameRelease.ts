import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';

import {
  imageRepository,
  jobsOf,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { lazySnippet, toYaml } from '../snippets';
import { appImageRef, compareWithApp, setFinding } from './adminJobs';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';

/** The spec of a Job or CronJob around a pod spec. */
function jobPodSpec(kind: string, podSpec: Record<string, unknown>) {
  const template = { template: { spec: podSpec } };
  return kind === 'CronJob' ? { jobTemplate: { spec: template } } : template;
}

export const sameRelease: TwelveFactorCheck = {
  id: 'f12-admin-processes.same-release',
  evaluate({ facts }) {
    const outcomes: CheckOutcome[] = [];
    for (const s of workloadSets(facts)) {
      if (jobsOf(s.workloads).length === 0) continue;
      const { app, comparisons } = compareWithApp(s);
      if (app.length === 0) continue; // Jobs only: nothing to compare with.
      const appImage = appImageRef(s);
      const bad = comparisons.filter(
        c => !c.sameImage || c.foreignConfig.length || c.noConfig,
      );
      /** What is wrong with a Job: one message per combination, said of the Job in the finding. */
      const problems = (c: (typeof comparisons)[number]) => {
        const what = [
          c.sameImage ? '' : 'image',
          c.foreignConfig.length ? 'config' : '',
          c.noConfig ? 'no-config' : '',
        ]
          .filter(Boolean)
          .join('-');
        const params = {
          ...(c.sameImage
            ? {}
            : {
                images: c.images.join(', '),
                app: appImage ? imageRepository(appImage) : '?',
              }),
          ...(c.foreignConfig.length
            ? { config: c.foreignConfig.join(', ') }
            : {}),
        };
        return {
          note: noted(`f12-admin-processes.same-release.${what}-note`, params),
          sentence: [
            `f12-admin-processes.same-release.job-${what}`,
            { kind: c.job.kind, name: c.job.name, ...params },
          ] as const,
        };
      };
      if (bad.length === 0) {
        outcomes.push({
          verdict: 'pass',
          ...finding(
            'f12-admin-processes.same-release.same',
            { jobs: comparisons.map(c => c.job.name).join(', ') },
            [s.set.label],
          ),
          evidence: comparisons.map(c =>
            objectEvidence(
              s.set,
              c.job.source,
              noted('f12-admin-processes.same-release.same-note', {
                images: c.images.join(', '),
                apps: app.map(w => w.name).join(', '),
              }),
            ),
          ),
        });
      } else {
        const appMain = app[0].containers.find(c => !c.init)?.container ?? {};
        outcomes.push({
          verdict: 'partial',
          ...setFinding(
            s.set.label,
            bad.map(c => problems(c).sentence),
          ),
          evidence: bad.map(c =>
            objectEvidence(s.set, c.job.source, problems(c).note),
          ),
          remediation: {
            ...(appImage
              ? advice('f12-admin-processes.same-release.advice', {
                  image: appImage,
                  app: app[0].name,
                })
              : advice('f12-admin-processes.same-release.advice-no-image', {
                  app: app[0].name,
                })),
            snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
              toYaml({
                apiVersion: bad[0].job.source.object.apiVersion ?? 'batch/v1',
                kind: bad[0].job.kind,
                metadata: { name: bad[0].job.name },
                spec: jobPodSpec(bad[0].job.kind, {
                  containers: bad[0].job.containers
                    .filter(c => !c.init)
                    .map(c => ({
                      name: c.container.name,
                      image: appImage ?? '<app image>',
                      ...(appMain.envFrom ? { envFrom: appMain.envFrom } : {}),
                    })),
                }),
              }),
            ),
          },
        });
      }
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f12-admin-processes.same-release.no-job'),
        ...because('f12-admin-processes.same-release.no-job-reason'),
      };
    }
    return worstOfSets(outcomes);
  },
};
