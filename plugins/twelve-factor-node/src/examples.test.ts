/*
 * Every example service reaches the verdicts of its expected.yaml on all 92
 * checks (the monorepo example's members are held to theirs in
 * monorepo.test.ts, and auto-builder-cms to the by-hand report in
 * golden.test.ts as well).
 */
import { scoreExample } from './__testUtils__/configLiterals';

describe('the examples', () => {
  it.each([
    'auto-builder-cms',
    'payments-api',
    'legacy-reporting',
    'storefront-web',
  ])('%s agrees with its expected.yaml on every check', async name => {
    const { card, expected } = await scoreExample(name);
    expect(card.results).toHaveLength(92);
    const got = Object.fromEntries(
      card.results.map(r => [r.checkId, r.verdict]),
    );
    expect(got).toEqual(
      Object.fromEntries(Object.keys(got).map(id => [id, expected[id]])),
    );
  });
});
