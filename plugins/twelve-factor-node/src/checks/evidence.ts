import type {
  Evidence,
  FileEvidence,
} from '@internal/plugin-twelve-factor-common';

/** Evidence pointing at a file (and line) of the repository. */
export function fileEvidence(
  path: string,
  note?: string,
  startLine?: number,
  endLine?: number,
  target?: string,
): FileEvidence {
  // Fields added in place, in this order (the stored and shown order): a scan makes hundreds of these,
  // and conditional spreads would allocate a throw-away object per field.
  const e: FileEvidence = { type: 'file', path };
  if (startLine !== undefined) e.startLine = startLine;
  if (endLine !== undefined) e.endLine = endLine;
  if (target !== undefined) e.target = target;
  if (note !== undefined) e.note = note;
  return e;
}

/** Keeps evidence lists readable: the first n items, and a count of the rest. */
export function capEvidence(items: Evidence[], n = 10): Evidence[] {
  if (items.length <= n) return items;
  const rest = items.length - n;
  const kept = items.slice(0, n);
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = {
    ...last,
    note: `${last.note ?? ''} (and ${rest} more)`.trim(),
  };
  return kept;
}

/** "1 item" / "3 items". */
export function plural(
  n: number,
  word: string,
  pluralWord = `${word}s`,
): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
