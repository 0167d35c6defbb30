import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import {
  getConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import { objectSets } from '../../facts/objectSets';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { codeWhat } from '../codeNotes';
import { appWorkloads, configMapsOf, envOf } from './pods';
import { findingWith, inner, type Said } from './said';
import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import { snippetComment } from '../snippets';

const PYDANTIC_ENV = snippetComment('#', 'snippet.pydantic-env');
const DOTNET_BUILDER = snippetComment('//', 'snippet.dotnet-builder');

/** A settings layer that reads the environment, per language. */
const SETTINGS_SNIPPET: Record<
  Language,
  {
    language: 'python' | 'typescript' | 'go' | 'java' | 'text';
    path: string;
    content: string;
    comments?: RemediationSnippet['comments'];
  }
> = {
  python: {
    language: 'python',
    path: 'config.py',
    content: `from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    ${PYDANTIC_ENV.text}\n    DATABASE_URL: str\n    LOG_LEVEL: str = "INFO"\n\n\nsettings = Settings()\n`,
    comments: [PYDANTIC_ENV],
  },
  javascript: {
    language: 'typescript',
    path: 'src/config.ts',
    content:
      "function required(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(`missing environment variable ${name}`);\n  return value;\n}\n\nexport const config = {\n  databaseUrl: required('DATABASE_URL'),\n  logLevel: process.env.LOG_LEVEL ?? 'info',\n};\n",
  },
  go: {
    language: 'go',
    path: 'internal/config/config.go',
    content:
      'type Config struct {\n\tDatabaseURL string `envconfig:"DATABASE_URL" required:"true"`\n\tLogLevel    string `envconfig:"LOG_LEVEL" default:"info"`\n}\n\nfunc Load() (Config, error) {\n\tvar c Config\n\treturn c, envconfig.Process("", &c)\n}\n',
  },
  csharp: {
    language: 'text',
    path: 'Program.cs',
    comments: [DOTNET_BUILDER],
    content:
      `${DOTNET_BUILDER.text}\n` +
      'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.Configure<DbOptions>(builder.Configuration.GetSection("Db"));\n',
  },
  java: {
    language: 'java',
    path: 'src/main/resources/application.properties',
    content:
      'spring.datasource.url=${DATABASE_URL}\nlogging.level.root=${LOG_LEVEL:INFO}\n',
  },
};

/** Logging configuration (handlers, formats): the same in every environment, not settings to take from it. */
const LOGGING_CONFIG =
  /(^|\/)(logging|log4j2?|logback|log)([.-][\w.-]*)?\.(conf|ini|cfg|properties|ya?ml|json|toml)$/i;

/** Spring Boot's configuration files, which it reads from ./config/ of the working directory (/workspace with buildpacks) or /config. */
const SPRING_CONFIG_FILE =
  /^(application|bootstrap)(-[\w-]+)?\.(properties|ya?ml)$/;
/** Environment variables and arguments that point Spring Boot at more configuration (a file, a folder, a configtree). */
const SPRING_CONFIG_ENV =
  /^SPRING_CONFIG_(LOCATION|ADDITIONAL_LOCATION|IMPORT)$/;
const SPRING_CONFIG_ARG =
  /--spring\.config\.(?:additional-)?(?:location|import)=(\S+)/g;
/** Where a classpath resource lives: inside the jar, baked into the image. */
const CLASSPATH_RESOURCE = /(^|\/)src\/(main|test)\/resources\//;

/** A ConfigMap mounted where the application reads configuration files. */
interface MountedConfig {
  evidence: Evidence;
  configMap: string;
  mountPath: string;
  /** Its keys (the files it holds); empty when the ConfigMap is not among the objects. */
  keys: string[];
  /** The kustomization that generated it (configMapGenerator), if one did. */
  generatedBy?: string;
}

/**
 * ConfigMaps that the workloads mount as Spring Boot configuration: a
 * ConfigMap holding application*.yml or .properties mounted in a `config`
 * folder (/workspace/config, /config, /app/config), or any ConfigMap mounted
 * where SPRING_CONFIG_LOCATION, SPRING_CONFIG_ADDITIONAL_LOCATION or
 * SPRING_CONFIG_IMPORT (or the same --spring.config.* argument) points.
 * Such files are configuration of the deployment, not of the image. A
 * ConfigMap that is not among the objects counts by its mount alone, in a
 * `config` folder of a Java service or where a Spring config location points.
 */
function mountedConfigFiles(facts: FactReader, java: boolean): MountedConfig[] {
  let sets;
  try {
    sets = objectSets(facts);
  } catch (e) {
    if (e instanceof UnknownVerdictError) return [];
    throw e;
  }
  const out: MountedConfig[] = [];
  for (const set of sets) {
    const configMaps = new Map(
      configMapsOf(set).map(o => [String(o.object.metadata?.name ?? ''), o]),
    );
    for (const w of appWorkloads(set)) {
      // Volume name → the ConfigMaps it projects, with the items they map.
      const volumes = new Map<
        string,
        Array<{ name: string; items?: Array<{ key: string; path: string }> }>
      >();
      for (const v of w.podSpec.volumes ?? []) {
        const sources = [
          v?.configMap,
          ...(v?.projected?.sources ?? []).map((x: any) => x?.configMap),
        ].filter((x: any) => x?.name);
        if (sources.length)
          volumes.set(
            String(v.name),
            sources.map((x: any) => ({
              name: String(x.name),
              ...(Array.isArray(x.items)
                ? {
                    items: x.items.map((i: any) => ({
                      key: String(i?.key),
                      path: String(i?.path),
                    })),
                  }
                : {}),
            })),
          );
      }
      if (!volumes.size) continue;
      w.containers.forEach(c => {
        if (c.init) return;
        const locations = envOf(c)
          .filter(
            e =>
              SPRING_CONFIG_ENV.test(String(e.name)) &&
              typeof e.value === 'string',
          )
          .map(e => String(e.value));
        for (const arg of [
          ...(c.container.command ?? []),
          ...(c.container.args ?? []),
        ])
          for (const m of String(arg).matchAll(SPRING_CONFIG_ARG))
            locations.push(m[1]);
        const mounts: any[] = Array.isArray(c.container.volumeMounts)
          ? c.container.volumeMounts
          : [];
        mounts.forEach((mount, index) => {
          const mountPath = String(mount?.mountPath ?? '').replace(/\/+$/, '');
          if (!mountPath) return;
          for (const source of volumes.get(String(mount?.name)) ?? []) {
            const cm = configMaps.get(source.name);
            const keys = Object.keys({
              ...(cm?.object.data ?? {}),
              ...(cm?.object.binaryData ?? {}),
            });
            // The paths the files get in the container.
            const files = mount.subPath
              ? [mountPath]
              : (source.items ?? keys.map(k => ({ key: k, path: k }))).map(
                  i => `${mountPath}/${i.path}`,
                );
            const named = locations.some(l => l.includes(mountPath));
            const springFolder = (p: string) =>
              /(^|\/)config$/.test(dirname(p));
            const read = named
              ? files
              : files.filter(
                  p => SPRING_CONFIG_FILE.test(basename(p)) && springFolder(p),
                );
            // A ConfigMap that is not among the objects: a Spring config location tells what it is for.
            const unseen =
              cm === undefined &&
              (named || (java && /(^|\/)config$/.test(mountPath)));
            if (!read.length && !unseen) continue;
            const origin =
              cm && 'path' in cm.origin ? cm.origin.path : undefined;
            const params: Record<string, string> = {
              configMap: source.name,
              path: mountPath,
            };
            if (read.length) params.files = read.map(basename).join(', ');
            out.push({
              evidence: objectEvidence(
                set,
                w.source,
                noted(
                  `f3-config.env-based.mounts${read.length ? '-files' : ''}${
                    named ? '-named' : ''
                  }-note`,
                  params,
                ),
                `${c.fieldPath}.volumeMounts[${index}]`,
              ),
              configMap: source.name,
              mountPath,
              keys,
              ...(origin &&
              /(^|\/)kustomization\.ya?ml$|(^|\/)Kustomization$/i.test(origin)
                ? { generatedBy: origin }
                : {}),
            });
          }
        });
      });
    }
  }
  return out;
}

/** A settings file of the repository that a kustomization turns into one of the mounted ConfigMaps. */
function isMountedSource(path: string, mounted: MountedConfig[]): boolean {
  return mounted.some(
    m =>
      m.generatedBy !== undefined &&
      m.keys.includes(basename(path)) &&
      !CLASSPATH_RESOURCE.test(path),
  );
}

/** Settings of baked files rewritten as ${ENV} placeholders, from the addresses they hold. */
function placeholderSnippet(
  scan: ConfigLiteralsFact,
  paths: string[],
): string | undefined {
  const keys = [
    ...new Set(
      scan.literals
        .filter(l => paths.includes(l.path) && l.key)
        .map(l => l.key!),
    ),
  ];
  if (!keys.length) return undefined;
  return `${keys
    .map(k => `${k}=\${${k.toUpperCase().replace(/[.-]/g, '_')}}`)
    .join('\n')}\n`;
}

export const envBased: TwelveFactorCheck = {
  id: 'f3-config.env-based',
  evaluate({ facts }) {
    const code = facts.get(codeFactRef);
    const scan = getConfigLiterals(facts);
    // Spring's @Value("${x}") reads the property files first; it is not evidence of the environment.
    const envReads = [
      ...(code.signals['config.settings-class'] ?? []),
      ...(code.signals['config.env-read'] ?? []),
    ].filter(s => !/@Value\(/.test(s.text));
    const libraries = code.capabilities.settings ?? [];
    const mounted = mountedConfigFiles(facts, code.languages.includes('java'));
    const settingsFiles = scan.files.filter(
      f =>
        f.role === 'app-config' &&
        !LOGGING_CONFIG.test(f.path) &&
        !f.local &&
        f.environment !== 'test' &&
        f.settings,
    );
    // Files a kustomization mounts from a ConfigMap are the deployment's configuration, not the image's.
    const baked = settingsFiles.filter(f => !isMountedSource(f.path, mounted));
    const fromConfigMap = settingsFiles.filter(f =>
      isMountedSource(f.path, mounted),
    );
    const literal = baked.reduce((n, f) => n + f.settings!.literal, 0);
    const placeholders = baked.reduce((n, f) => n + f.settings!.placeholder, 0);
    const fileReads = code.signals['config.file-read'] ?? [];
    const bakedEvidence = baked.map(f =>
      fileEvidence(
        f.path,
        noted('f3-config.env-based.baked-note', {
          literal: f.settings!.literal,
          placeholder: f.settings!.placeholder,
        }),
      ),
    );
    if (code.files === 0 && baked.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f3-config.env-based.no-code'),
        ...because('f3-config.env-based.no-code-reason'),
      };
    }
    const envEvidence = capEvidence(
      envReads.map(s => fileEvidence(s.path, codeWhat(s), s.line, s.line)),
      5,
    );
    // Configuration files mounted from a ConfigMap override what the image bakes in, per deployment.
    if (mounted.length) {
      // Each ConfigMap and mount path once, as the English has always said them.
      const names = new Map<string, Said>();
      for (const m of mounted)
        names.set(`${m.configMap} at ${m.mountPath}`, [
          'f3-config.env-based.configmap-at',
          { configMap: m.configMap, path: m.mountPath },
        ]);
      const params: Record<string, string> = {};
      if (fromConfigMap.length)
        params.sources = fromConfigMap.map(f => f.path).join(', ');
      if (baked.length) params.baked = baked.map(f => f.path).join(', ');
      return {
        verdict: 'pass',
        ...findingWith(
          `f3-config.env-based.mounted${fromConfigMap.length ? '-from' : ''}${
            baked.length ? '-overriding' : ''
          }`,
          params,
          { configMaps: inner([...names.values()], ', ') },
        ),
        evidence: [
          ...capEvidence(mounted.map(m => m.evidence)),
          ...fromConfigMap.map(f =>
            fileEvidence(
              f.path,
              noted('f3-config.env-based.mounted-source-note'),
            ),
          ),
          ...baked.map(f =>
            fileEvidence(
              f.path,
              noted('f3-config.env-based.overridden-note', {
                n: f.settings!.literal,
              }),
            ),
          ),
          ...envEvidence,
        ],
      };
    }
    if (literal >= 3 && literal > placeholders + envReads.length) {
      const content = placeholderSnippet(
        scan,
        baked.map(f => f.path),
      );
      return {
        verdict: 'partial',
        ...finding('f3-config.env-based.mostly-baked', {
          literal,
          files: baked.map(f => f.path).join(', '),
          n: placeholders + envReads.length,
        }),
        evidence: [...bakedEvidence, ...envEvidence],
        remediation: {
          ...advice('f3-config.env-based.placeholders-advice'),
          ...(content
            ? {
                snippet: {
                  language: 'text' as const,
                  path: baked[0].path,
                  action: 'modify' as const,
                  content,
                },
              }
            : {}),
        },
      };
    }
    if (envReads.length || placeholders || libraries.length) {
      // What the code-pattern table found (its descriptions' messages), each once.
      const how: Said[] = [
        ...new Map(
          envReads.map(s => [
            s.descriptionMsg.id,
            [s.descriptionMsg.id] as const,
          ]),
        ).values(),
        ...libraries.map(l => l.dependency),
        ...(placeholders
          ? [['f3-config.env-based.placeholders', { n: placeholders }] as const]
          : []),
      ];
      return {
        verdict: 'pass',
        ...findingWith('f3-config.env-based.from-env', undefined, {
          how: inner(how, ', '),
        }),
        evidence: [
          ...envEvidence,
          ...libraries.map(l =>
            fileEvidence(
              l.path,
              noted('f3-config.env-based.library-note', {
                dependency: l.dependency,
              }),
              l.line,
              l.line,
            ),
          ),
          ...(placeholders ? bakedEvidence : []),
        ],
      };
    }
    const snippet = SETTINGS_SNIPPET[code.languages[0] ?? 'python'];
    const remediation = {
      ...advice('f3-config.env-based.settings-advice'),
      snippet: {
        language: snippet.language,
        path: snippet.path,
        action: 'create' as const,
        content: snippet.content,
        ...(snippet.comments ? { comments: snippet.comments } : {}),
      },
    };
    if (fileReads.length || baked.length) {
      return {
        verdict: 'partial',
        ...finding('f3-config.env-based.baked'),
        evidence: [
          ...bakedEvidence,
          ...fileReads.map(s =>
            fileEvidence(s.path, codeWhat(s), s.line, s.line),
          ),
        ],
        remediation,
      };
    }
    return {
      verdict: 'fail',
      ...finding('f3-config.env-based.none', { n: code.files }),
      evidence: [],
      remediation,
    };
  },
};
