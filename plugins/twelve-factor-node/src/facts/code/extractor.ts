import type { EngineMessage } from '@internal/plugin-twelve-factor-common';
import { ancillaryFolderReason } from '../ancillary';
import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { requireCodeRepo } from '../repo';
import { dependenciesFactRef } from '../dependencies/extractor';
import { Capability, capabilitiesOf } from './libraries';
import {
  languageOf,
  SIGNAL_PATTERNS,
  SignalId,
  type Language,
} from './patterns';

/** A place in the code where a signal matched. @public */
export interface SignalMatch {
  path: string;
  line: number;
  /** The matching line, trimmed. */
  text: string;
  /** What the pattern found, in English (the pattern table's description). */
  description: string;
  /** The description as a message, for notes in every language. */
  descriptionMsg: EngineMessage;
}

/** A dependency that gives a capability. @public */
export interface CapabilityMatch {
  dependency: string;
  path: string;
  line?: number;
}

/** What the source code and dependencies say. @public */
export interface CodeFact {
  languages: Language[];
  signals: Partial<Record<SignalId, SignalMatch[]>>;
  capabilities: Partial<Record<Capability, CapabilityMatch[]>>;
  /** Number of source files read. */
  files: number;
}

/** @public */
export const codeFactRef = createFactRef<CodeFact>({ id: 'repo.code' });

/** Test code and fixtures say nothing about how the app runs. */
const NOT_APP_CODE =
  /(^|\/)(tests?|__tests__|spec|specs|fixtures|testdata|e2e)\/|^(examples?|docs?|scripts?\/ci)\/|(_test\.go|\.test\.[jt]sx?|\.spec\.[jt]sx?|_test\.py|test_[^/]*\.py)$|(^|\/)(tests|conftest)\.py$/;

// Compiled once: global + multiline versions of the table's patterns, by language.
const byLanguage = new Map<
  Language,
  Array<{
    id: SignalId;
    re: RegExp;
    description: string;
    descriptionMsg: EngineMessage;
  }>
>();
for (const p of SIGNAL_PATTERNS) {
  const re = new RegExp(
    p.pattern.source,
    `${p.pattern.flags.replace(/[gm]/g, '')}gm`,
  );
  for (const l of p.languages)
    byLanguage.set(l, [
      ...(byLanguage.get(l) ?? []),
      {
        id: p.id,
        re,
        description: p.description,
        descriptionMsg: p.descriptionMsg,
      },
    ]);
}

/*
 * The matches of a global pattern, as matchAll gives them. matchAll copies
 * the RegExp on every call, and this runs every pattern of a language on
 * every source file; the shared pattern's lastIndex is set before each use.
 */
function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

function nextMatch(
  re: RegExp,
  text: string,
  previous: RegExpExecArray,
): RegExpExecArray | null {
  // An empty match would be found again: step over it (a whole code point with the u flag), as matchAll does.
  if (previous[0] === '')
    re.lastIndex =
      previous.index +
      (re.unicode && (text.codePointAt(previous.index) ?? 0) > 0xffff ? 2 : 1);
  return re.exec(text);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** @public */
export const codeExtractor: FactExtractor<CodeFact> = {
  ref: codeFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx);
    const signals: CodeFact['signals'] = {};
    const languages = new Set<Language>();
    let files = 0;
    for (const file of repo.find(
      p =>
        languageOf(p) !== undefined &&
        !NOT_APP_CODE.test(p) &&
        // Tooling scripts, vendored code, load tests and examples are not the service's code, nor minified bundles.
        ancillaryFolderReason(p) === undefined &&
        !/\.min\.[cm]?js$/.test(p),
    )) {
      if (file.text === undefined) continue;
      const lang = languageOf(file.path)!;
      languages.add(lang);
      files++;
      let starts: number[] | undefined;
      for (const p of byLanguage.get(lang) ?? []) {
        for (
          let m = firstMatch(p.re, file.text);
          m;
          m = nextMatch(p.re, file.text, m)
        ) {
          starts ??= lineStarts(file.text);
          const line = lineAt(starts, m.index);
          const text = file.text
            .slice(
              starts[line - 1],
              starts[line] !== undefined ? starts[line] - 1 : undefined,
            )
            .trim();
          (signals[p.id] ??= []).push({
            path: file.path,
            line,
            text: text.slice(0, 160),
            description: p.description,
            descriptionMsg: p.descriptionMsg,
          });
        }
      }
    }
    const capabilities: CodeFact['capabilities'] = {};
    const deps = ctx.facts.tryGet(dependenciesFactRef);
    for (const m of deps?.manifests ?? []) {
      for (const d of m.dependencies) {
        for (const cap of capabilitiesOf(m.ecosystem, d.name)) {
          (capabilities[cap] ??= []).push({
            dependency: d.name,
            path: m.path,
            ...(d.line ? { line: d.line } : {}),
          });
        }
      }
    }
    return { languages: [...languages].sort(), signals, capabilities, files };
  },
};
