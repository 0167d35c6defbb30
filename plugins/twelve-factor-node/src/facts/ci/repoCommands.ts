/*
 * What CI steps run from repository files. A `make <target>` line runs the
 * target's recipe in the Makefile (and those of its prerequisites, one level
 * down), so docker builds, pushes and deploys written there are the
 * pipeline's. A goreleaser run (the goreleaser action, `goreleaser release`,
 * or a recipe that runs it) builds and pushes the images its configuration
 * declares (`dockers:`, `dockers_v2:`, `kos:`, `docker_manifests:`).
 */
import { parse as parseYaml } from 'yaml';
import { commandLines } from './signals';
import type { CiGoreleaserRun, CiStep, CiStepExpansion } from './types';

/** Reads a repository file's text, undefined when absent. */
export type RepoReader = (path: string) => string | undefined;

/** A folder joined with a relative path, `./` and `..` resolved; '' is the root. */
function joinPath(dir: string | undefined, rel: string): string {
  const parts: string[] = [];
  for (const p of `${dir ?? ''}/${rel}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

const unquote = (w: string) => w.replace(/^["']|["']$/g, '');

// ------------------------------------------------------------------ Makefile

interface Rule {
  prerequisites: string[];
  recipe: string[];
}

interface Makefile {
  path: string;
  variables: Map<string, string>;
  rules: Map<string, Rule>;
}

const ASSIGNMENT =
  /^(?:(?:export|override)\s+)?([A-Za-z_][\w.-]*)\s*(:{1,3}=|\?=|\+=|!=|=)\s*(.*)$/;

/** A Makefile's variables and explicit rules (pattern rules and special targets left out). */
export function parseMakefile(path: string, text: string): Makefile {
  const variables = new Map<string, string>();
  const rules = new Map<string, Rule>();
  let current: Rule[] = [];
  // Continuations joined: a recipe line or an assignment that goes on with `\`.
  const lines = text.replace(/\\\r?\n[ \t]*/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('\t')) {
      const cmd = line.trim().replace(/^[@+-]+\s*/, '');
      if (cmd && !cmd.startsWith('#'))
        for (const r of current) r.recipe.push(cmd);
      continue;
    }
    const bare = line.replace(/(^|\s)#.*$/, '').trimEnd();
    if (!bare.trim()) continue;
    if (
      /^\s*(ifn?eq|ifn?def|else|endif|include|-include|sinclude|define|endef|vpath|\.RECIPEPREFIX)\b/.test(
        bare,
      )
    ) {
      // Both branches of a conditional are read; the directive lines are no rule.
      if (!/^\s*(else|endif)\b/.test(bare)) current = [];
      continue;
    }
    const assignment = ASSIGNMENT.exec(bare.trim());
    if (assignment) {
      const [, name, op, value] = assignment;
      if (op === '?=' && variables.has(name)) continue;
      if (op === '+=')
        variables.set(name, `${variables.get(name) ?? ''} ${value}`.trim());
      else if (op !== '!=') variables.set(name, value.trim());
      current = [];
      continue;
    }
    const rule = /^([^:=#\t][^:=]*?)\s*::?(?!=)\s*(.*)$/.exec(bare);
    if (!rule) {
      current = [];
      continue;
    }
    const [, targetsText, rest] = rule;
    // A target-specific variable (`release: VERSION = 1`) adds no recipe.
    if (/^[\w.-]+\s*(:{1,3}=|\?=|\+=|=)/.test(rest)) continue;
    const [prereqText, inline] = rest.split(/;(.*)/s);
    const prerequisites = prereqText
      .replace(/\|/g, ' ')
      .split(/\s+/)
      .filter(p => p && !p.includes('%'));
    current = [];
    for (const t of targetsText.trim().split(/\s+/)) {
      if (!t || t.startsWith('.') || t.includes('%')) continue;
      const r = rules.get(t) ?? { prerequisites: [], recipe: [] };
      r.prerequisites.push(...prerequisites);
      if (inline?.trim()) r.recipe.push(inline.trim());
      rules.set(t, r);
      current.push(r);
    }
  }
  return { path, variables, rules };
}

/** Expands `$(VAR)`/`${VAR}` the call or the Makefile sets (other references kept), `$@` and `$$`. */
function expandVariables(
  text: string,
  mk: Makefile,
  overrides: Map<string, string>,
  target: string,
  depth = 0,
): string {
  const out = text.replace(
    /\$(?:\(([A-Za-z_][\w.-]*)\)|\{([A-Za-z_][\w.-]*)\}|(@))/g,
    (whole, paren, brace, at) => {
      if (at) return target;
      const name = paren ?? brace;
      if (name === 'MAKE') return 'make';
      const value = overrides.get(name) ?? mk.variables.get(name);
      if (value === undefined) return whole;
      return depth < 5
        ? expandVariables(value, mk, overrides, target, depth + 1)
        : value;
    },
  );
  return depth === 0 ? out.replace(/\$\$/g, '$') : out;
}

/** A `make` call on a shell line: its options, variable assignments and targets. */
interface MakeCall {
  /** The call as written. */
  text: string;
  dir?: string;
  file?: string;
  overrides: Map<string, string>;
  targets: string[];
}

const MAKE_WORD =
  /(?:^|[;&|(]\s*|\bsudo\s+|\b(?:time|env)\s+|\s[A-Za-z_]\w*=\S*\s+)(?:make|\$\(MAKE\)|\$\{MAKE\})(?=\s|$)/g;

/** The `make` calls of a shell line. */
export function makeCalls(line: string): MakeCall[] {
  const out: MakeCall[] = [];
  MAKE_WORD.lastIndex = 0;
  for (let m = MAKE_WORD.exec(line); m; m = MAKE_WORD.exec(line)) {
    const start = m.index + m[0].search(/make|\$[({]MAKE/);
    const rest = line.slice(m.index + m[0].length);
    const end = rest.search(/\s*(?:&&|\|\||;|\||\)|>|2>)/);
    const args = (end === -1 ? rest : rest.slice(0, end)).trim();
    const words = args.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
    const call: MakeCall = {
      text: line
        .slice(start, m.index + m[0].length + (end === -1 ? rest.length : end))
        .trim(),
      overrides: new Map(),
      targets: [],
    };
    for (let i = 0; i < words.length; i++) {
      const w = unquote(words[i]);
      const opt = /^(-C|--directory|-f|--file|--makefile)(?:=(.*))?$/.exec(w);
      if (opt) {
        const value = opt[2] ?? unquote(words[++i] ?? '');
        if (/^(-C|--directory)$/.test(opt[1])) call.dir = value;
        else call.file = value;
      } else if (/^-C./.test(w)) call.dir = w.slice(2);
      else if (w.startsWith('-')) continue;
      else if (/^[A-Za-z_][\w.-]*:?=/.test(w)) {
        const eq = w.indexOf('=');
        call.overrides.set(
          w.slice(0, eq).replace(/:$/, ''),
          unquote(w.slice(eq + 1)),
        );
      } else call.targets.push(w);
    }
    out.push(call);
  }
  return out;
}

/**
 * The targets a target word can name: itself, or the values of the step's
 * environment variable it reads (`make "${RELEASE_TARGET}"`), whose GitHub
 * expression may choose between quoted names.
 */
function targetCandidates(
  word: string,
  env: Record<string, string> | undefined,
): string[] {
  const v = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(word);
  if (!v) return /\$/.test(word) ? [] : [word];
  const value = env?.[v[1]];
  if (value === undefined) return [];
  if (/\$\{\{/.test(value))
    return [...value.matchAll(/'([\w.-]+)'|"([\w.-]+)"/g)].map(
      x => x[1] ?? x[2],
    );
  return value.split(/\s+/).filter(Boolean);
}

/** The commands a target runs: its prerequisites' recipes (one level down), then its own; `make <t>` lines in them followed once. */
function targetCommands(
  mk: Makefile,
  target: string,
  overrides: Map<string, string>,
  depth = 0,
): string[] {
  const rule = mk.rules.get(target);
  if (!rule) return [];
  const out: string[] = [];
  if (depth === 0)
    for (const p of rule.prerequisites)
      if (p !== target && mk.rules.has(p))
        out.push(...targetCommands(mk, p, overrides, 1));
  for (const raw of rule.recipe) {
    const cmd = expandVariables(raw, mk, overrides, target);
    out.push(cmd);
    if (depth === 0)
      for (const c of makeCalls(cmd))
        if (!c.dir && !c.file)
          for (const t of c.targets)
            if (t !== target)
              out.push(
                ...targetCommands(
                  mk,
                  t,
                  new Map([...overrides, ...c.overrides]),
                  1,
                ),
              );
  }
  return out;
}

function readMakefile(
  read: RepoReader,
  dir: string,
  file?: string,
): Makefile | undefined {
  const names = file ? [file] : ['GNUmakefile', 'makefile', 'Makefile'];
  for (const n of names) {
    const path = joinPath(dir, n);
    const text = read(path);
    if (text !== undefined) return parseMakefile(path, text);
  }
  return undefined;
}

// ------------------------------------------------------------------ goreleaser

const GORELEASER_RUN =
  /(?:^|[\s;&|(/])goreleaser(?:\/v\d+)?(?:@\S+)?(?:\s+(--?[\w-]+(?:=\S+)?|release\b)|\s*$)/;
const GORELEASER_CONFIGS = [
  '.goreleaser.yaml',
  '.goreleaser.yml',
  'goreleaser.yaml',
  'goreleaser.yml',
];

/** Whether a shell line runs a goreleaser release (the default command); `goreleaser build`, `check`… do not. */
export function runsGoreleaserRelease(line: string): boolean {
  const m = GORELEASER_RUN.exec(line);
  if (!m) return false;
  // `goreleaser --version`, `-v`, `--help` print and exit.
  return !/^--?(version|v|help|h)$/.test(m[1] ?? '');
}

/** Removes goreleaser's conditionals (`{{ if not .Prerelease }}latest{{ end }}` → `latest`): the tag it takes when it is set. */
function templateTag(t: string): string {
  return t.replace(/\{\{-?\s*(?:if|else|end)\b[^}]*-?\}\}/g, '').trim();
}

/** The images and tags a goreleaser configuration builds, and whether any entry pushes. */
export function goreleaserImages(text: string): {
  images: string[];
  pushes: boolean;
} {
  let js: any;
  try {
    js = parseYaml(text) ?? {};
  } catch {
    return { images: [], pushes: false };
  }
  const images: string[] = [];
  let pushes = false;
  const list = (v: unknown): string[] =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v])
      .filter(x => typeof x === 'string')
      .map(x => templateTag(x as string))
      .filter(Boolean);
  const entries = (v: unknown): any[] =>
    Array.isArray(v) ? v.filter(e => e && typeof e === 'object') : [];
  const skipped = (e: any) =>
    e.skip_push === true ||
    e.skip_push === 'true' ||
    e.disable === true ||
    e.disable === 'true';
  for (const d of entries(js.dockers)) {
    images.push(...list(d.image_templates));
    if (!skipped(d)) pushes = true;
  }
  for (const d of entries(js.dockers_v2)) {
    const tags = list(d.tags);
    for (const i of list(d.images))
      for (const t of tags.length ? tags : ['latest']) images.push(`${i}:${t}`);
    if (!skipped(d)) pushes = true;
  }
  for (const k of entries(js.kos)) {
    const repos = [...list(k.repository), ...list(k.repositories)];
    const tags = list(k.tags);
    for (const r of repos)
      for (const t of tags.length ? tags : ['latest']) images.push(`${r}:${t}`);
    if (!skipped(k) && k.push !== false) pushes = true;
  }
  for (const m of entries(js.docker_manifests)) {
    images.push(...list(m.name_template));
    if (!skipped(m)) pushes = true;
  }
  return { images: [...new Set(images)], pushes: pushes && images.length > 0 };
}

/** A goreleaser release run from `dir` with the given flags: the images of its configuration. */
function goreleaserRun(
  read: RepoReader,
  dir: string | undefined,
  flags: string,
  line: number,
  call: string,
): CiGoreleaserRun | undefined {
  const explicit = /(?:^|\s)(?:-f|--config)[=\s]+("[^"]+"|'[^']+'|\S+)/.exec(
    flags,
  )?.[1];
  const candidates = explicit ? [unquote(explicit)] : GORELEASER_CONFIGS;
  for (const c of candidates) {
    const config = joinPath(dir, c);
    const text = read(config);
    if (text === undefined) continue;
    const { images, pushes } = goreleaserImages(text);
    if (!images.length) return undefined;
    const publishes =
      pushes &&
      !/--snapshot\b|--skip[-=](?:\S*,)?(?:publish|docker)\b|--skip-publish\b/.test(
        flags,
      );
    return { line, call, config, images, pushes: publishes };
  }
  return undefined;
}

// ------------------------------------------------------------------ steps

/** The step with what its `make` calls and goreleaser runs do, read from the repository. */
function resolveStep(step: CiStep, read: RepoReader): CiStep {
  const expansions: CiStepExpansion[] = [];
  const goreleaser: CiGoreleaserRun[] = [];
  const action = step.uses ?? '';
  if (
    /^goreleaser\/goreleaser-action@/.test(action) &&
    !/^true$/i.test(step.with?.['install-only'] ?? '')
  ) {
    const args = step.with?.args ?? '';
    // The action runs `goreleaser <args>`: no args is a release.
    if (!args.trim() || runsGoreleaserRelease(`goreleaser ${args}`)) {
      const run = goreleaserRun(
        read,
        step.with?.workdir,
        args,
        step.line,
        action.replace(/@.*/, '') + (args ? ` ${args}` : ''),
      );
      if (run) goreleaser.push(run);
    }
  }
  for (const { text, line } of commandLines(step)) {
    if (runsGoreleaserRelease(text)) {
      const run = goreleaserRun(read, step.workingDirectory, text, line, text);
      if (run) goreleaser.push(run);
    }
    if (!/make/.test(text)) continue;
    for (const call of makeCalls(text)) {
      const dir = joinPath(step.workingDirectory, call.dir ?? '');
      const mk = readMakefile(read, dir, call.file);
      if (!mk) continue;
      for (const word of call.targets)
        for (const target of targetCandidates(word, step.env)) {
          if (!mk.rules.has(target)) continue;
          const commands = targetCommands(mk, target, call.overrides);
          if (!commands.length) continue;
          const source = `${mk.path} target ${target}`;
          expansions.push({ line, call: call.text, source, commands });
          for (const cmd of commands)
            if (runsGoreleaserRelease(cmd)) {
              const run = goreleaserRun(
                read,
                dir,
                cmd,
                line,
                `${call.text} (${source}: ${cmd})`,
              );
              if (run) goreleaser.push(run);
            }
        }
    }
  }
  if (!expansions.length && !goreleaser.length) return step;
  return {
    ...step,
    ...(expansions.length ? { expansions } : {}),
    ...(goreleaser.length ? { goreleaser } : {}),
  };
}

/** The steps with the commands they run from repository files (Makefile targets, goreleaser configurations). */
export function withRepoCommands(steps: CiStep[], read: RepoReader): CiStep[] {
  return steps.map(s => resolveStep(s, read));
}
