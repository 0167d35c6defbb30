import { scoreChange } from './HistorySection';

describe('scoreChange', () => {
  it('says how a score moved against the entry before it, to one decimal', () => {
    expect(scoreChange(69.44, 64.2)).toBe('+5.2');
    expect(scoreChange(50, 62.5)).toBe('-12.5');
    expect(scoreChange(50, 50.01)).toBe('±0');
    expect(scoreChange(null, 50)).toBe('');
    expect(scoreChange(50, null)).toBe('');
    expect(scoreChange(50, undefined)).toBe('');
  });
});
