/*
 * Remediation snippets read in Korean: every comment line of every snippet
 * the examples get (and a generated document's prose) has its message, so
 * that the Korean reader sees it in Korean, and the code around it stays
 * byte for byte what the English reader gets.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  localizedSnippet,
  type RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import { scoreAllExamples } from '../__testUtils__/allExamples';

jest.setTimeout(120_000);

const HANGUL = /[가-힣]/;

/** A line a reader reads as prose: a comment (whole-line or after the code), or a generated document's sentence. */
function isProse(line: string, snippet: RemediationSnippet): boolean {
  const t = line.trim();
  if (!t) return false;
  if (/^(#|\/\/|<!--)/.test(t)) return true;
  // A YAML or shell comment after the code (`newTag: x  # CI: …`).
  if (
    /\s#\s/.test(line) &&
    /^(yaml|shell|python|dockerfile|toml)$/.test(snippet.language)
  )
    return true;
  // A Markdown document the snippet creates or extends: its sentences, not its list of names.
  return (
    /\.md$/i.test(snippet.path ?? '') && !/^[-*] /.test(t) && !t.startsWith('`')
  );
}

describe('remediation snippets in Korean', () => {
  let snippets: Array<{ where: string; snippet: RemediationSnippet }>;

  beforeAll(async () => {
    snippets = [];
    for (const { name, card } of await scoreAllExamples())
      for (const r of card.results)
        if (r.remediation?.snippet)
          snippets.push({
            where: `${name} ${r.checkId}`,
            snippet: r.remediation.snippet,
          });
  });

  it('gives every prose line of every example snippet a Korean rendering, and keeps the code as written', () => {
    let proseLines = 0;
    const problems: string[] = [];
    for (const { where, snippet } of snippets) {
      // English readers get the content as stored.
      if (localizedSnippet(snippet, 'en') !== snippet.content)
        problems.push(`${where}: the English changed`);
      const en = snippet.content.split('\n');
      const ko = localizedSnippet(snippet, 'ko').split('\n');
      if (ko.length !== en.length) problems.push(`${where}: lines changed`);
      for (let i = 0; i < en.length; i++) {
        const line = en[i];
        if (!isProse(line, snippet)) {
          // Code is the same in both languages.
          if (ko[i] !== line) problems.push(`${where}: code changed: ${line}`);
          continue;
        }
        proseLines++;
        if (!HANGUL.test(ko[i])) problems.push(`${where}: in English: ${line}`);
        // The code before a trailing comment is kept.
        const trailing = /^(\s*[^#\s].*?)\s+#\s/.exec(line);
        if (trailing && !ko[i].startsWith(trailing[1]))
          problems.push(`${where}: code changed: ${line}`);
      }
      // Every comment message is said where the content holds its text.
      for (const c of snippet.comments ?? [])
        if (!snippet.content.includes(c.text))
          problems.push(`${where}: no ${c.text}`);
    }
    expect(problems).toEqual([]);
    // The examples do reach commented snippets (this test would pass vacuously otherwise).
    expect(proseLines).toBeGreaterThanOrEqual(10);
  });

  it('leaves no comment prose written into a check as a plain string (it goes through snippetComment)', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              // TypeScript's own comments are not snippets.
              if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
              // A string (or a line of one) that opens a comment with words.
              if (
                /(['"`]|\\n)[ \t]*(#{1,2}|\/\/|<!--) +[A-Za-z…$]/.test(line) ||
                /^\s*#{1,2} +[A-Za-z…$]/.test(line)
              )
                found.push(
                  `${path.relative(__dirname, p)}:${i + 1}: ${line.trim()}`,
                );
            });
      }
    };
    walk(__dirname);
    expect(found).toEqual([]);
  });
});
