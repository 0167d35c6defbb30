import { ancillaryFolderReason } from '../ancillary';
import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { requireCodeRepo } from '../repo';
import { parseGoMod } from './go';
import { parseCsproj, parseGradle, parsePomXml } from './jvm';
import { parsePackageJson } from './node';
import { parseCargoToml, parseComposerJson, parseGemfile } from './other';
import { parsePipfile, parsePyproject, parseRequirementsTxt } from './python';
import type { DeclaredDependency, DependenciesFact, Ecosystem } from './types';
import { errorDetail, said } from '../../engine/diagnostic';

/** The repository's dependency manifests, lock files and index configuration. @public */
export const dependenciesFactRef = createFactRef<DependenciesFact>({
  id: 'repo.dependencies',
});

type Parser = (text: string) => DeclaredDependency[];

const MANIFESTS: Array<{
  match: (name: string) => boolean;
  ecosystem: Ecosystem;
  parse: Parser;
}> = [
  {
    match: n => /^requirements[\w.-]*\.txt$/i.test(n),
    ecosystem: 'python',
    parse: parseRequirementsTxt,
  },
  {
    match: n => n === 'pyproject.toml',
    ecosystem: 'python',
    parse: parsePyproject,
  },
  { match: n => n === 'Pipfile', ecosystem: 'python', parse: parsePipfile },
  {
    match: n => n === 'package.json',
    ecosystem: 'node',
    parse: parsePackageJson,
  },
  { match: n => n === 'go.mod', ecosystem: 'go', parse: parseGoMod },
  { match: n => n === 'pom.xml', ecosystem: 'java', parse: parsePomXml },
  {
    match: n => /^build\.gradle(\.kts)?$/.test(n),
    ecosystem: 'java',
    parse: parseGradle,
  },
  {
    match: n => n.endsWith('.csproj'),
    ecosystem: 'dotnet',
    parse: parseCsproj,
  },
  { match: n => n === 'Cargo.toml', ecosystem: 'rust', parse: parseCargoToml },
  { match: n => n === 'Gemfile', ecosystem: 'ruby', parse: parseGemfile },
  {
    match: n => n === 'composer.json',
    ecosystem: 'php',
    parse: parseComposerJson,
  },
];

const LOCK_FILES: Record<string, Ecosystem> = {
  'poetry.lock': 'python',
  'uv.lock': 'python',
  'Pipfile.lock': 'python',
  'pdm.lock': 'python',
  'package-lock.json': 'node',
  'npm-shrinkwrap.json': 'node',
  'yarn.lock': 'node',
  'pnpm-lock.yaml': 'node',
  'bun.lockb': 'node',
  'bun.lock': 'node',
  'go.sum': 'go',
  'gradle.lockfile': 'java',
  'packages.lock.json': 'dotnet',
  'Cargo.lock': 'rust',
  'Gemfile.lock': 'ruby',
  'composer.lock': 'php',
};

const INDEX_CONFIGS: Array<{
  match: (name: string) => boolean;
  ecosystem: Ecosystem;
  url: RegExp;
}> = [
  {
    match: n => n === 'pip.conf' || n === 'pip.ini',
    ecosystem: 'python',
    url: /^\s*(?:extra-)?index-url\s*=\s*(\S+)/gm,
  },
  {
    match: n => n === '.npmrc',
    ecosystem: 'node',
    url: /registry\s*=\s*(\S+)/gm,
  },
  {
    match: n => n === '.yarnrc.yml' || n === '.yarnrc',
    ecosystem: 'node',
    url: /(?:npmRegistryServer|registry)["']?\s*[:=]?\s*["']?(https?:\/\/[^"'\s]+)/gm,
  },
  {
    match: n => n === 'settings.xml',
    ecosystem: 'java',
    url: /<url>([^<]+)<\/url>/gm,
  },
  {
    match: n => n.toLowerCase() === 'nuget.config',
    ecosystem: 'dotnet',
    url: /value="(https?:\/\/[^"]+)"/gm,
  },
  {
    match: n => n === 'config.toml' || n === 'config',
    ecosystem: 'rust',
    url: /^\s*(?:index|registry)\s*=\s*"([^"]+)"/gm,
  },
];

/** Dependency manifests that are fixtures of a test suite or vendored examples, not the app's own. */
/** Dependency manifests of tests, examples, docs tooling and vendored code are not the service's. */
function isNoise(path: string): boolean {
  return ancillaryFolderReason(path) !== undefined;
}

/** @public */
export const dependenciesExtractor: FactExtractor<DependenciesFact> = {
  ref: dependenciesFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx, { parents: true });
    const fact: DependenciesFact = {
      manifests: [],
      lockFiles: [],
      indexConfigs: [],
    };
    for (const file of repo.find(p => !isNoise(p))) {
      const name = basename(file.path);
      // A requirements/ folder holds one requirements file per environment (requirements/prod.txt).
      const manifest =
        MANIFESTS.find(m => m.match(name)) ??
        (/(^|\/)requirements\/[\w.-]+\.txt$/.test(file.path)
          ? MANIFESTS[0]
          : undefined);
      if (manifest && file.text !== undefined) {
        try {
          fact.manifests.push({
            ecosystem: manifest.ecosystem,
            path: file.path,
            dependencies: manifest.parse(file.text),
          });
        } catch (e) {
          ctx.report({
            level: 'warning',
            source: 'dependencies',
            path: file.path,
            ...said('diagnostic.dependencies.unparsable', {
              file: name,
              ...errorDetail(e),
            }),
          });
        }
      }
      const lock = LOCK_FILES[name];
      if (lock) fact.lockFiles.push({ ecosystem: lock, path: file.path });
      const index = INDEX_CONFIGS.find(c => c.match(name));
      if (
        index &&
        file.text !== undefined &&
        ((name !== 'config.toml' && name !== 'config') ||
          file.path.includes('.cargo/'))
      ) {
        const urls = [...file.text.matchAll(index.url)].map(m => m[1]);
        fact.indexConfigs.push({
          ecosystem: index.ecosystem,
          path: file.path,
          urls,
        });
      }
    }
    return fact;
  },
};
