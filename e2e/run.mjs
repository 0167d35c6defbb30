// End-to-end test: starts the product exactly as the README's start command
// does (Backstage app + backend on in-memory SQLite with the examples), signs
// in as guest in a real Chromium, opens the Twelve-Factor tab of the example
// service and checks the verdicts the backend computed. Saves screenshots to
// test-results/. Run with: yarn test:e2e. The same tests run on the new
// frontend system's app in e2e/next.mjs; they live in e2e/tabTests.mjs.
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

const APP = process.env.TF_E2E_APP_URL ?? 'http://localhost:3000';

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
  legacyApp.browser = await launchChromium();
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
  () => checkKorean(legacyApp),
);
