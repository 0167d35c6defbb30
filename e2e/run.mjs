// End-to-end test: starts the product exactly as the README's start command
// does (Backstage app + backend on in-memory SQLite with the examples), signs
// in as guest in a real Chromium, opens the Twelve-Factor tab of the example
// service and checks the verdicts the backend computed. Saves screenshots to
// test-results/. Run with: yarn test:e2e. The same tests run on the new
// frontend system's app in e2e/next.mjs; they live in e2e/tabTests.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.mjs';
import {
  BACKEND,
  OUT,
  checkTab,
  checkWaivers,
  startProduct,
  stopProduct,
} from './tabTests.mjs';

const APP = process.env.TF_E2E_APP_URL ?? 'http://localhost:3000';
/** @type {import('playwright-core').Browser} */
let browser;

/** @type {import('./tabTests.mjs').AppUnderTest} */
const legacyApp = {
  app: APP,
  backend: BACKEND,
  prefix: '',
  log: path.join(OUT, 'product.log'),
};

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  // The README's start command, as a newcomer runs it.
  if (!process.env.TF_E2E_APP_URL) await startProduct(legacyApp, []);
  browser = legacyApp.browser = await launchChromium();
});

after(async () => {
  await legacyApp.browser?.close();
  await stopProduct(legacyApp);
});

test(
  'the Twelve-Factor tab shows the verdicts the backend computed for auto-builder-cms',
  { timeout: 300_000 },
  () => checkTab(legacyApp),
);

test(
  "an owner waives a check from the tab; someone else's service offers no waive action and refuses it",
  { timeout: 300_000 },
  () => checkWaivers(legacyApp),
);

test(
  'the tab in Korean: every check title, finding and remediation paragraph reads in Korean',
  { timeout: 300_000 },
  async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1800 },
    });
    const failures = [];
    page.on('pageerror', e => failures.push(e.message));
    const tab = `${APP}/catalog/default/component/auto-builder-cms/twelve-factor`;
    await page.goto(tab);
    const enter = page.getByRole('button', { name: 'Enter' });
    await Promise.race([
      enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
      page.getByTestId('twelve-factor-content').waitFor({ timeout: 60_000 }),
    ]);
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(OUT, 'twelve-factor-tab-en.png') });

    // The language the app keeps for the reader (Settings → Language).
    await page.evaluate(() => window.localStorage.setItem('language', 'ko'));
    await page.reload();
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 120_000 });
    const hangul = /[가-힣]/;
    await page.waitForFunction(
      () =>
        /[가-힣]/.test(
          document.querySelector('[data-testid="check-summary"]')
            ?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );

    // Every check, gaps or not: titles and findings.
    await page.getByTestId('view-all').click();
    const rows = await page.$$eval(
      '[data-testid^="check-"][data-verdict]',
      els =>
        els.map(e => ({
          id: e.getAttribute('data-testid'),
          title:
            e.querySelector('[data-testid="check-title"]')?.textContent ?? '',
          summary:
            e.querySelector('[data-testid="check-summary"]')?.textContent ?? '',
        })),
    );
    assert.equal(rows.length, 92);
    // Code, paths and object names are not prose: a title that is only an
    // object's name (PodDisruptionBudget) reads the same in Korean.
    const prose = text => hangul.test(text) || /^[\w./-]+$/.test(text.trim());
    const english = rows.filter(r => !prose(r.title) || !prose(r.summary));
    assert.deepEqual(
      english.map(r => `${r.id}: ${r.title} — ${r.summary}`),
      [],
      'every title and finding has Korean',
    );

    // The gaps' remediation paragraphs.
    await page.getByTestId('view-gaps').click();
    const gaps = page.locator('[data-testid^="check-"][data-verdict]');
    const count = await gaps.count();
    const untranslated = [];
    for (let i = 0; i < count; i++) {
      const row = gaps.nth(i);
      await row.locator('[aria-expanded]').first().click();
      const remediation = row.getByTestId('check-remediation');
      if ((await remediation.count()) === 0) continue;
      await remediation.locator('p').first().waitFor({ timeout: 10_000 });
      for (const p of await remediation.locator('p').allTextContents())
        if (!hangul.test(p))
          untranslated.push(`${await row.getAttribute('data-testid')}: ${p}`);
    }
    assert.deepEqual(
      untranslated,
      [],
      'every remediation paragraph has Korean',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'twelve-factor-tab-ko.png') });
    await page.evaluate(() => window.localStorage.setItem('language', 'en'));
    assert.deepEqual(failures, [], 'no uncaught errors in the page');
  },
);
