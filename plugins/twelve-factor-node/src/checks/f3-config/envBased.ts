import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import {
  getConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import { capEvidence, fileEvidence, plural } from '../evidence';

/** A settings layer that reads the environment, per language. */
const SETTINGS_SNIPPET: Record<
  Language,
  {
    language: 'python' | 'typescript' | 'go' | 'java' | 'text';
    path: string;
    content: string;
  }
> = {
  python: {
    language: 'python',
    path: 'config.py',
    content:
      'from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    # Read from the environment (DATABASE_URL, LOG_LEVEL, ...); no defaults for environment-specific values.\n    DATABASE_URL: str\n    LOG_LEVEL: str = "INFO"\n\n\nsettings = Settings()\n',
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
    content:
      '// The default builder reads appsettings.json, then environment variables (ConnectionStrings__Db, Logging__LogLevel__Default)\nvar builder = WebApplication.CreateBuilder(args);\nbuilder.Services.Configure<DbOptions>(builder.Configuration.GetSection("Db"));\n',
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
    const baked = scan.files.filter(
      f =>
        f.role === 'app-config' &&
        !LOGGING_CONFIG.test(f.path) &&
        !f.local &&
        f.environment !== 'test' &&
        f.settings,
    );
    const literal = baked.reduce((n, f) => n + f.settings!.literal, 0);
    const placeholders = baked.reduce((n, f) => n + f.settings!.placeholder, 0);
    const fileReads = code.signals['config.file-read'] ?? [];
    const bakedEvidence = baked.map(f =>
      fileEvidence(
        f.path,
        `${f.settings!.literal} literal settings, ${
          f.settings!.placeholder
        } from \${…} placeholders`,
      ),
    );
    if (code.files === 0 && baked.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No source code or settings files',
        reason:
          'The repository has no source code in a supported language (Python, JavaScript/TypeScript, Go, Java, C#) and no settings files.',
      };
    }
    const envEvidence = capEvidence(
      envReads.map(s => fileEvidence(s.path, s.description, s.line, s.line)),
      5,
    );
    if (literal >= 3 && literal > placeholders + envReads.length) {
      const content = placeholderSnippet(
        scan,
        baked.map(f => f.path),
      );
      return {
        verdict: 'partial',
        summary: `Configuration is mostly read from files baked into the image: ${literal} literal settings in ${baked
          .map(f => f.path)
          .join(', ')}, ${plural(
          placeholders + envReads.length,
          'value',
        )} from the environment`,
        evidence: [...bakedEvidence, ...envEvidence],
        remediation: {
          text: 'Keep defaults in the settings file but take every environment-specific value from an environment variable (${VAR} placeholders, or relaxed binding such as SPRING_DATASOURCE_URL), set per environment by the deployment.',
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
      const how = [...new Set(envReads.map(s => s.description))];
      return {
        verdict: 'pass',
        summary: `Configuration is read from the environment (${[
          ...how,
          ...libraries.map(l => l.dependency),
          ...(placeholders ? [`${placeholders} \${…} placeholders`] : []),
        ].join(', ')})`,
        evidence: [
          ...envEvidence,
          ...libraries.map(l =>
            fileEvidence(
              l.path,
              `settings library ${l.dependency}`,
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
      text: 'Read configuration from environment variables through one settings module, so that each deploy sets its own values without a rebuild.',
      snippet: {
        language: snippet.language,
        path: snippet.path,
        action: 'create' as const,
        content: snippet.content,
      },
    };
    if (fileReads.length || baked.length) {
      return {
        verdict: 'partial',
        summary:
          'Configuration is read from files baked into the image; nothing reads the environment',
        evidence: [
          ...bakedEvidence,
          ...fileReads.map(s =>
            fileEvidence(s.path, s.description, s.line, s.line),
          ),
        ],
        remediation,
      };
    }
    return {
      verdict: 'fail',
      summary: `No environment-driven configuration found in ${plural(
        code.files,
        'source file',
      )}`,
      evidence: [],
      remediation,
    };
  },
};
