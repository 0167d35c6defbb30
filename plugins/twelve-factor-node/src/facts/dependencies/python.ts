import { parse as parseToml } from 'smol-toml';
import { splitLines } from '../splitLines';
import type { DeclaredDependency } from './types';
import { lineOf } from './lines';

// PEP 440 / PEP 508: a requirement is pinned only by `==` without wildcard, or `===`.
const PINNED_PEP440 = /^(===?)\s*[^*,\s]+$/;

/** Whether a PEP 508 version spec names exactly one version. */
export function isPep440Pinned(spec: string): boolean {
  return PINNED_PEP440.test(spec.trim());
}

const REQ_LINE = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/;

/** Parses a requirements*.txt file. Options (-r, -e, --index-url…) and URLs are ignored. */
export function parseRequirementsTxt(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  splitLines(text).forEach((raw, i) => {
    // Comments are cut only where a `#` is (most lines have none).
    const line = (
      raw.includes('#') ? raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '') : raw
    ).trim();
    if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) return;
    // pip-compile --generate-hashes continues a requirement with `\` and its --hash lines.
    const m = REQ_LINE.exec(
      line
        .replace(/\s*\\$/, '')
        .split(';')[0]
        .trim(),
    );
    if (!m) return;
    const spec = m[3].trim();
    out.push({ name: m[1], spec, pinned: isPep440Pinned(spec), line: i + 1 });
  });
  return out;
}

function splitPep508(req: string): { name: string; spec: string } | undefined {
  const m = REQ_LINE.exec(req.split(';')[0].trim());
  if (!m) return undefined;
  return { name: m[1], spec: m[3].trim().replace(/^\((.*)\)$/, '$1') };
}

/** Poetry constraints: a bare version or `=1.2.3` is exact; ^, ~, *, >= are ranges. */
function isPoetryPinned(spec: string): boolean {
  const s = spec.trim();
  return /^=?=?\s*\d[\w.+-]*$/.test(s) && !s.includes('*');
}

/** Parses pyproject.toml: PEP 621 `[project]` and Poetry sections. */
export function parsePyproject(text: string): DeclaredDependency[] {
  const doc = parseToml(text) as any;
  const out: DeclaredDependency[] = [];
  for (const req of (doc.project?.dependencies ?? []) as string[]) {
    const r = splitPep508(req);
    if (r)
      out.push({
        ...r,
        pinned: isPep440Pinned(r.spec),
        line: lineOf(text, req),
      });
  }
  for (const [group, reqs] of Object.entries(
    doc.project?.['optional-dependencies'] ?? {},
  )) {
    for (const req of reqs as string[]) {
      const r = splitPep508(req);
      if (r)
        out.push({
          ...r,
          pinned: isPep440Pinned(r.spec),
          line: lineOf(text, req),
          dev: group === 'dev' || group === 'test',
        });
    }
  }
  const poetry = doc.tool?.poetry;
  const addPoetry = (
    deps: Record<string, unknown> | undefined,
    dev: boolean,
  ) => {
    for (const [name, value] of Object.entries(deps ?? {})) {
      if (name === 'python') continue;
      const spec =
        typeof value === 'string'
          ? value
          : String((value as any)?.version ?? '');
      out.push({
        name,
        spec,
        pinned: isPoetryPinned(spec),
        line: lineOf(text, name),
        dev,
      });
    }
  };
  addPoetry(poetry?.dependencies, false);
  addPoetry(poetry?.['dev-dependencies'], true);
  for (const g of Object.values(poetry?.group ?? {}))
    addPoetry((g as any)?.dependencies, true);
  return out;
}

/** Parses a Pipfile (TOML). */
export function parsePipfile(text: string): DeclaredDependency[] {
  const doc = parseToml(text) as any;
  const out: DeclaredDependency[] = [];
  const add = (deps: Record<string, unknown> | undefined, dev: boolean) => {
    for (const [name, value] of Object.entries(deps ?? {})) {
      const spec =
        typeof value === 'string'
          ? value
          : String((value as any)?.version ?? '*');
      out.push({
        name,
        spec,
        pinned: spec !== '*' && isPep440Pinned(spec),
        line: lineOf(text, name),
        dev,
      });
    }
  };
  add(doc.packages, false);
  add(doc['dev-packages'], true);
  return out;
}
