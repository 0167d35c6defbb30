/*
 * The images a monorepo member's folder is built into, from what builds
 * them: CI steps (docker/build-push-action and the like with their
 * `context:`/`file:`, `docker build` commands, with the tags of
 * docker/metadata-action), skaffold artifacts and compose services. A build
 * belongs to the entity when its context or Dockerfile is the code root or
 * lies under it; a context written with an expression (`src/${{
 * matrix.service }}`) matches when the expression can take the folder's
 * name, and the tags are read with that value.
 */
import type { Entity } from '@backstage/catalog-model';
import type { FactReader } from '../../engine/facts';
import { dirname, type RepoSnapshot } from '../../sources/RepoSnapshot';
import type { RepoScope } from '../../sources/scope';
import { parseYamlDocs } from '../../kustomize/yaml';
import { ciFactRef } from '../ci/extractor';
import { ciFilesFactRef } from '../ciFiles';
import type { CiStep } from '../ci/types';
import { localDevFactRef } from '../localDev';
import { composeBuildFolder, isOwnComposeService } from './compose';
import {
  bindToCodeRoot,
  imagePattern,
  joinRelative,
  repositoryOfReference,
  substitute,
} from './paths';

/** An image built from the entity's folder. @public */
export interface OwnImage {
  /** The repository as written, bound expressions replaced (`ghcr.io/acme/shop/cart`). */
  repository: string;
  /** The repository as a pattern: expressions left stand for anything. */
  pattern: RegExp;
  /** Where the build is defined. */
  path: string;
  line?: number;
  /** e.g. `CI build of src/cart`. */
  how: string;
}

const BUILD_COMMAND =
  /\b(?:docker|podman|nerdctl)\s+(?:buildx\s+)?build\b|\bbuildah\s+(?:bud|build)\b/;
/** Build flags that take a value (the next word, or after `=`). */
const FLAGS_WITH_VALUE = new Set([
  '-t',
  '--tag',
  '-f',
  '--file',
  '--build-arg',
  '--platform',
  '--target',
  '--label',
  '--cache-from',
  '--cache-to',
  '-o',
  '--output',
  '--secret',
  '--ssh',
  '--network',
  '--progress',
  '--iidfile',
  '--metadata-file',
  '--builder',
  '--build-context',
  '--annotation',
  '--attest',
  '--add-host',
  '--shm-size',
  '--ulimit',
  '-m',
  '--memory',
]);

/** Words of a shell command, quotes removed (expressions kept whole). */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|((?:\$\{\{[^}]*\}\}|[^\s"'])+)/g;
  for (let m = re.exec(command); m; m = re.exec(command))
    out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The context, Dockerfile and tags of each `docker build` in a shell text. */
function shellBuilds(
  run: string,
): Array<{ context?: string; file?: string; tags: string[] }> {
  const out: Array<{ context?: string; file?: string; tags: string[] }> = [];
  for (const line of run.replace(/\\\r?\n/g, ' ').split('\n')) {
    const m = BUILD_COMMAND.exec(line);
    if (!m) continue;
    // The command ends where the shell starts another one.
    const rest = line.slice(m.index + m[0].length).split(/&&|\|\||;|\|/)[0];
    const build: { context?: string; file?: string; tags: string[] } = {
      tags: [],
    };
    const ws = words(rest);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      const eq = w.indexOf('=');
      const flag = w.startsWith('-') && eq !== -1 ? w.slice(0, eq) : w;
      if (w.startsWith('-')) {
        const value =
          eq !== -1 ? w.slice(eq + 1) : FLAGS_WITH_VALUE.has(w) ? ws[++i] : '';
        if (value === undefined) break;
        if (flag === '-t' || flag === '--tag') build.tags.push(value);
        if (flag === '-f' || flag === '--file') build.file = value;
      } else build.context = w;
    }
    out.push(build);
  }
  return out;
}

/** The images docker/metadata-action names, per workflow job. */
function metadataImages(steps: ReadonlyArray<CiStep>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of steps) {
    if (!/docker\/metadata-action/.test(s.uses ?? '')) continue;
    const images = (s.with?.images ?? '')
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean)
      .map(l => (/^name=/.test(l) ? l.split(',')[0].slice(5) : l));
    const key = `${s.path}\u0000${s.job ?? ''}`;
    out.set(key, [...(out.get(key) ?? []), ...images]);
  }
  return out;
}

function addImage(
  out: OwnImage[],
  reference: string,
  bindings: ReadonlyMap<string, string>,
  where: { path: string; line?: number; how: string },
) {
  const repository = repositoryOfReference(substitute(reference, bindings));
  if (!repository) return;
  const pattern = imagePattern(repository);
  if (!pattern || out.some(i => i.repository === repository)) return;
  out.push({ repository, pattern, ...where });
}

/** The first build folder of a step that can be the code root, with the values its expressions take. */
function bindBuild(
  candidates: Array<string | undefined>,
  codeRoot: string,
): Map<string, string> | undefined {
  for (const c of candidates) {
    if (c === undefined) continue;
    const bindings = bindToCodeRoot(c, codeRoot);
    if (bindings) return bindings;
  }
  return undefined;
}

/**
 * The `env:` values a GitHub workflow gives a job (the workflow's, then the
 * job's own), as `${{ env.NAME }}`, `$NAME` and `${NAME}` bindings, per file
 * and job.
 */
function workflowEnv(
  files: ReadonlyArray<{ path: string; system: string; text: string }>,
): (path: string, job: string | undefined) => Map<string, string> {
  const byFile = new Map<string, any>();
  for (const f of files) {
    if (f.system !== 'github-actions') continue;
    const doc = parseYamlDocs(f.text).docs[0]?.value;
    if (doc && typeof doc === 'object') byFile.set(f.path, doc);
  }
  return (path, job) => {
    const doc = byFile.get(path);
    const bindings = new Map<string, string>();
    for (const env of [doc?.env, job ? doc?.jobs?.[job]?.env : undefined])
      if (env && typeof env === 'object')
        for (const [k, v] of Object.entries(env))
          if (typeof v === 'string' || typeof v === 'number')
            // The expression, and the shell variable the runner exports for it.
            for (const e of [`\${{env.${k}}}`, `$${k}`, `\${${k}}`])
              bindings.set(e, String(v));
    return bindings;
  };
}

const BUILD_ACTION =
  /build-push-action|kaniko-action|action-kaniko|push-to-registry|docker-build-push/i;
/** A reusable workflow named for building images (`reusable-docker-build.yaml`), whose inputs name the context and images. */
const REUSABLE_IMAGE_BUILD =
  /\.github\/workflows\/[^@/]*(docker|image|container|build[-_]?push)[^@/]*\.ya?ml(@|$)/i;
/** The inputs that name the built images: actions' `tags`/`image`, reusable workflows' `image-names` and the like. */
const IMAGE_INPUTS = [
  'tags',
  'image',
  'images',
  'image-name',
  'image_name',
  'image-names',
  'image_names',
];

function ciImages(
  steps: ReadonlyArray<CiStep>,
  files: ReadonlyArray<{ path: string; system: string; text: string }>,
  codeRoot: string,
  out: OwnImage[],
) {
  const meta = metadataImages(steps);
  const envOf = workflowEnv(files);
  for (const s of steps) {
    const where = (how: string) => ({ path: s.path, line: s.line, how });
    const withEnv = (bindings: Map<string, string>) => {
      const all = envOf(s.path, s.job);
      for (const [k, v] of bindings) all.set(k, v);
      return all;
    };
    const w = s.with ?? {};
    if (
      s.uses &&
      (BUILD_ACTION.test(s.uses) || REUSABLE_IMAGE_BUILD.test(s.uses))
    ) {
      const context = w.context ?? w['build-context'] ?? '.';
      const file = w.file ?? w.dockerfile ?? w.Dockerfile;
      const bound = bindBuild(
        [context, file && dirname(joinRelative(context, file))],
        codeRoot,
      );
      if (!bound) continue;
      const bindings = withEnv(bound);
      const tags = IMAGE_INPUTS.flatMap(k => (w[k] ?? '').split(/[\n,]/))
        .map(t => t.trim())
        .filter(Boolean);
      for (const tag of tags) {
        if (/steps\.[\w-]+\.outputs\.tags/.test(tag)) {
          for (const image of meta.get(`${s.path}\u0000${s.job ?? ''}`) ?? [])
            addImage(out, image, bindings, where(`CI build of ${codeRoot}`));
        } else addImage(out, tag, bindings, where(`CI build of ${codeRoot}`));
      }
    }
    if (s.run && BUILD_COMMAND.test(s.run)) {
      const wd = s.workingDirectory ?? '';
      for (const b of shellBuilds(s.run)) {
        const context = joinRelative(wd, b.context ?? '.');
        const bound = bindBuild(
          [context, b.file && dirname(joinRelative(wd, b.file))],
          codeRoot,
        );
        if (!bound) continue;
        const bindings = withEnv(bound);
        for (const tag of b.tags)
          addImage(out, tag, bindings, where(`CI build of ${codeRoot}`));
      }
    }
  }
}

function skaffoldImages(repo: RepoSnapshot, codeRoot: string, out: OwnImage[]) {
  for (const f of repo.find(
    (_p, name) => name === 'skaffold.yaml' || name === 'skaffold.yml',
  )) {
    if (f.text === undefined) continue;
    const { docs } = parseYamlDocs(f.text);
    for (const { value } of docs) {
      const doc = value as any;
      const builds = [
        doc?.build,
        ...(Array.isArray(doc?.profiles)
          ? doc.profiles.map((p: any) => p?.build)
          : []),
      ];
      for (const build of builds) {
        for (const a of Array.isArray(build?.artifacts)
          ? build.artifacts
          : []) {
          if (typeof a?.image !== 'string') continue;
          const context = joinRelative(
            dirname(f.path),
            String(a.context ?? '.'),
          );
          const bindings = bindToCodeRoot(context, codeRoot);
          if (bindings)
            addImage(out, a.image, bindings, {
              path: f.path,
              how: `skaffold artifact built from ${context}`,
            });
        }
      }
    }
  }
}

/** The images built from the entity's folder. */
export function ownImages(
  facts: FactReader,
  repo: RepoSnapshot,
  scope: RepoScope,
  entity: Entity,
): OwnImage[] {
  const out: OwnImage[] = [];
  ciImages(
    facts.tryGet(ciFactRef)?.steps ?? [],
    facts.tryGet(ciFilesFactRef)?.files ?? [],
    scope.codeRoot,
    out,
  );
  skaffoldImages(repo, scope.codeRoot, out);
  for (const cf of facts.tryGet(localDevFactRef)?.composeFiles ?? []) {
    for (const s of cf.services) {
      if (!s.image || !isOwnComposeService(cf.path, s, scope, entity)) continue;
      const built = composeBuildFolder(cf.path, s);
      if (built === undefined) continue;
      // Compose interpolation: `${REGISTRY:-shop}/ordering.api` is `shop/ordering.api` by default.
      const image = s.image.replace(/\$\{\w+:?-([^}]*)\}/g, '$1');
      addImage(out, image, new Map(), {
        path: cf.path,
        ...(s.line ? { line: s.line } : {}),
        how: `compose service ${s.name} built from ${built || '.'}`,
      });
    }
  }
  return out;
}

/** Whether an image reference (as a workload writes it) is one of the entity's images. */
export function isOwnImage(
  image: unknown,
  images: ReadonlyArray<OwnImage>,
): OwnImage | undefined {
  if (typeof image !== 'string' || !image) return undefined;
  const repository = repositoryOfReference(image);
  const bare = !repository.includes('/');
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return images.find(
    i =>
      i.pattern.test(repository) ||
      // A bare name on either side (`image: cart`, rewritten by skaffold or kustomize) matches the image's name.
      (bare &&
        i.repository.slice(i.repository.lastIndexOf('/') + 1) === name) ||
      (!i.repository.includes('/') && i.repository === name),
  );
}
