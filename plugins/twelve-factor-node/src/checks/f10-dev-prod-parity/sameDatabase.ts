import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { toYaml } from '../snippets';
import {
  developmentSources,
  environmentSources,
  productionSources,
  type EnvSource,
} from './environments';

const LOCAL_IMAGE: Record<
  string,
  { image: string; port: number; env: (db: string) => Record<string, string> }
> = {
  postgresql: {
    image: 'postgres:16',
    port: 5432,
    env: db => ({
      POSTGRES_DB: db,
      POSTGRES_USER: db,
      POSTGRES_PASSWORD: `${db}-local`,
    }),
  },
  mysql: {
    image: 'mysql:8.4',
    port: 3306,
    env: db => ({
      MYSQL_DATABASE: db,
      MYSQL_USER: db,
      MYSQL_PASSWORD: `${db}-local`,
      MYSQL_ROOT_PASSWORD: `${db}-local-root`,
    }),
  },
  mongodb: {
    image: 'mongo:7',
    port: 27017,
    env: db => ({ MONGO_INITDB_DATABASE: db }),
  },
  sqlserver: {
    image: 'mcr.microsoft.com/mssql/server:2022-latest',
    port: 1433,
    env: () => ({ ACCEPT_EULA: 'Y', MSSQL_SA_PASSWORD: 'Local-dev-1' }),
  },
};

function engines(sources: ReadonlyArray<EnvSource>): string[] {
  return [...new Set(sources.flatMap(s => [...s.databases.keys()]))].sort();
}

function evidenceOf(
  sources: ReadonlyArray<EnvSource>,
  role: string,
): Evidence[] {
  return sources.flatMap(s =>
    [...s.databases].map(([engine, ev]) => ({
      ...ev,
      note: `${role} (${s.env}): ${engine}; ${ev.note ?? ''}`.trim(),
    })),
  );
}

export const sameDatabase: TwelveFactorCheck = {
  id: 'f10-dev-prod-parity.same-database',
  evaluate({ facts }) {
    const sources = environmentSources(facts);
    const prod = productionSources(sources).filter(s => s.databases.size);
    const dev = developmentSources(sources).filter(s => s.databases.size);
    if (prod.length === 0 || dev.length === 0) {
      const seen = engines(sources.filter(s => s.databases.size));
      return {
        verdict: 'unknown',
        summary: seen.length
          ? `No ${
              prod.length ? 'local/dev' : 'production'
            } database configuration to compare with (${seen.join(
              ', ',
            )} elsewhere)`
          : 'No database configuration found in any environment',
        reason: seen.length
          ? `A database (${seen.join(', ')}) is configured, but no ${
              prod.length ? 'local or dev' : 'production'
            } configuration names one, so the engines cannot be compared.`
          : 'No deploy target, compose file, .env file or configuration profile names a database; the service may have none.',
        evidence: capEvidence(
          evidenceOf(
            sources.filter(s => s.databases.size),
            'database',
          ),
        ),
      };
    }
    const prodEngines = engines(prod);
    const evidence = capEvidence([
      ...evidenceOf(dev, 'dev'),
      ...evidenceOf(prod, 'production'),
    ]);
    // A local set-up that runs production's engine gives parity, whatever alternative it runs beside it.
    const differing = dev.filter(
      s => ![...s.databases.keys()].some(e => prodEngines.includes(e)),
    );
    if (differing.length === 0) {
      return {
        verdict: 'pass',
        summary: `${prodEngines.join(', ')} in development (${dev
          .map(s => s.label)
          .join(', ')}) and production (${prod.map(s => s.label).join(', ')})`,
        evidence,
      };
    }
    const engine = prodEngines[0];
    const local = LOCAL_IMAGE[engine];
    const dbName =
      /\(database ([\w-]+)\)|:\d+\/([A-Za-z_][\w-]*)/.exec(
        evidenceOf(prod, '')
          .map(e => e.note)
          .join(' '),
      ) ?? [];
    const db = dbName[1] ?? dbName[2] ?? 'app';
    const springFile = differing.find(s => /\.properties$/.test(s.label));
    let content: string | undefined;
    if (springFile)
      content = `# ${
        springFile.label
      }\nspring.datasource.url=jdbc:${engine}://localhost:${
        local?.port ?? 5432
      }/${db}\n`;
    else if (local)
      content = toYaml({
        services: {
          [engine === 'postgresql' ? 'postgres' : engine]: {
            image: local.image,
            environment: local.env(db),
            ports: [`${local.port}:${local.port}`],
          },
        },
      });
    return {
      verdict: 'fail',
      summary: `${differing
        .map(
          s =>
            `${s.label} uses ${[...s.databases.keys()]
              .filter(e => !prodEngines.includes(e))
              .join(', ')}`,
        )
        .join('; ')} while production uses ${prodEngines.join(', ')}`,
      evidence,
      remediation: {
        text: `Develop against ${engine} too: run it locally in a container (docker compose or Testcontainers) instead of ${engines(
          differing,
        )
          .filter(e => !prodEngines.includes(e))
          .join(
            ', ',
          )}, so that SQL dialect, types and migrations behave as in production.`,
        ...(content
          ? {
              snippet: {
                language: springFile ? ('text' as const) : ('yaml' as const),
                action: 'modify' as const,
                ...(springFile ? { path: springFile.label } : {}),
                content,
              },
            }
          : {}),
      },
    };
  },
};
