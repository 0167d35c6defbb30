import type {
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { snippetComment, toYaml } from '../snippets';
import { advice, because, english, finding } from '../messages';
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

const M = 'f10-dev-prod-parity.same-database';

function engines(sources: ReadonlyArray<EnvSource>): string[] {
  return [...new Set(sources.flatMap(s => [...s.databases.keys()]))].sort();
}

/**
 * The sources' database evidence, its note saying what it is for: `role`
 * names the message (`<role>-note`, with the note it extends as its own
 * message); a note without a message stays English only.
 */
function evidenceOf(
  sources: ReadonlyArray<EnvSource>,
  role: 'database' | 'dev' | 'production' | '',
): Evidence[] {
  return sources.flatMap(s =>
    [...s.databases].map(([engine, ev]) => {
      const { noteMsg, ...plain } = ev;
      return {
        ...plain,
        note: `${role} (${s.env}): ${engine}; ${ev.note ?? ''}`.trim(),
        ...(noteMsg && role
          ? {
              noteMsg: {
                id: `${M}.${role}-note`,
                params: { env: s.env, engine, note: noteMsg },
              },
            }
          : {}),
      };
    }),
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
      // `no-dev` or `no-production` when a database is configured elsewhere, else `none`.
      const id = seen.length
        ? `${M}.no-${prod.length ? 'dev' : 'production'}`
        : `${M}.none`;
      const params = seen.length ? { engines: seen.join(', ') } : undefined;
      return {
        verdict: 'unknown',
        ...finding(id, params),
        ...because(`${id}-reason`, params),
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
        ...finding(`${M}.same`, {
          engines: prodEngines.join(', '),
          dev: dev.map(s => s.label).join(', '),
          production: prod.map(s => s.label).join(', '),
        }),
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
    const fileComment =
      springFile &&
      snippetComment('#', 'snippet.file', { path: springFile.label });
    if (fileComment)
      content = `${
        fileComment.text
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
    // "a uses x; b uses y while production uses z": the last source says what production uses.
    const parts: MessagePart[] = differing.map((s, i) => {
      const params = {
        source: s.label,
        engines: [...s.databases.keys()]
          .filter(e => !prodEngines.includes(e))
          .join(', '),
      };
      return i < differing.length - 1
        ? { id: `${M}.uses`, params }
        : {
            id: `${M}.uses-while`,
            params: { ...params, production: prodEngines.join(', ') },
          };
    });
    return {
      verdict: 'fail',
      summary: parts.map(p => english(p.id, p.params)).join('; '),
      summaryMsg: parts,
      evidence,
      remediation: {
        ...advice(`${M}.develop-advice`, {
          engine,
          others: engines(differing)
            .filter(e => !prodEngines.includes(e))
            .join(', '),
        }),
        ...(content
          ? {
              snippet: {
                language: springFile ? ('text' as const) : ('yaml' as const),
                action: 'modify' as const,
                ...(springFile ? { path: springFile.label } : {}),
                content,
                ...(fileComment ? { comments: [fileComment] } : {}),
              },
            }
          : {}),
      },
    };
  },
};
