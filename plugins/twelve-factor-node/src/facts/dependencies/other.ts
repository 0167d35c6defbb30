import { parse as parseToml } from 'smol-toml';
import { splitLines } from '../splitLines';
import type { DeclaredDependency } from './types';
import { lineOf } from './lines';

/** Cargo: a bare version is a caret range; only `=x.y.z` is exact. */
export function parseCargoToml(text: string): DeclaredDependency[] {
  const doc = parseToml(text) as any;
  const out: DeclaredDependency[] = [];
  const add = (deps: Record<string, unknown> | undefined, dev: boolean) => {
    for (const [name, value] of Object.entries(deps ?? {})) {
      const v: any = value;
      const local = typeof v === 'object' && (v.path || v.workspace);
      const spec =
        typeof v === 'string'
          ? v
          : String(
              v?.version ??
                (v?.git ? `git:${v.rev ?? v.tag ?? v.branch ?? ''}` : ''),
            );
      const pinned = local || /^=\s*\d/.test(spec.trim()) || Boolean(v?.rev);
      out.push({
        name,
        spec,
        pinned: Boolean(pinned),
        line: lineOf(text, name),
        dev,
      });
    }
  };
  add(doc.dependencies, false);
  add(doc['dev-dependencies'], true);
  add(doc['build-dependencies'], true);
  return out;
}

/** Gemfile `gem` lines: pinned only with one exact version. */
export function parseGemfile(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  splitLines(text).forEach((line, i) => {
    const m = /^\s*gem\s+["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(
      line,
    );
    if (!m) return;
    const spec = m[2] ?? '';
    out.push({
      name: m[1],
      spec,
      pinned: /^=?\s*\d[\w.]*$/.test(spec.trim()),
      line: i + 1,
    });
  });
  return out;
}

/** composer.json require / require-dev. */
export function parseComposerJson(text: string): DeclaredDependency[] {
  const doc = JSON.parse(text);
  const out: DeclaredDependency[] = [];
  const add = (deps: Record<string, string> | undefined, dev: boolean) => {
    for (const [name, spec] of Object.entries(deps ?? {})) {
      if (name === 'php' || name.startsWith('ext-')) continue;
      out.push({
        name,
        spec,
        pinned: /^v?\d+\.\d+\.\d+$/.test(spec.trim()),
        line: lineOf(text, `"${name}"`),
        dev,
      });
    }
  };
  add(doc.require, false);
  add(doc['require-dev'], true);
  return out;
}
