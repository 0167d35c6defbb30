import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef, type CodeFact } from '../../facts/code/extractor';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
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
            evidence: found.map(f =>
              setEvidence(
                s.set,
                f.workload.source,
                f.note,
                f.container.fieldPath,
              ),
            ),
          });
        } else if (s.set.origin === 'cluster' && anyRepoRun) {
          // A finished Job may be gone (ttlSecondsAfterFinished); the repository shows it exists.
          notes.push(
            setWideEvidence(
              s.set,
              'no migration Job in this namespace now; finished Jobs may have been cleaned up',
            ),
          );
        } else {
          outcomes.push({
            verdict: 'fail',
            summary: `${s.set.label}: no Job runs the migrations`,
            evidence: [
              setWideEvidence(
                s.set,
                'no Job, CronJob or init container runs migrations',
              ),
            ],
            remediation: {
              text: "Run the migrations once per release in a Job that uses the app's image and configuration.",
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
      text: "Run the migrations once per release in a Job (or a Helm/Argo CD pre-sync hook) that uses the app's image and configuration, not at application start.",
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        jobSnippet(sets[0], code),
      ),
    };
    // The app's own command migrating on start decides without the code.
    const inManifests = sets.flatMap(s =>
      startupMigrations(s.workloads).map(r =>
        setEvidence(
          s.set,
          r.workload.source,
          r.note,
          `${r.container.fieldPath}.command`,
        ),
      ),
    );
    if (inManifests.length) {
      return {
        verdict: 'fail',
        summary: `Migrations run at application start in every replica (${inManifests[0].note})`,
        evidence: capEvidence([...inManifests, ...startupEvidence]),
        remediation,
      };
    }
    if (atStartup.length) {
      return {
        verdict: 'fail',
        summary: `Migrations run at application start in every replica (${atStartup[0].path}:${atStartup[0].line})`,
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
        summary: migrationLib.length
          ? `No Job runs the migrations; ${migrationLib.join(
              ', ',
            )} in the dependencies migrate${
              migrationLib.length === 1 ? 's' : ''
            } elsewhere (typically at application start) or not at all`
          : 'The service uses a database but no Job runs migrations',
        evidence: dbDeps.map(d =>
          fileEvidence(
            d.path,
            `${d.dependency}: database dependency, no migration Job`,
            d.line,
            d.line,
          ),
        ),
        remediation,
      };
    }
    return {
      verdict: 'unknown',
      summary: 'No migration Job and no database dependency',
      reason: code
        ? 'The service declares no database or migration library, so it may have no schema to migrate.'
        : 'No migration Job, and without the source code it is unknown whether the service has a database.',
    };
  },
};
