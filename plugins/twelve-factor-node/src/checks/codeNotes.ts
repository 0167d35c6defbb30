/*
 * Evidence notes of code matches (facts/code's signals, facts/runtimeHints'
 * hints): what the pattern found, said by its description's message, and
 * the matching line as it is.
 */
import type { EngineMessage } from '@internal/plugin-twelve-factor-common';
import { noted } from './messages';

/** A match: the line and what its pattern found. */
export interface CodeMatch {
  text: string;
  description: string;
  descriptionMsg: EngineMessage;
}

/** `<what>: <line>`, or `<what> (<role>): <line>` when the process it belongs to is known. */
export function codeNote(m: CodeMatch, role?: string) {
  return role
    ? noted('shared.code-match-role-note', {
        what: m.descriptionMsg,
        role,
        code: m.text,
      })
    : noted('shared.code-match-note', { what: m.descriptionMsg, code: m.text });
}

/** What the pattern found, alone. */
export function codeWhat(m: CodeMatch): {
  note: string;
  noteMsg: EngineMessage;
} {
  return { note: m.description, noteMsg: m.descriptionMsg };
}
