import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { distinct, findingWith, inner, type Said } from '../f3-config/said';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
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
        ...finding('f4-backing-services.external-db.none'),
        ...because('f4-backing-services.external-db.none-reason'),
      };
    }
    if (embedded.length) {
      const e = embedded[0];
      return {
        verdict: 'fail',
        ...findingWith('f4-backing-services.external-db.embedded', undefined, {
          containers: inner(
            embedded.map(x => [
              'f4-backing-services.image-in',
              { image: x.image, workload: `${x.w.kind} ${x.w.name}` },
            ]),
            ', ',
          ),
        }),
        evidence: embedded.map(x =>
          objectEvidence(
            x.set,
            x.w.source,
            noted('f4-backing-services.external-db.embedded-note', {
              image: x.image,
            }),
            `${x.w.podSpecPath}.containers`,
          ),
        ),
        remediation: {
          ...advice('f4-backing-services.external-db.embedded-advice'),
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
        ...finding('f4-backing-services.external-db.sqlite'),
        evidence: [
          ...refs.map(r => r.evidence),
          ...capabilityEvidence(model, ['db-sqlite']),
        ],
        remediation: advice('f4-backing-services.external-db.sqlite-advice'),
      };
    }
    const hard = hardCoded(refs);
    if (hard.length) {
      return {
        verdict: 'partial',
        // A hard-coded address is a literal of a file: its `via` is path:line.
        ...finding('f4-backing-services.external-db.hard-coded', {
          addresses: hard.map(describeRef).join(', '),
          files: [...new Set(hard.map(r => r.via.replace(/:\d+$/, '')))].join(
            ', ',
          ),
        }),
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
      const where = distinct([
        ...deployed
          .filter(r => r.host)
          .map(r => whereIs(r.host!, r.set, MANAGED_DB_HOST)),
        ...running.map(s => `${s.kind} ${s.name}`),
      ]);
      // "KEY from …": a workload's env is said as "the workload env".
      const keys = distinct(
        deployed.map((r): Said => {
          const key = `${r.key}`;
          if (r.viaWorkload?.how === 'env')
            return ['f4-backing-services.external-db.key-from-env', { key }];
          if (r.viaWorkload)
            return [
              'f4-backing-services.external-db.key-from-command-line',
              { key, workload: r.viaWorkload.workload },
            ];
          return [
            'f4-backing-services.external-db.key-from',
            { key, via: r.via },
          ];
        }),
      );
      const phrases = {
        ...(keys.length ? { keys: inner(keys.slice(0, 3), ', ') } : {}),
        ...(where.length ? { where: inner(where.slice(0, 3), ', ') } : {}),
      };
      return {
        verdict: 'pass',
        // f4-backing-services.external-db.reached[-own][-where]
        ...findingWith(
          `f4-backing-services.external-db.reached${keys.length ? '' : '-own'}${
            where.length ? '-where' : ''
          }`,
          undefined,
          phrases,
        ),
        evidence: capEvidence([
          ...running.map(s =>
            objectEvidence(
              s.set,
              s.source,
              noted('f4-backing-services.external-db.workload-note'),
            ),
          ),
          ...fromConfig.map(r => r.evidence),
        ]),
      };
    }
    return {
      verdict: 'unknown',
      ...finding('f4-backing-services.external-db.no-address'),
      ...because('f4-backing-services.external-db.no-address-reason', {
        capabilities: caps.join(', '),
        n: caps.length,
      }),
      evidence: capabilityEvidence(model, [...caps]),
    };
  },
};
