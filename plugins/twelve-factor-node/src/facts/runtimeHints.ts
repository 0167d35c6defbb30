import {
  renderMessage,
  type EngineMessage,
} from '@internal/plugin-twelve-factor-common';
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { languageOf, type Language } from './code/patterns';
import { splitLines } from './splitLines';
import { requireCodeRepo } from './repo';
import { dependenciesFactRef } from './dependencies/extractor';
import { QUEUE_CONSUMERS, type ConsumerPattern } from './queueConsumers';

/**
 * What the shared code tables do not cover yet but the process and
 * dev/prod-parity checks need: timers that run jobs inside a long-running
 * process, and the database each configuration profile points at.
 */

/** A place in a file. @public */
export interface HintMatch {
  path: string;
  line: number;
  /** The matching line, trimmed. */
  text: string;
  /** What was found, in English: the English of `descriptionMsg`. */
  description: string;
  /** What was found, as a message (`code-hint.*`), for notes in every language. */
  descriptionMsg: EngineMessage;
}

/** A hint's description, as a message and its English. */
function described(
  id: string,
  params?: EngineMessage['params'],
): Pick<HintMatch, 'description' | 'descriptionMsg'> {
  const descriptionMsg: EngineMessage = params ? { id, params } : { id };
  return {
    description: renderMessage(descriptionMsg, 'en') ?? id,
    descriptionMsg,
  };
}

/** A database URL (or adapter) in a configuration file. @public */
export interface DatabaseHint extends HintMatch {
  /** `postgresql`, `mysql`, `sqlite`, `h2`, `mongodb`, `sqlserver`, `oracle`. */
  engine: string;
  /** The profile or environment the file belongs to (`local`, `prod`); absent for the default profile. */
  environment?: string;
}

/** A queue consumer or task definition in the code (facts/queueConsumers.ts). @public */
export interface ConsumerHint extends HintMatch {
  /** The framework's row, `code-hint.consumer.<key>`. */
  key: string;
  /** `runs`: consumes in whatever process loads it; `defines`: work that a worker command runs. */
  kind: ConsumerPattern['kind'];
}

/** @public */
export interface RuntimeHintsFact {
  /** In-process schedulers (Spring @Scheduled, APScheduler, node-cron, robfig/cron…). */
  schedulers: HintMatch[];
  /** Queue consumers and task definitions (BullMQ Worker, @KafkaListener, Celery tasks…). */
  consumers: ConsumerHint[];
  /** Database engines named by configuration files, per profile. */
  databases: DatabaseHint[];
}

/** @public */
export const runtimeHintsFactRef = createFactRef<RuntimeHintsFact>({
  id: 'repo.runtime-hints',
});

/** In-process schedulers by language; `key` names the description (`code-hint.scheduler.<key>`). */
const SCHEDULERS: Partial<
  Record<Language, Array<{ re: RegExp; key: string }>>
> = {
  java: [
    {
      re: /@Scheduled\s*\(|StdSchedulerFactory|\.scheduleAtFixedRate\(/,
      key: 'spring',
    },
  ],
  python: [
    {
      re: /\b(BackgroundScheduler|AsyncIOScheduler|BlockingScheduler)\s*\(|\bschedule\.every\(|@repeat_every\b|@aiocron\.crontab/,
      key: 'python',
    },
  ],
  javascript: [
    {
      re: /\bcron\.schedule\(|new\s+CronJob\(|\bscheduleJob\(|@Cron\(|@Interval\(/,
      key: 'javascript',
    },
  ],
  go: [
    {
      re: /\bcron\.New\(|\bgocron\.New(Scheduler)?\(/,
      key: 'go',
    },
  ],
};

/** The consumer rows with their lines as multiline patterns, for the whole-file test. */
const CONSUMERS = new Map(
  Object.entries(QUEUE_CONSUMERS).map(([lang, rows]) => [
    lang as Language,
    rows!.map(row => ({
      row,
      anywhere: new RegExp(row.line.source, `${row.line.flags}m`),
    })),
  ]),
);

/**
 * Tests and fixtures say nothing about how the app runs. Unlike a plain
 * `examples?/` segment this keeps Java packages such as `com/example/`.
 */
const NOT_APP_CODE =
  /(^|\/)(tests?|__tests__|spec|specs|fixtures|testdata|e2e|src\/test)\/|^(examples?|docs?)\/|(_test\.go|\.test\.[jt]sx?|\.spec\.[jt]sx?|_test\.py|test_[^/]*\.py)$|(^|\/)(tests|conftest)\.py$/;

const ENGINES: Array<[RegExp, string]> = [
  [
    /\bjdbc:(postgresql|pgsql)\b|\bpostgres(ql)?(\+\w+)?:\/\/|django\.db\.backends\.postgresql|\badapter:\s*(postgresql|postgis)\b/i,
    'postgresql',
  ],
  [
    /\bjdbc:(mysql|mariadb)\b|\b(mysql|mariadb)(\+\w+)?:\/\/|django\.db\.backends\.mysql|\badapter:\s*(mysql2|trilogy)\b/i,
    'mysql',
  ],
  [/\bjdbc:h2:/i, 'h2'],
  [
    /\bjdbc:sqlite:|\bsqlite(\+\w+)?:\/\/|django\.db\.backends\.sqlite3|\badapter:\s*sqlite3\b|\bfile::memory:/i,
    'sqlite',
  ],
  [/\bjdbc:(hsqldb|derby):/i, 'hsqldb'],
  [/\bmongodb(\+srv)?:\/\//i, 'mongodb'],
  [/\bjdbc:sqlserver:|\b(mssql|sqlserver)(\+\w+)?:\/\//i, 'sqlserver'],
  [/\bjdbc:oracle:|\boracle(\+\w+)?:\/\//i, 'oracle'],
];

/** The database engine a URL, JDBC string or adapter line names. @public */
export function databaseEngineOf(text: string): string | undefined {
  for (const [re, engine] of ENGINES) if (re.test(text)) return engine;
  return undefined;
}

/** Configuration files with a profile in their name, and where that profile is. */
function configProfile(path: string): { environment?: string } | undefined {
  if (NOT_APP_CODE.test(path)) return undefined;
  const spring =
    /(^|\/)(application|bootstrap)(?:-([\w]+))?\.(properties|ya?ml)$/.exec(
      path,
    );
  if (spring) return spring[3] ? { environment: spring[3] } : {};
  const byName =
    /(^|\/)(config|settings)\/(default|base|local|dev|development|test|qa|uat|stage|staging|preprod|prod|production|live)\.(json|ya?ml|toml|py)$/.exec(
      path,
    );
  if (byName)
    return ['default', 'base'].includes(byName[3])
      ? {}
      : { environment: byName[3] };
  if (/(^|\/)settings\.py$/.test(path)) return {};
  return undefined;
}

/** Rails `config/database.yml`: one adapter per top-level environment key. */
function railsDatabases(path: string, text: string): DatabaseHint[] {
  const out: DatabaseHint[] = [];
  let env: string | undefined;
  splitLines(text).forEach((raw, i) => {
    const top = /^([A-Za-z][\w-]*):/.exec(raw);
    if (top) env = top[1];
    const engine = /^\s+(adapter|url):/.test(raw)
      ? databaseEngineOf(raw)
      : undefined;
    if (engine && env && env !== 'default')
      out.push({
        path,
        line: i + 1,
        text: raw.trim(),
        engine,
        environment: env,
        ...described('code-hint.database-for', { env }),
      });
  });
  return out;
}

/** @public */
export const runtimeHintsExtractor: FactExtractor<RuntimeHintsFact> = {
  ref: runtimeHintsFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx);
    const schedulers: HintMatch[] = [];
    const consumers: ConsumerHint[] = [];
    const databases: DatabaseHint[] = [];
    const defaultProfiles: Array<{ path: string; text: string }> = [];
    for (const file of repo.find(
      p =>
        !NOT_APP_CODE.test(p) &&
        (languageOf(p) !== undefined ||
          configProfile(p) !== undefined ||
          /(^|\/)config\/database\.ya?ml$/.test(p)),
    )) {
      if (file.text === undefined) continue;
      if (/(^|\/)config\/database\.ya?ml$/.test(file.path)) {
        databases.push(...railsDatabases(file.path, file.text));
        continue;
      }
      const lang = languageOf(file.path);
      const profile = configProfile(file.path);
      if (
        profile &&
        !profile.environment &&
        /(^|\/)application\.(properties|ya?ml)$/.test(file.path)
      )
        defaultProfiles.push({ path: file.path, text: file.text });
      // Whole-file test first: most files have no scheduler, and only profiles need a line scan for URLs.
      const patterns = (lang ? SCHEDULERS[lang] ?? [] : []).filter(p =>
        p.re.test(file.text!),
      );
      const consuming = (lang ? CONSUMERS.get(lang) ?? [] : [])
        .filter(
          c =>
            (!c.row.file || c.row.file.test(file.text!)) &&
            c.anywhere.test(file.text!),
        )
        .map(c => c.row);
      if (patterns.length === 0 && consuming.length === 0 && !profile) continue;
      const lines = splitLines(file.text);
      lines.forEach((raw, i) => {
        for (const c of consuming)
          if (c.line.test(raw))
            consumers.push({
              path: file.path,
              line: i + 1,
              text: raw.trim().slice(0, 160),
              key: c.key,
              kind: c.kind,
              ...described(`code-hint.consumer.${c.key}`),
            });
        for (const p of patterns) {
          if (p.re.test(raw))
            schedulers.push({
              path: file.path,
              line: i + 1,
              text: raw.trim().slice(0, 160),
              ...described(`code-hint.scheduler.${p.key}`),
            });
        }
        if (profile && !/^\s*(#|\/\/)/.test(raw)) {
          const engine = databaseEngineOf(raw);
          if (engine) {
            databases.push({
              path: file.path,
              line: i + 1,
              text: raw
                .trim()
                .replace(/(:\/\/[^:/@\s]+:)[^@\s]+@/, '$1***@')
                .replace(/\b(password|pwd)=[^&;\s]+/gi, '$1=***')
                .slice(0, 160),
              engine,
              ...(profile.environment
                ? { environment: profile.environment }
                : {}),
              ...described('code-hint.database-of-profile', {
                profile: profile.environment ?? 'default',
              }),
            });
          }
        }
      });
    }
    const embedded = springEmbeddedDefault(ctx, defaultProfiles, databases);
    if (embedded) databases.push(embedded);
    return { schedulers, consumers, databases };
  },
};

/** Embedded engines Spring Boot starts when no datasource URL is set, by the dependency that brings them. */
const EMBEDDED_DATABASES: Record<string, string> = {
  'com.h2database:h2': 'h2',
  'org.hsqldb:hsqldb': 'hsqldb',
  'org.apache.derby:derby': 'derby',
};

/**
 * Spring Boot's default profile with no datasource URL runs on the embedded
 * database of the classpath (petclinic's in-memory H2): what `mvn
 * spring-boot:run` gives a developer. It counts as the local environment's
 * database; production names its own through a profile or the environment.
 */
function springEmbeddedDefault(
  ctx: Parameters<FactExtractor<RuntimeHintsFact>['extract']>[0],
  defaultProfiles: ReadonlyArray<{ path: string; text: string }>,
  databases: ReadonlyArray<DatabaseHint>,
): DatabaseHint | undefined {
  if (defaultProfiles.length === 0) return undefined;
  if (
    defaultProfiles.some(f =>
      /spring\.datasource\.url|\burl:\s*jdbc:/.test(f.text),
    )
  )
    return undefined;
  if (databases.some(d => !d.environment)) return undefined;
  for (const m of ctx.facts.tryGet(dependenciesFactRef)?.manifests ?? []) {
    if (m.ecosystem !== 'java') continue;
    for (const d of m.dependencies) {
      const engine = EMBEDDED_DATABASES[d.name];
      if (!engine || d.dev) continue;
      return {
        path: defaultProfiles[0].path,
        line: 1,
        text: `no spring.datasource.url; ${d.name} in ${m.path}`,
        engine,
        environment: 'local',
        ...described('code-hint.embedded-database', { engine }),
      };
    }
  }
  return undefined;
}
