import { parse } from 'yaml';
import { CORE_SCHEMA, fastLoadSingle } from '../yaml/fastLoad';
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { splitLines } from './splitLines';
import { parseYamlDocs } from '../kustomize/yaml';
import { requireRepo } from './repo';
import { ancillaryReason, type LeftOut } from './ancillary';
import { scopeOf } from '../sources/scope';
import { scopeLocalDev } from './monorepo/compose';
import { composeRuntime, type ComposeRuntime } from './composeRuntime';
import { errorDetail, said } from '../engine/diagnostic';

/** A service of a compose file. @public */
export interface ComposeService {
  name: string;
  image?: string;
  /** Set when the service is built from the repository: the build context. */
  build?: string;
  /** The Dockerfile, as written relative to the context, when the build names one. */
  dockerfile?: string;
  command?: string;
  ports: string[];
  volumes: string[];
  envFiles: string[];
  environment: Record<string, string>;
  line?: number;
  /** The services it needs (`depends_on`, `links`), when it names any. */
  dependsOn?: string[];
  /** Restart policy, healthcheck, replicas and resources, when it sets any. */
  runtime?: ComposeRuntime;
}

/** Local development set-ups and per-environment configuration files. @public */
export interface LocalDevFact {
  composeFiles: Array<{
    path: string;
    services: ComposeService[];
    /** A monorepo member: the services of the file that are not its own (another service's, or its backing services). */
    otherServices?: Array<{ name: string; line?: number }>;
  }>;
  /** devcontainer.json, Tiltfile, skaffold.yaml, garden.yml, … */
  devTools: Array<{
    kind:
      | 'devcontainer'
      | 'tilt'
      | 'skaffold'
      | 'garden'
      | 'okteto'
      | 'devspace';
    path: string;
    /**
     * Skaffold: the images of its build artifacts (`build.artifacts[].image`,
     * profiles too). Skaffold builds them and writes the built tag and digest
     * into every manifest it deploys that names them.
     */
    images?: string[];
  }>;
  /** `.env`, `.env.<env>` files with the variable names and values they set. */
  envFiles: Array<{
    path: string;
    environment?: string;
    vars: Record<string, string>;
  }>;
  /**
   * Compose, dev-tool and env files not read as the service's own (a local
   * observability stack, test fixtures, examples), with why.
   */
  leftOut: LeftOut[];
}

/** @public */
export const localDevFactRef = createFactRef<LocalDevFact>({
  id: 'repo.local-dev',
});

const COMPOSE = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;

function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of splitLines(text)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(
      raw,
    );
    if (m) vars[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return vars;
}

/** The index of the line that opens a service (`  web:`), or -1. */
function serviceLineIndex(lines: string[], name: string): number {
  const key = `${name}:`;
  const opens = new RegExp(
    `^\\s{2,4}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`,
  );
  // Only lines holding `name:` can match: the pattern is built once and tried on those.
  return lines.findIndex(l => l.includes(key) && opens.test(l));
}

const withRuntime = (runtime: ComposeRuntime | undefined) =>
  runtime ? { runtime } : {};

function asList(v: unknown): string[] {
  if (Array.isArray(v))
    return v.map(x => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof v === 'string') return [v];
  return [];
}

/** The images of a skaffold.yaml's build artifacts, in its build and its profiles. */
function skaffoldArtifacts(text: string): string[] {
  const images = new Set<string>();
  for (const { value } of parseYamlDocs(text).docs) {
    const doc = value as any;
    const builds = [
      doc?.build,
      ...(Array.isArray(doc?.profiles)
        ? doc.profiles.map((p: any) => p?.build)
        : []),
    ];
    for (const build of builds)
      for (const a of Array.isArray(build?.artifacts) ? build.artifacts : [])
        if (typeof a?.image === 'string' && a.image) images.add(a.image);
  }
  return [...images];
}

/** @public */
export const localDevExtractor: FactExtractor<LocalDevFact> = {
  ref: localDevFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const fact: LocalDevFact = {
      composeFiles: [],
      devTools: [],
      envFiles: [],
      leftOut: [],
    };
    // Development tooling is what this fact is about; everything else that is not the service's own is left out.
    const leftOut = (path: string): boolean => {
      const reason = ancillaryReason(repo, path);
      if (!reason || reason === 'development tooling') return false;
      fact.leftOut.push({ path, reason });
      return true;
    };
    for (const f of repo.find(p => COMPOSE.test(p))) {
      if (f.text === undefined || leftOut(f.path)) continue;
      try {
        // js-yaml when it can vouch for the result (yaml/fastLoad.ts); the `yaml` package otherwise, and for errors.
        const fast = fastLoadSingle(f.text, {
          schema: CORE_SCHEMA,
          duplicateKeys: 'error',
        });
        const doc = (fast ? fast.value : parse(f.text)) ?? {};
        const lines = f.text.split('\n');
        const services = Object.entries(
          (doc.services ?? {}) as Record<string, any>,
        ).map(([name, s]): ComposeService => {
          const env = Array.isArray(s?.environment)
            ? Object.fromEntries(
                s.environment.map((e: string) => [
                  e.split('=')[0],
                  e.split('=').slice(1).join('='),
                ]),
              )
            : Object.fromEntries(
                Object.entries(s?.environment ?? {}).map(([k, v]) => [
                  k,
                  String(v),
                ]),
              );
          const lineIdx = serviceLineIndex(lines, name);
          const dependsOn = [
            ...(Array.isArray(s?.depends_on)
              ? s.depends_on.map(String)
              : Object.keys(s?.depends_on ?? {})),
            ...asList(s?.links).map(l => l.split(':')[0]),
          ];
          return {
            name,
            ...(s?.image ? { image: String(s.image) } : {}),
            ...(s?.build
              ? {
                  build:
                    typeof s.build === 'string'
                      ? s.build
                      : String(s.build.context ?? '.'),
                }
              : {}),
            ...(s?.build && typeof s.build === 'object' && s.build.dockerfile
              ? { dockerfile: String(s.build.dockerfile) }
              : {}),
            ...(s?.command ? { command: asList(s.command).join(' ') } : {}),
            ports: asList(s?.ports),
            volumes: asList(s?.volumes),
            envFiles: asList(s?.env_file),
            environment: env,
            ...(lineIdx >= 0 ? { line: lineIdx + 1 } : {}),
            ...(dependsOn.length ? { dependsOn } : {}),
            ...withRuntime(composeRuntime(s, lines, lineIdx)),
          };
        });
        fact.composeFiles.push({ path: f.path, services });
      } catch (e) {
        ctx.report({
          level: 'warning',
          source: 'compose',
          path: f.path,
          ...said('diagnostic.compose.unparsable', errorDetail(e)),
        });
      }
    }
    const devTool = (
      kind: LocalDevFact['devTools'][number]['kind'],
      path: string,
    ) => {
      if (!leftOut(path)) fact.devTools.push({ kind, path });
    };
    for (const f of repo.find(
      (_p, name) =>
        name === 'devcontainer.json' || name === '.devcontainer.json',
    ))
      devTool('devcontainer', f.path);
    for (const f of repo.find((_p, name) => name === 'Tiltfile'))
      devTool('tilt', f.path);
    for (const f of repo.find(
      (_p, name) => name === 'skaffold.yaml' || name === 'skaffold.yml',
    )) {
      if (leftOut(f.path)) continue;
      const images = f.text === undefined ? [] : skaffoldArtifacts(f.text);
      fact.devTools.push({
        kind: 'skaffold',
        path: f.path,
        ...(images.length ? { images } : {}),
      });
    }
    for (const f of repo.find((_p, name) =>
      /^(garden|project\.garden)\.ya?ml$/.test(name),
    ))
      devTool('garden', f.path);
    for (const f of repo.find(
      (_p, name) => name === 'okteto.yml' || name === 'okteto.yaml',
    ))
      devTool('okteto', f.path);
    for (const f of repo.find((_p, name) => name === 'devspace.yaml'))
      devTool('devspace', f.path);
    for (const f of repo.find(
      (_p, name) =>
        /^\.env(\.[\w-]+)?$/.test(name) &&
        !/\.(example|sample|template|dist)$/.test(name),
    )) {
      if (f.text === undefined || leftOut(f.path)) continue;
      const env = /^\.env\.([\w-]+)$/.exec(f.path.split('/').pop()!)?.[1];
      fact.envFiles.push({
        path: f.path,
        ...(env ? { environment: env } : {}),
        vars: parseEnvFile(f.text),
      });
    }
    // A monorepo member: the compose services of the other services are theirs.
    const scope = scopeOf(ctx.input);
    return scope ? scopeLocalDev(fact, scope, ctx.input.entity) : fact;
  },
};
