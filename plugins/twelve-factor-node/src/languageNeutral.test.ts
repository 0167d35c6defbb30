/*
 * A stored scorecard is language-neutral: one scan serves every language.
 * Every example is scored and every message it stores (findings, reasons,
 * remediation, evidence notes) is walked, nested messages and lists too:
 * a parameter is data (a name, a path, a number, a quoted line of code) or
 * a message, never prose in English nor text already said in Korean. And
 * the Korean of every evidence note that says what a code pattern found
 * (its description, from facts/code/patterns.ts) is Korean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  ENGINE_MESSAGES,
  isParamList,
  renderMessage,
  type CheckResult,
  type EngineMessage,
  type MessageParam,
} from '@internal/plugin-twelve-factor-common';
import { REPO_ROOT } from './__testUtils__';
import { scoreExample } from './__testUtils__/configLiterals';
import { createTwelveFactorEngine } from './engine/createEngine';
import { SIGNAL_PATTERNS } from './facts/code/patterns';
import { loadLocalRepo } from './sources/loadLocalRepo';

jest.setTimeout(120_000);

const HANGUL = /[가-힣]/;

/**
 * Parameters that quote the repository as it is (a line of code, a shell
 * command, a CI condition, an image tag, a hook's JSON): their words are
 * the repository's, not the engine's, so only the Hangul rule holds there.
 */
const QUOTES = new Set([
  'code',
  'command',
  'text',
  'line',
  'condition',
  'conditions',
  'hook',
  'script',
  'tag',
  'tags',
]);

/** English's small words: they join prose, never names. */
const FUNCTION_WORDS = new Set(
  'a an and are as at be but by each every for from has have in into is its more no nor not of on only or per than that the then this to via was when which with without'.split(
    ' ',
  ),
);

/** The lowercase words of the catalog's English: the words the engine writes prose with. */
const ENGLISH_WORDS = new Set(
  Object.values(ENGINE_MESSAGES).flatMap(({ en }) =>
    en
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .split(/[^A-Za-z]+/)
      .filter(w => /^[a-z]+$/.test(w)),
  ),
);

/**
 * English prose in a value: a small word of English next to another word
 * (`reads an environment variable`, `a and b`), or two lowercase words of
 * the catalog's English side by side (`health endpoint`). Items of a data
 * list (`cart, default`), names (`Argo CD`, `StatefulSet redis`) and paths
 * are not prose; a single word (`untagged`) cannot be told from a name.
 */
function prose(value: string): string | undefined {
  for (const item of value.split(/[,;]\s*/)) {
    const words = item.trim().split(/\s+/);
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = [words[i], words[i + 1]];
      if (!pair.every(w => /^[A-Za-z]+$/.test(w))) continue;
      if (
        pair.some(w => FUNCTION_WORDS.has(w)) ||
        pair.every(w => ENGLISH_WORDS.has(w))
      )
        return pair.join(' ');
    }
  }
  return undefined;
}

interface Problem {
  where: string;
  id: string;
  param: string;
  value: string;
  why: string;
}

/** The problems of one message's parameters, nested messages and lists included. */
function problemsOf(message: EngineMessage, where: string): Problem[] {
  const out: Problem[] = [];
  if (!ENGINE_MESSAGES[message.id])
    out.push({ where, id: message.id, param: '', value: '', why: 'unknown' });
  const visit = (name: string, value: MessageParam) => {
    if (typeof value === 'number') return;
    if (typeof value === 'string') {
      const base = { where, id: message.id, param: name, value };
      if (HANGUL.test(value)) out.push({ ...base, why: 'Korean text' });
      else if (!QUOTES.has(name) && prose(value))
        out.push({ ...base, why: `English prose: "${prose(value)}"` });
      return;
    }
    if (isParamList(value)) value.list.forEach(v => visit(name, v));
    else out.push(...problemsOf(value, where));
  };
  for (const [name, value] of Object.entries(message.params ?? {}))
    visit(name, value);
  return out;
}

function messagesOf(r: CheckResult): Array<[string, EngineMessage]> {
  return [
    ...(r.summaryMsg ?? []).map(
      m => ['summaryMsg', m] as [string, EngineMessage],
    ),
    ...(r.reasonMsg ?? []).map(
      m => ['reasonMsg', m] as [string, EngineMessage],
    ),
    ...(r.remediation?.textMsg ?? []).map(
      m => ['textMsg', m] as [string, EngineMessage],
    ),
    ...r.evidence.flatMap((e, i) =>
      e.noteMsg
        ? [[`evidence[${i}].noteMsg`, e.noteMsg] as [string, EngineMessage]]
        : [],
    ),
  ];
}

const EXAMPLES = [
  'auto-builder-cms',
  'payments-api',
  'legacy-reporting',
  'storefront-web',
];
const MEMBERS = ['cart', 'checkout', 'storefront'];

/** An example's results: the four services, and each member of the monorepo scored on its folder. */
async function resultsOf(name: string): Promise<CheckResult[]> {
  if (EXAMPLES.includes(name)) return (await scoreExample(name)).card.results;
  const root = path.join(REPO_ROOT, 'examples/shop-monorepo/repo');
  const codeRoot = `src/${name}`;
  const { snapshot } = await loadLocalRepo(root, {}, { codeRoot });
  const entity = parse(
    fs.readFileSync(path.join(root, codeRoot, 'catalog-info.yaml'), 'utf8'),
  );
  const card = await createTwelveFactorEngine().evaluate(
    { entity, repo: snapshot, codeRoot },
    { now: new Date('2026-11-26T00:00:00Z') },
  );
  return card.results;
}

/** Every description of the pattern table, longest first (a longer one may hold a shorter). */
const DESCRIPTIONS = [...new Set(SIGNAL_PATTERNS.map(p => p.description))].sort(
  (a, b) => b.length - a.length,
);

describe('language-neutral scorecards', () => {
  it('knows English prose from data', () => {
    expect(prose('reads an environment variable')).toBe('reads an');
    expect(prose('api and worker')).toBe('api and');
    expect(prose('health endpoint')).toBe('health endpoint');
    expect(prose('logs to stdout')).toBe('logs to');
    for (const data of [
      'Argo CD',
      'StatefulSet redis',
      'cart, default',
      'Deployment legacy-reporting',
      'web (cart), worker (cms-celery-worker)',
      'kubernetes/overlays/dev, kubernetes/overlays/prod',
      '1 Deployment, 1 StatefulSet',
    ])
      expect([data, prose(data)]).toEqual([data, undefined]);
  });

  it.each([...EXAMPLES, ...MEMBERS])(
    '%s: every message parameter is data or a message',
    async name => {
      const results = await resultsOf(name);
      const problems: Problem[] = [];
      let messages = 0;
      for (const r of results)
        for (const [field, m] of messagesOf(r)) {
          messages++;
          problems.push(...problemsOf(m, `${r.checkId} ${field}`));
        }
      expect(messages).toBeGreaterThan(150);
      expect(problems).toEqual([]);
    },
  );

  it.each([...EXAMPLES, ...MEMBERS])(
    '%s: the Korean of every note saying what a code pattern found is Korean',
    async name => {
      const results = await resultsOf(name);
      const notes = results.flatMap(r =>
        r.evidence
          .filter(e => DESCRIPTIONS.some(d => e.note?.includes(d)))
          .map(e => ({ check: r.checkId, note: e.note!, noteMsg: e.noteMsg })),
      );
      // Every example's code says something the table describes.
      expect(notes.length).toBeGreaterThan(2);
      const wrong = notes.flatMap(({ check, note, noteMsg }) => {
        const ko = noteMsg && renderMessage(noteMsg, 'ko');
        const description = DESCRIPTIONS.find(d => note.includes(d))!;
        return ko && HANGUL.test(ko) && !ko.includes(description)
          ? []
          : [{ check, note, ko }];
      });
      expect(wrong).toEqual([]);
    },
  );
});
