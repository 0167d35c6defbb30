import { cellText, NO_SCORE_STEP, SCORE_STEPS, stepOf } from './scoreScale';
import { AREA_COLUMNS } from './areaCodes';

describe('the heatmap scale', () => {
  it('puts every score in one step of 20 points and none in the empty step', () => {
    expect(
      [0, 19.9, 20, 59, 60, 79.99, 80, 100].map(s =>
        SCORE_STEPS.indexOf(stepOf(s) as any),
      ),
    ).toEqual([0, 0, 1, 2, 3, 3, 4, 4]);
    expect(stepOf(null)).toBe(NO_SCORE_STEP);
    expect(stepOf(undefined)).toBe(NO_SCORE_STEP);
    expect([cellText(null), cellText(66.6), cellText(0)]).toEqual([
      '–',
      '67',
      '0',
    ]);
  });

  it('codes the 19 areas with numerals and abbreviations, each once', () => {
    const codes = AREA_COLUMNS.map(c => c.code);
    expect(codes).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
      'CTR',
      'ORC',
      'OBS',
      'RES',
      'SCL',
      'SEC',
      'CI',
    ]);
    expect(new Set(codes).size).toBe(19);
  });
});
