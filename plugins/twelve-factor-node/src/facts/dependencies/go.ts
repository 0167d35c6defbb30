import type { DeclaredDependency } from './types';
import { splitLines } from '../splitLines';

/** Parses go.mod `require` directives. Go modules always name one version. */
export function parseGoMod(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  let inBlock = false;
  splitLines(text).forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(line)) {
      inBlock = true;
      return;
    }
    if (inBlock && line === ')') {
      inBlock = false;
      return;
    }
    const m = inBlock
      ? /^(\S+)\s+(\S+)/.exec(line)
      : /^require\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) return;
    const indirect = /\/\/\s*indirect/.test(raw);
    if (indirect) return;
    out.push({ name: m[1], spec: m[2], pinned: true, line: i + 1 });
  });
  return out;
}
