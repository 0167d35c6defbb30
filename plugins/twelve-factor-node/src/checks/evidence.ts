import type {
  EngineMessage,
  Evidence,
  FileEvidence,
} from '@internal/plugin-twelve-factor-common';

/** A note in English, or as a message (`noted()` of messages.ts). */
export type Note = string | { note: string; noteMsg: EngineMessage };

/** Evidence pointing at a file (and line) of the repository. */
export function fileEvidence(
  path: string,
  note?: Note,
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
  if (typeof note === 'string') e.note = note;
  else if (note !== undefined) {
    e.note = note.note;
    e.noteMsg = note.noteMsg;
  }
  return e;
}

/** Keeps evidence lists readable: the first n items, and a count of the rest. */
export function capEvidence(items: Evidence[], n = 10): Evidence[] {
  if (items.length <= n) return items;
  const rest = items.length - n;
  const kept = items.slice(0, n);
  const last = kept[kept.length - 1];
  const { noteMsg, ...plain } = last;
  kept[kept.length - 1] = {
    ...plain,
    note: `${last.note ?? ''} (and ${rest} more)`.trim(),
    ...(noteMsg
      ? {
          noteMsg: {
            id: 'engine.note-and-more',
            params: { note: noteMsg, rest },
          },
        }
      : {}),
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
