import { formatMessage, sayParam, type EngineMessage } from './engineMessages';
import { ENGINE_MESSAGES } from './messages';
import { localized, renderMessage, renderParts } from './renderMessages';

describe('engine messages', () => {
  it('fills parameters and counts with their noun', () => {
    expect(
      formatMessage('{{n|file|files}} in {{dir}}', { n: 1, dir: 'src' }),
    ).toBe('1 file in src');
    expect(formatMessage('{{n|file|files}}', { n: 3 })).toBe('3 files');
    expect(formatMessage('{{missing}} stays', {})).toBe('{{missing}} stays');
  });

  it('says a nested message and a list in the language of the sentence around them', () => {
    // A capped note whose note is a code match: three messages deep.
    const capped: EngineMessage = {
      id: 'engine.note-and-more',
      params: {
        note: {
          id: 'shared.code-match-note',
          params: {
            what: { id: 'code-pattern.config.env-read.process-env' },
            code: 'const url = process.env.DATABASE_URL;',
          },
        },
        rest: 2,
      },
    };
    expect(renderMessage(capped, 'en')).toBe(
      'reads process.env: const url = process.env.DATABASE_URL; (and 2 more)',
    );
    expect(renderMessage(capped, 'ko')).toBe(
      'process.env 읽음: const url = process.env.DATABASE_URL; (외 2개)',
    );
    const tags: EngineMessage = {
      id: 'f5-build-release-run.rollback.mutable',
      params: {
        workloads: { list: ['api', 'worker', 'cron'], last: 'and' },
        tag: {
          list: ['latest', { id: 'f5-build-release-run.rollback.untagged' }],
        },
      },
    };
    expect(renderMessage(tags, 'en')).toBe(
      'api, worker and cron run the mutable tag latest, untagged and no unique tag exists, so no previous release can be named',
    );
    expect(renderMessage(tags, 'ko')).toBe(
      'api, worker 및 cron이(가) 변경 가능한 태그 latest, 태그 없음을(를) 실행하고 고유 태그가 없어 이전 릴리스를 지정할 수 없음',
    );
  });

  it("joins lists: the language's word before the last item, punctuation between the others", () => {
    const say = (lang: 'en' | 'ko') => (id: string, params: any) =>
      formatMessage(ENGINE_MESSAGES[id][lang], params);
    const or = { list: ['a == 1', 'b == 2', 'c == 3'], last: 'or' as const };
    expect(sayParam(or, say('en'))).toBe('a == 1, b == 2 or c == 3');
    expect(sayParam(or, say('ko'))).toBe('a == 1, b == 2 또는 c == 3');
    expect(sayParam({ list: ['x', 'y'], last: 'and' }, say('ko'))).toBe(
      'x 및 y',
    );
    // One item is said alone, no item is nothing; without `last` the separator joins every item.
    expect(sayParam({ list: ['x'], last: 'and' }, say('en'))).toBe('x');
    expect(sayParam({ list: [], last: 'and' }, say('en'))).toBe('');
    expect(sayParam({ list: ['x', 'y', 'z'], sep: '; ' }, say('en'))).toBe(
      'x; y; z',
    );
    // Lists nest: a list item may be a message or another list.
    expect(
      sayParam(
        {
          list: [
            { id: 'engine.check-failed' },
            { list: ['p', 'q'], last: 'or' },
          ],
          sep: '; ',
        },
        say('ko'),
      ),
    ).toBe('점검 실패; p 또는 q');
  });

  it('renders nothing when a nested message is unknown, and formatMessage shows its id', () => {
    const unknownInside: EngineMessage = {
      id: 'engine.note-and-more',
      params: { note: { id: 'no.such.message' }, rest: 1 },
    };
    expect(renderMessage(unknownInside, 'ko')).toBeUndefined();
    expect(renderParts([unknownInside], 'ko')).toBeUndefined();
    expect(
      formatMessage('{{note}} (+{{rest}})', unknownInside.params, 'ko'),
    ).toBe('no.such.message (+1)');
    // Data stays data: a string that looks like a template is not filled again.
    expect(
      renderMessage(
        { id: 'engine.note-and-more', params: { note: '{{rest}}', rest: 1 } },
        'en',
      ),
    ).toBe('{{rest}} (and 1 more)');
  });

  it('renders parts with the sets they are said of, or nothing when one is unknown', () => {
    expect(
      renderParts(
        [
          { id: 'engine.check-failed', labels: ['dev', 'prd'] },
          { id: 'engine.cannot-decide' },
        ],
        'ko',
      ),
    ).toBe('dev, prd: 점검 실패; 판단할 수 없음');
    expect(
      renderParts([{ id: 'engine.check-failed' }, { id: 'nope' }], 'ko'),
    ).toBeUndefined();
    expect(localized('Check failed', [{ id: 'nope' }], 'ko')).toBe(
      'Check failed',
    );
    expect(
      localized('Check failed', [{ id: 'engine.check-failed' }], 'en'),
    ).toBe('Check failed');
  });

  it('has ids no other id extends (translation keys nest at dots)', () => {
    const ids = Object.keys(ENGINE_MESSAGES);
    for (const id of ids)
      expect([id, ids.filter(o => o.startsWith(`${id}.`))]).toEqual([id, []]);
  });

  it('has Korean for every message, with the same parameters as the English', () => {
    const names = (t: string) =>
      [...t.matchAll(/\{\{(\w+)/g)].map(m => m[1]).sort();
    for (const [id, { en, ko }] of Object.entries(ENGINE_MESSAGES)) {
      // A template of parameters and punctuation only (`{{what}}: {{code}}`) has no words to translate.
      const words = /[A-Za-z]/.test(en.replace(/\{\{[^}]*\}\}/g, ''));
      expect([id, /[가-힣]/.test(ko) || !words]).toEqual([id, true]);
      expect([id, names(ko)]).toEqual([id, names(en)]);
      // Korean needs no plural forms; i18next renders only {{name}}.
      expect([id, /\{\{\w+\|/.test(ko)]).toEqual([id, false]);
    }
  });
});
