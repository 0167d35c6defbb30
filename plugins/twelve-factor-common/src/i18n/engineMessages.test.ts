import { formatMessage } from './engineMessages';
import { ENGINE_MESSAGES } from './messages';
import { localized, renderParts } from './renderMessages';

describe('engine messages', () => {
  it('fills parameters and counts with their noun', () => {
    expect(
      formatMessage('{{n|file|files}} in {{dir}}', { n: 1, dir: 'src' }),
    ).toBe('1 file in src');
    expect(formatMessage('{{n|file|files}}', { n: 3 })).toBe('3 files');
    expect(formatMessage('{{missing}} stays', {})).toBe('{{missing}} stays');
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
      expect([id, /[가-힣]/.test(ko)]).toEqual([id, true]);
      expect([id, names(ko)]).toEqual([id, names(en)]);
      // Korean needs no plural forms; i18next renders only {{name}}.
      expect([id, /\{\{\w+\|/.test(ko)]).toEqual([id, false]);
    }
  });
});
