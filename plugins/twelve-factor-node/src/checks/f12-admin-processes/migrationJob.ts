import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef, type CodeFact } from '../../facts/code/extractor';
import { setWideEvidence } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';
import { capEvidence, fileEvidence } from '../evidence';
import {
  appWorkloads,
  codeEvidence,
  type JudgedSet,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { appImageRef, migrationRuns, startupMigrations } from './adminJobs';
import { envWithSecretRefs } from '../f3-config/pods';
import { advice, because, finding, noted } from '../messages';

/** The migration command for the tool the service declares. */
function migrateCommand(code: CodeFact | undefined): string[] {
  const deps = (code?.capabilities['db-migrations'] ?? []).map(d =>
    d.dependency.toLowerCase(),
  );
  if (deps.some(d => d.includes('alembic') || d.includes('flask-migrate')))
    return ['alembic', 'upgrade', 'head'];
  if (deps.some(d => d.includes('flyway'))) return ['flyway', 'migrate'];
  if (deps.some(d => d.includes('liquibase'))) return ['liquibase', 'update'];
  if (deps.some(d => d.includes('prisma')))
    return ['npx', 'prisma', 'migrate', 'deploy'];
  if (deps.some(d => d.includes('knex')))
    return ['npx', 'knex', 'migrate:latest'];
  if (deps.some(d => d.includes('typeorm')))
    return ['npx', 'typeorm', 'migration:run'];
  if (deps.some(d => d.includes('golang-migrate')))
    return [
      'migrate',
      '-path',
      '/migrations',
      '-database',
      '$(DATABASE_URL)',
      'up',
    ];
  if (deps.some(d => d.includes('goose'))) return ['goose', 'up'];
  return ['<your migration command>'];
}

/** A Job for this service: its image, its config, its migration tool. */
function jobSnippet(set: JudgedSet, code: CodeFact | undefined): string {
  const app = appWorkloads(set.workloads)[0];
  const main = app?.containers.find(c => !c.init)?.container ?? {};
  const base = app?.name ?? 'app';
  return toYaml({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${base}-migrate`,
      ...(app?.namespace ? { namespace: app.namespace } : {}),
    },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 3600,
      template: {
        spec: {
          restartPolicy: 'Never',
          ...(app?.podSpec.serviceAccountName
            ? { serviceAccountName: app.podSpec.serviceAccountName }
            : {}),
          containers: [
            {
              name: 'migrate',
              image: appImageRef(set) ?? '<app image>',
              command: migrateCommand(code),
              ...(main.envFrom ? { envFrom: main.envFrom } : {}),
              ...(Array.isArray(main.env)
                ? { env: envWithSecretRefs(main.env, `${base}-credentials`) }
                : {}),
            },
          ],
        },
      },
    },
  });
}

export const migrationJob: TwelveFactorCheck = {
  id: 'f12-admin-processes.migration-job',
  evaluate({ facts }) {
    const sets = workloadSets(facts);
    const code = facts.tryGet(codeFactRef);
    const atStartup = code?.signals['db.migrations-at-startup'] ?? [];
    const startupEvidence = codeEvidence(atStartup);
    const runs = sets.map(s => ({ s, runs: migrationRuns(s.workloads) }));
    const anyRepoRun = runs.some(
      r => r.s.set.origin === 'repo' && r.runs.length > 0,
    );

    if (runs.some(r => r.runs.length > 0)) {
      const outcomes: CheckOutcome[] = [];
      const notes: Evidence[] = [];
      for (const { s, runs: found } of runs) {
        if (found.length) {
          outcomes.push({
            verdict: 'pass',
            summary: found.map(f => f.note).join('; '),
            summaryMsg: found.map(f => ({ ...f.noteMsg })),
            evidence: found.map(f =>
              objectEvidence(
                s.set,
                f.workload.source,
                f,
                f.container.fieldPath,
              ),
            ),
          });
        } else if (s.set.origin === 'cluster' && anyRepoRun) {
          // A finished Job may be gone (ttlSecondsAfterFinished); the repository shows it exists.
          notes.push({
            ...setWideEvidence(s.set, ''),
            ...noted('f12-admin-processes.migration-job.cleaned-up-note'),
          });
        } else {
          outcomes.push({
            verdict: 'fail',
            ...finding('f12-admin-processes.migration-job.none-in-set', {}, [
              s.set.label,
            ]),
            evidence: [
              {
                ...setWideEvidence(s.set, ''),
                ...noted('f12-admin-processes.migration-job.none-in-set-note'),
              },
            ],
            remediation: {
              ...advice('f12-admin-processes.migration-job.job-advice'),
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                jobSnippet(s, code),
              ),
            },
          });
        }
      }
      const result = worstOfSets(outcomes);
      return {
        ...result,
        evidence: capEvidence(
          [
            ...(result.evidence ?? []),
            ...notes,
            ...startupEvidence.map(e => ({
              ...e,
              note: `${e.note} (also at start-up)`,
            })),
          ],
          14,
        ),
      };
    }

    const dbDeps = Object.entries(code?.capabilities ?? {})
      .filter(([cap]) => cap.startsWith('db-') && cap !== 'db-sqlite')
      .flatMap(([, deps]) => deps ?? []);
    const remediation = {
      ...advice('f12-admin-processes.migration-job.not-at-start-advice'),
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        jobSnippet(sets[0], code),
      ),
    };
    // The app's own command migrating on start decides without the code.
    const startRuns = sets.flatMap(s =>
      startupMigrations(s.workloads).map(r => ({
        r,
        evidence: objectEvidence(
          s.set,
          r.workload.source,
          r,
          `${r.container.fieldPath}.command`,
        ),
      })),
    );
    const inManifests = startRuns.map(x => x.evidence);
    if (startRuns.length) {
      const [{ r, evidence: first }] = startRuns;
      const note = first.note ?? r.note;
      // The evidence note says the run of a file's object after the object and its field.
      const object = note.slice(0, note.length - r.note.length);
      return {
        verdict: 'fail',
        ...finding(
          `f12-admin-processes.migration-job.at-start-in-manifests${
            r.noteMsg.params?.hook ? '-hook' : ''
          }`,
          { ...r.noteMsg.params, object },
        ),
        evidence: capEvidence([...inManifests, ...startupEvidence]),
        remediation,
      };
    }
    if (atStartup.length) {
      return {
        verdict: 'fail',
        ...finding('f12-admin-processes.migration-job.at-start-in-code', {
          location: `${atStartup[0].path}:${atStartup[0].line}`,
        }),
        evidence: startupEvidence,
        remediation,
      };
    }
    if (dbDeps.length) {
      const migrationLib = (code?.capabilities['db-migrations'] ?? []).map(
        d => d.dependency,
      );
      return {
        verdict: 'fail',
        ...(migrationLib.length
          ? finding(
              migrationLib.length === 1
                ? 'f12-admin-processes.migration-job.library-elsewhere'
                : 'f12-admin-processes.migration-job.libraries-elsewhere',
              { libraries: migrationLib.join(', ') },
            )
          : finding('f12-admin-processes.migration-job.database-no-job')),
        evidence: dbDeps.map(d =>
          fileEvidence(
            d.path,
            noted('f12-admin-processes.migration-job.database-note', {
              dependency: d.dependency,
            }),
            d.line,
            d.line,
          ),
        ),
        remediation,
      };
    }
    return {
      verdict: 'unknown',
      ...finding('f12-admin-processes.migration-job.no-database'),
      ...because(
        code
          ? 'f12-admin-processes.migration-job.no-database-reason'
          : 'f12-admin-processes.migration-job.no-code-reason',
      ),
    };
  },
};
