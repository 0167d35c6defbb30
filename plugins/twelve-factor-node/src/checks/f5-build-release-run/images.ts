import type { Entity } from '@backstage/catalog-model';
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CiFact, CiSignal } from '../../facts/ci/types';
import type { CiFilesFact } from '../../facts/ciFiles';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import type { FactReader } from '../../engine/facts';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { looseName } from '../../facts/monorepo/compose';
import { ciFactRef } from '../../facts/ci/extractor';
import { ciFilesFactRef } from '../../facts/ciFiles';
import { localDevFactRef } from '../../facts/localDev';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { fileEvidence, type Note } from '../evidence';
import { noted } from '../messages';
import { appWorkloads } from '../f3-config/pods';
import { perObject } from '../memo';

/** An image reference split into its parts. */
export interface ImageRef {
  raw: string;
  /** Registry and path, without tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(raw: string): ImageRef {
  const [nameTag, digest] = raw.trim().split('@');
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    raw,
    repository: hasTag ? nameTag.slice(0, colon) : nameTag,
    ...(hasTag ? { tag: nameTag.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/**
 * How fixed a tag is. digest, semver (1.2.3, v1.2.3-alpine), sha (a commit),
 * version (16.6, 20240101.3: one release) are immutable by convention;
 * latest, untagged and floating ones (7, main, stable, 22-alpine) move.
 */
export type TagKind =
  | 'deploy-time'
  | 'digest'
  | 'semver'
  | 'sha'
  | 'version'
  | 'latest'
  | 'untagged'
  | 'floating';

export function tagKind(ref: ImageRef): TagKind {
  if (ref.digest) return 'digest';
  const tag = ref.tag;
  if (!tag) return 'untagged';
  if (tag === 'latest') return 'latest';
  if (/^v?\d+\.\d+\.\d+([-+.][\w.-]+)?$/.test(tag)) return 'semver';
  if (
    /(^|[-_.])(sha-?|g)?[0-9a-f]{7,40}$/.test(tag) &&
    /[a-f]/.test(tag) &&
    /\d/.test(tag)
  )
    return 'sha';
  if (/^v?\d+\.\d+([-+.][\w.-]+)?$/.test(tag) || /\d{3,}/.test(tag))
    return 'version';
  return 'floating';
}

export function isImmutable(kind: TagKind): boolean {
  return (
    kind === 'deploy-time' ||
    kind === 'digest' ||
    kind === 'semver' ||
    kind === 'sha' ||
    kind === 'version'
  );
}

/** One container image of a workload in a set. */
export interface ImageUse {
  set: ObjectSet;
  w: Workload;
  c: WorkloadContainer;
  ref: ImageRef;
  kind: TagKind;
  /** The image of a revision can change: mutable tag pulled Always (the default for :latest and untagged). */
  pullAlways: boolean;
  /** For `deploy-time` images: the tool that writes the built tag and digest into the manifest when it deploys. */
  resolvedBy?: string;
}

/**
 * Image names a deploy tool replaces with what it built, tag and digest, when
 * it deploys the manifests (skaffold's build artifacts): an untagged or
 * :latest reference to one of them is a placeholder, not a mutable tag.
 */
export type DeployTimeImages = ReadonlyMap<string, string>;

export function deployTimeImages(facts: FactReader): DeployTimeImages {
  const out = new Map<string, string>();
  for (const t of facts.tryGet(localDevFactRef)?.devTools ?? [])
    for (const image of t.images ?? [])
      if (!out.has(image)) out.set(image, `${t.kind} (${t.path})`);
  return out;
}

export function imageUses(
  set: ObjectSet,
  deployTime?: DeployTimeImages,
): ImageUse[] {
  // A copy: callers may filter or sort in place.
  const uses = imageUsesOfSet(set);
  if (!deployTime?.size) return uses.slice();
  return uses.map(u => {
    const by =
      (u.kind === 'untagged' || u.kind === 'latest') &&
      deployTime.get(u.ref.repository);
    if (!by) return u;
    return {
      ...u,
      kind: 'deploy-time' as const,
      pullAlways: u.c.container.imagePullPolicy === 'Always',
      resolvedBy: by,
    };
  });
}

/** An image use's note: the image and how it is pinned, by its tag kind or the tool that writes it at deploy (`deployed`: said as deployed). */
export function pinnedNote(u: ImageUse, deployed = false) {
  const M = 'f5-build-release-run.immutable-image';
  const suffix = deployed ? '-deployed' : '';
  return u.resolvedBy
    ? noted(`${M}.deploy-time${suffix}-note`, {
        image: u.ref.raw,
        tool: u.resolvedBy,
      })
    : noted(`${M}.pinned${suffix}-note`, { image: u.ref.raw, kind: u.kind });
}

/** Per set: the image checks (and their snippets) each read every set's images. */
const imageUsesOfSet = perObject(findImageUses);

function findImageUses(set: ObjectSet): ImageUse[] {
  const out: ImageUse[] = [];
  for (const w of appWorkloads(set)) {
    for (const c of w.containers) {
      if (typeof c.container.image !== 'string') continue;
      const ref = parseImage(c.container.image);
      const kind = tagKind(ref);
      const policy =
        c.container.imagePullPolicy ??
        (kind === 'latest' || kind === 'untagged' ? 'Always' : 'IfNotPresent');
      out.push({ set, w, c, ref, kind, pullAlways: policy === 'Always' });
    }
  }
  return out;
}

/** Tags CI gives the images it builds, and what kind of identifier each is. */
export interface CiTag extends CiSignal {
  tag: string;
  /** Literal repository part, when the tag names one without variables. */
  repository?: string;
  kind: 'sha' | 'semver' | 'latest' | 'other';
}

const SHA_VAR =
  /github\.sha|GITHUB_SHA|CI_COMMIT_SHA|CI_COMMIT_SHORT_SHA|Build\.SourceVersion|GIT_COMMIT|BUILDKITE_COMMIT|CIRCLE_SHA1|DRONE_COMMIT|BITBUCKET_COMMIT|COMMIT_SHA|SHORT_SHA|CF_(?:SHORT_)?REVISION|\{\{-?\s*\.(?:Full|Short)?Commit\b|\bsha\b/i;
const SEMVER_VAR =
  /ref_name|CI_COMMIT_TAG|DRONE_TAG|GITHUB_REF\b|TAG_NAME|RELEASE_VERSION|\bVERSION\b|type=semver|\bv?\d+\.\d+\.\d+\b|\{\{-?\s*\.(?:Version|Tag|Major|RawVersion)\b/;

function tagOf(imageWithTag: string): { repository: string; tag: string } {
  // The tag follows the last ':' that is not inside ${{ … }} and not followed by '/'.
  const m = /^(.*?):([^:/]*(\$\{\{[^}]*\}\}[^:/]*)*)$/.exec(
    imageWithTag.trim().replace(/^["']|["']$/g, ''),
  );
  return m
    ? { repository: m[1], tag: m[2] }
    : { repository: imageWithTag, tag: '' };
}

/** What a CI tag (with its variables) identifies; no tag pushes :latest. goreleaser's `{{ .Version }}`/`{{ .Tag }}` are the release tag, `{{ .FullCommit }}` the commit; Codefresh's CF_REVISION the commit. */
function tagKindOf(tag: string): CiTag['kind'] {
  if (!tag || tag === 'latest') return 'latest';
  if (SHA_VAR.test(tag)) return 'sha';
  return SEMVER_VAR.test(tag) ? 'semver' : 'other';
}

/** `-t`/`--tag` values and `docker push` targets of a command, keeping `${{ expr }}` whole. */
const TAG_WORD = `("[^"]+"|'[^']+'|(?:\\$\\{\\{[^}]*\\}\\}|[^\\s"'])+)`;
const TAG_OPTION = new RegExp(`(?:^|\\s)(?:-t|--tag)[=\\s]+${TAG_WORD}`, 'g');
const PUSH_TARGET = new RegExp(
  `\\b(?:docker|podman)\\s+push\\s+${TAG_WORD}`,
  'g',
);

function tagsInCommand(text: string): string[] {
  // matchAll works on a copy of the regex, so the shared global ones keep no state between calls.
  return [
    ...[...text.matchAll(TAG_OPTION)].map(m => m[1]),
    ...[...text.matchAll(PUSH_TARGET)].map(m => m[1]),
  ].map(t => t.replace(/^["']|["']$/g, ''));
}

/** The number of lines of a text (`split('\n').length`, without the array). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function ciTags(ci: CiFact): CiTag[] {
  // A copy: callers may filter or sort in place.
  return ciTagsOfFact(ci).slice();
}

/** Per CI fact (one per scan): four image checks read them. */
const ciTagsOfFact = perObject(findCiTags);

function findCiTags(ci: CiFact): CiTag[] {
  const out: CiTag[] = [];
  for (const b of ci.builds.filter(x => x.pushes)) {
    // The fact's tags stop at the space inside `${{ github.sha }}`; read such commands again.
    const whole = b.tags
      .filter(t => !/\$\{\{[^}]*$/.test(t))
      .map(t => t.replace(/^["']|["']$/g, ''));
    // Skaffold's `--tag` is a bare tag, already in the build's tags.
    const steps = /\bskaffold\s/.test(b.text)
      ? []
      : ci.steps.filter(
          s =>
            s.path === b.path &&
            s.run &&
            s.line <= b.line &&
            s.line + lineCount(s.run) >= b.line,
        );
    for (const t of new Set([
      ...whole,
      ...steps.flatMap(s => tagsInCommand(s.run!)),
    ])) {
      const { repository, tag } = tagOf(t);
      const kind = tagKindOf(tag);
      out.push({
        path: b.path,
        line: b.line,
        text: b.text,
        tag: t,
        ...(/[$%{]/.test(repository) ? {} : { repository }),
        kind,
      });
    }
  }
  // docker/metadata-action computes the tags a later build step pushes; reusable build workflows take its rules as an input.
  for (const s of ci.steps) {
    const tags = metadataTagRules(s);
    if (tags === undefined) continue;
    if (/type=sha/.test(tags))
      out.push({
        path: s.path,
        line: s.line,
        text: s.uses!,
        tag: 'type=sha',
        kind: 'sha',
      });
    // A git tag pushed as the image tag (v1.2.3 on a release): unique per release, as a version is.
    if (/type=semver/.test(tags) || /type=ref,event=tag\b/.test(tags))
      out.push({
        path: s.path,
        line: s.line,
        text: s.uses!,
        tag: /type=semver/.test(tags) ? 'type=semver' : 'type=ref,event=tag',
        kind: 'semver',
      });
    // type=raw,value=<tag>: what the value is (a version or commit variable, or a fixed word).
    for (const m of tags.matchAll(
      /type=raw,(?:[^\n]*,)?value=((?:\$\{\{[^}]*\}\}|[^,\s])+)/g,
    )) {
      const kind = tagKindOf(m[1]);
      if (kind === 'latest' || kind === 'other') continue;
      out.push({
        path: s.path,
        line: s.line,
        text: s.uses!,
        tag: m[1],
        kind,
      });
    }
    if (/latest=true|value=latest/.test(`${tags}\n${s.with?.flavor ?? ''}`))
      out.push({
        path: s.path,
        line: s.line,
        text: s.uses!,
        tag: 'latest',
        kind: 'latest',
      });
  }
  return out;
}

/** Tag rules in docker/metadata-action's syntax (`type=sha`, `type=raw,value=…`) a step takes, if any. */
function metadataTagRules(s: CiFact['steps'][number]): string | undefined {
  if (/docker\/metadata-action/.test(s.uses ?? ''))
    // The action's defaults when `tags` is not set.
    return (
      s.with?.tags ??
      'type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr'
    );
  if (!s.uses || !s.with) return undefined;
  const rules = Object.values(s.with).filter(v =>
    /^\s*type=(raw|sha|semver|pep440|ref|match|edge|schedule)\b/m.test(v),
  );
  return rules.length ? rules.join('\n') : undefined;
}

/**
 * The line a CI command really starts on. Signals of the ci fact may point at
 * the step's `run: |` line; the file text tells the line that holds the command.
 */
export function commandLine(
  ciFiles: CiFilesFact | undefined,
  signal: Pick<CiSignal, 'path' | 'line' | 'text'>,
): number {
  const file = ciFiles?.files.find(f => f.path === signal.path);
  const lines = file ? linesOf(file) : undefined;
  const head = signal.text.slice(0, 40).trim();
  if (!lines || !head) return signal.line;
  for (
    let i = Math.max(0, signal.line - 2);
    i < Math.min(lines.length, signal.line + 15);
    i++
  ) {
    if (lines[i].includes(head)) return i + 1;
  }
  return signal.line;
}

/** The line that names a CI tag (the `-t` of the build, or the action's `tags:`). */
export function tagLine(ciFiles: CiFilesFact | undefined, t: CiTag): number {
  return commandLine(ciFiles, { path: t.path, line: t.line, text: t.tag });
}

/** Evidence at the line that names a CI tag. */
export function tagEvidence(
  ciFiles: CiFilesFact | undefined,
  t: CiTag,
  note: Note,
): Evidence {
  const line = tagLine(ciFiles, t);
  return fileEvidence(t.path, note, line, line);
}

/** The lines of a CI file, split once per file (several checks look up lines of the same files). */
const linesOf = perObject((file: CiFilesFact['files'][number]) =>
  file.text.split(/\r?\n/),
);

/** Where CI releases on a version tag (`on: push: tags: [v*]`, `$CI_COMMIT_TAG`, `buildingTag()`). */
export function releaseTriggers(ciFiles: CiFilesFact): CiSignal[] {
  const out: CiSignal[] = [];
  for (const f of ciFiles.files) {
    const lines = linesOf(f);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      // Both `tags:` forms need the word; most lines of a pipeline skip their regexes.
      const tagsKey =
        line.includes('tags:') &&
        (/^\s*tags:\s*\[?\s*["']?v?[\d*]/.test(line) ||
          (/^\s*tags:\s*$/.test(line) &&
            /^\s*-\s*["']?v?[\d*]/.test(lines[i + 1] ?? '')));
      // GitHub releases too: `on: release` (its tag is github.event.release.tag_name).
      const releaseEvent =
        line.includes('release') &&
        ((/^\s{0,4}release:\s*$/.test(line) &&
          /^\s+types:/.test(lines[i + 1] ?? '')) ||
          /^on:\s*\[?[^#]*\brelease\b/.test(line) ||
          /github\.event\.release\.tag_name/.test(line));
      if (
        tagsKey ||
        releaseEvent ||
        /CI_COMMIT_TAG|buildingTag\(\)|refs\/tags\/v/.test(line)
      ) {
        out.push({ path: f.path, line: i + 1, text: line.trim() });
      }
    }
  }
  return out;
}

/**
 * Whether an image is the service's own: built by its CI (same repository),
 * or named after the entity. Third-party images (redis, postgres) are not.
 */
export function ownImage(
  entity: Entity,
  tags: ReadonlyArray<CiTag>,
  codeRoot?: string,
): (ref: ImageRef) => boolean {
  // A monorepo member's images are usually named for its folder (src/cartservice → …/cartservice:v0.10.6).
  const names = [entity.metadata.name, codeRoot?.split('/').pop() ?? '']
    .map(looseName)
    .filter(n => n.length > 2);
  const built = new Set(
    tags.map(t => t.repository).filter((r): r is string => !!r),
  );
  // Checks ask several times per image (some, filter, remediation); the answer depends on the repository only.
  const answers = new Map<string, boolean>();
  return ref => {
    let own = answers.get(ref.repository);
    if (own === undefined) {
      own = names.some(name => isOwnRepository(ref.repository, name, built));
      answers.set(ref.repository, own);
    }
    return own;
  };
}

function isOwnRepository(
  repository: string,
  name: string,
  built: ReadonlySet<string>,
): boolean {
  if (built.has(repository)) return true;
  const last = looseName(repository.split('/').pop() ?? '');
  return last.length > 2 && (last.includes(name) || name.includes(last));
}

/** The code root of a monorepo member, if the entity is one. */
export function memberCodeRoot(facts: FactReader): string | undefined {
  return facts.tryGet(manifestsFactRef)?.scope?.codeRoot;
}

/** What the image checks share: CI tags (unique ones apart), the service's own image, and the object sets. */
export function releaseContext(facts: FactReader, entity: Entity) {
  const ci = facts.tryGet(ciFactRef);
  const ciFiles = facts.tryGet(ciFilesFactRef);
  const tags = ci ? ciTags(ci) : [];
  return {
    ciFiles,
    tags,
    unique: tags.filter(t => t.kind === 'sha' || t.kind === 'semver'),
    own: ownImage(entity, tags, memberCodeRoot(facts)),
    sets: objectSets(facts),
    deployTime: deployTimeImages(facts),
  };
}
