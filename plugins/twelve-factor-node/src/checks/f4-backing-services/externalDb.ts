import type { TwelveFactorCheck } from '../../engine/types';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence, plural } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  backingModel,
  capabilityEvidence,
  DB_IMAGE,
  DB_OPERATOR,
  describeRef,
  embeddedIn,
  hardCoded,
  MANAGED_DB_HOST,
  runningServices,
  whereIs,
} from './backing';
import { fromEnvRemediation } from './remediation';

const DB_CAPABILITIES = [
  'db-postgres',
  'db-mysql',
  'db-mongo',
  'db-sqlserver',
  'db-sqlite',
] as const;

export const externalDb: TwelveFactorCheck = {
  id: 'f4-backing-services.external-db',
  evaluate({ facts }) {
    const model = backingModel(facts);
    const refs = model.refs.filter(r => r.kind === 'database' && !r.local);
    const running = model.sets.flatMap(set =>
      runningServices(set, DB_IMAGE, DB_OPERATOR).map(s => ({ set, ...s })),
    );
    const embedded = model.sets.flatMap(set =>
      embeddedIn(set, DB_IMAGE).map(e => ({ set, ...e })),
    );
    const caps = DB_CAPABILITIES.filter(c => model.capabilities[c]?.length);
    if (!refs.length && !running.length && !embedded.length && !caps.length) {
      return {
        verdict: 'unknown',
        summary: 'The service uses no database',
        reason:
          'No database driver, database URL or database workload was found.',
      };
    }
    if (embedded.length) {
      const e = embedded[0];
      return {
        verdict: 'fail',
        summary: `The database runs inside the app's pod: ${embedded
          .map(x => `${x.image} in ${x.w.kind} ${x.w.name}`)
          .join(', ')}`,
        evidence: embedded.map(x =>
          setEvidence(
            x.set,
            x.w.source,
            `database container ${x.image} next to the app`,
            `${x.w.podSpecPath}.containers`,
          ),
        ),
        remediation: {
          text: `Run the database as its own StatefulSet (or an operator/managed service) and reach it through DATABASE_URL, so that app pods can be replaced and scaled without touching data.`,
          snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
            podSpecPatch(
              {
                apiVersion: e.w.source.object.apiVersion,
                kind: e.w.kind,
                name: e.w.name,
              },
              {
                containers: [
                  {
                    name: String(
                      e.w.containers.find(
                        c => !DB_IMAGE.test(String(c.container.image)),
                      )?.container.name ?? e.w.name,
                    ),
                    env: [
                      {
                        name: 'DATABASE_URL',
                        valueFrom: {
                          secretKeyRef: { name: `${e.w.name}-db`, key: 'url' },
                        },
                      },
                    ],
                  },
                ],
              },
            ),
          ),
        },
      };
    }
    const techs = new Set(refs.map(r => r.tech));
    const sqliteOnly =
      !running.length &&
      (techs.size
        ? [...techs].every(t => t === 'sqlite')
        : caps.every(c => c === 'db-sqlite'));
    if (sqliteOnly) {
      return {
        verdict: 'fail',
        summary: 'The database is an SQLite file inside the app container',
        evidence: [
          ...refs.map(r => r.evidence),
          ...capabilityEvidence(model, ['db-sqlite']),
        ],
        remediation: {
          text: 'Use a database server outside the app (managed PostgreSQL/MySQL, or its own StatefulSet) reached through DATABASE_URL; a file in the container is lost with the pod and cannot be shared by replicas.',
        },
      };
    }
    const hard = hardCoded(refs);
    if (hard.length) {
      return {
        verdict: 'partial',
        summary: `The database address is hard-coded: ${hard
          .map(describeRef)
          .join(', ')} in ${[
          ...new Set(hard.map(r => r.via.replace(/:\d+$/, ''))),
        ].join(', ')}`,
        evidence: [
          ...hard.map(r => r.evidence),
          ...refs.filter(r => !hard.includes(r)).map(r => r.evidence),
        ],
        remediation: fromEnvRemediation(hard),
      };
    }
    const fromConfig = refs.filter(r => r.origin !== 'source' || r.overridden);
    // What is deployed says where the service runs; env files only when nothing is deployed.
    const deployed = fromConfig.some(r => r.origin === 'deploy')
      ? fromConfig.filter(r => r.origin === 'deploy')
      : fromConfig;
    if (fromConfig.length || running.length) {
      const where = [
        ...new Set([
          ...deployed
            .filter(r => r.host)
            .map(
              r => `${r.host} (${whereIs(r.host!, r.set, MANAGED_DB_HOST)})`,
            ),
          ...running.map(s => `${s.kind} ${s.name}`),
        ]),
      ];
      const keys = [
        ...new Set(
          deployed.map(
            r =>
              `${r.key} from ${r.via.replace(
                /^env of .*/,
                'the workload env',
              )}`,
          ),
        ),
      ];
      return {
        verdict: 'pass',
        summary: `The database is reached through ${
          keys.length ? keys.slice(0, 3).join(', ') : 'its own workload'
        } and runs outside the app's pods${
          where.length ? `: ${where.slice(0, 3).join(', ')}` : ''
        }`,
        evidence: capEvidence([
          ...running.map(s =>
            setEvidence(s.set, s.source, 'database workload'),
          ),
          ...fromConfig.map(r => r.evidence),
        ]),
      };
    }
    return {
      verdict: 'unknown',
      summary: `A database driver is used but no database address was found`,
      reason: `The service depends on ${caps.join(', ')} (${plural(
        caps.length,
        'capability',
        'capabilities',
      )}) but neither its deploy configuration, env files nor code name a database address or database workload.`,
      evidence: capabilityEvidence(model, [...caps]),
    };
  },
};
