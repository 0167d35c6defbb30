// The browser tests of e2e/run.mjs on the example app built on Backstage's
// new frontend system (packages/app-next: createApp from
// @backstage/frontend-defaults with the plugin's /alpha features), against
// its own backend: `scripts/start.sh app-next backend` starts the app on
// :3001 and the same backend and dev clusters as the legacy app's run.
// Screenshots go to test-results/ with a `next-` prefix.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.mjs';
import {
  BACKEND,
  OUT,
  checkKorean,
  checkTab,
  checkWaivers,
  startProduct,
  stopProduct,
} from './tabTests.mjs';

/** @type {import('./tabTests.mjs').AppUnderTest} */
const nextApp = {
  app: process.env.TF_E2E_NEXT_APP_URL ?? 'http://localhost:3001',
  backend: BACKEND,
  prefix: 'next-',
  log: path.join(OUT, 'next-product.log'),
};

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  if (!process.env.TF_E2E_NEXT_APP_URL)
    await startProduct(nextApp, ['app-next', 'backend']);
  nextApp.browser = await launchChromium();
});

after(async () => {
  await nextApp.browser?.close();
  await stopProduct(nextApp);
});

test(
  'new frontend system: the Twelve-Factor tab shows the verdicts the backend computed for auto-builder-cms',
  { timeout: 300_000 },
  () => checkTab(nextApp),
);

test(
  "new frontend system: an owner waives a check from the tab; someone else's service offers no waive action and refuses it",
  { timeout: 300_000 },
  () => checkWaivers(nextApp),
);

test('new frontend system: the tab in Korean', { timeout: 300_000 }, () =>
  checkKorean(nextApp),
);
