import { renderParts } from './renderMessages';
import { firstSentence, localizedLead, remediationLead } from './leadSentence';

describe('a remediation in one line', () => {
  it('ends at the first sentence outside parentheses', () => {
    expect(firstSentence('Move it into a Secret. Then rotate it.')).toBe(
      'Move it into a Secret.',
    );
    expect(
      firstSentence('Wrap calls (e.g. src/a.ts:3) in a breaker. Then test.'),
    ).toBe('Wrap calls (e.g. src/a.ts:3) in a breaker.');
    // A parenthesis never closed: the first end anywhere.
    expect(firstSentence('Add one (see a. b. c')).toBe('Add one (see a.');
    expect(firstSentence('No end')).toBe('No end');
    expect(firstSentence('')).toBeUndefined();
  });

  it('keeps the parts that say the first sentence, and only when they say it', () => {
    const textMsg = [
      { id: 'cn-resilience.circuit-breaker.advice-at', params: { at: 'a.ts' } },
      { id: 'engine.check-failed' },
    ];
    const text = renderParts(textMsg, 'en', ' ')!;
    const lead = remediationLead({ text, textMsg });
    expect(lead).toEqual({
      text: renderParts(textMsg.slice(0, 1), 'en', ' '),
      textMsg: textMsg.slice(0, 1),
    });
    // The Korean line is the Korean first sentence, the parenthesis kept whole.
    expect(localizedLead(lead!.text, lead!.textMsg, 'ko')).toBe(
      '장애 중인 종속 서비스에 호출이 몰리지 않고 호출자가 빨리 실패하도록 다른 서비스 호출을 서킷 브레이커로 감싸세요(예: a.ts).',
    );
    expect(localizedLead(lead!.text, lead!.textMsg, 'en')).toBe(lead!.text);
    // Parts that say something else than the text: the English only.
    expect(
      remediationLead({ text: 'Do it our way. Really.', textMsg }),
    ).toEqual({ text: 'Do it our way.' });
    expect(
      remediationLead({ text: 'Custom.', textMsg: [{ id: 'x' }] }),
    ).toEqual({ text: 'Custom.' });
    expect(localizedLead('Custom.', undefined, 'ko')).toBe('Custom.');
    expect(remediationLead(undefined)).toBeUndefined();
  });
});
