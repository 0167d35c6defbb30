// Browser test of the fleet view at 5,000 services, on a production build of
// the app served by the backend (not the dev server). Seeds a generated fleet
// (5,000 services with 90 days of history, and the matching catalog: groups,
// systems, domains, components) into a fresh SQLite directory, starts the
// backend on it, signs in as guest in Debian's Chromium and:
// - times the first heatmap rows after an in-app navigation (target 1.5 s);
// - scrolls to the last row; filters by owner; exports CSV and counts its rows;
// - opens a campaign and the trend; opens a group's rollup tab;
// - saves screenshots of each view in English and Korean (test-results/).
// Run with: node --test e2e/fleet.mjs (TF_FLEET_SERVICES to change the size)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { launchChromium } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-results');
const SERVICES = Number(process.env.TF_FLEET_SERVICES ?? 5000);
const PORT = Number(process.env.TF_FLEET_PORT ?? 7017);
const APP = `http://localhost:${PORT}`;
const FIRST_ROWS_TARGET_MS = 1500;
/** What each view shows once its data is in. */
const HEATMAP_ROW = '[data-testid="fleet-heatmap"] [aria-rowindex="2"]';
/** The tab's content after an in-app navigation on a production build. */
const TAB_TARGET_MS = 1500;
const TREND_LINE = '[data-testid="fleet-trend"] svg .recharts-line';
const ROLLUP_ROW = '[data-testid^="rollup-group:default/team-"]';

let backend;
let browser;
let fleet;
const metrics = [];

function log(line) {
  metrics.push(line);
  console.log(`# ${line}`);
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (backend && backend.exitCode !== null)
      throw new Error(`the backend exited with ${backend.exitCode}`);
    try {
      if (await check()) return;
    } catch (e) {
      last = e.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${what} not ready after ${timeoutMs} ms (${last ?? 'no answer'})`,
  );
}

function run(cmd, args, label) {
  const started = Date.now();
  const out = execFileSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  log(`${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });

  // The production build of the app, which the backend's app plugin serves.
  run('yarn', ['workspace', 'app', 'build'], 'app production build');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-fleet-e2e-'));
  fleet = JSON.parse(
    run(
      'node',
      [
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        'plugins/twelve-factor-backend/bench/seedFleetDb.ts',
        dir,
        String(SERVICES),
      ],
      `seeded ${SERVICES} services`,
    ),
  );
  const config = {
    app: { baseUrl: APP },
    backend: {
      baseUrl: APP,
      listen: { port: PORT },
      database: { client: 'better-sqlite3', connection: { directory: dir } },
    },
    catalog: {
      rules: [
        {
          allow: ['Component', 'System', 'Domain', 'Group', 'User', 'Location'],
        },
      ],
      locations: [
        { type: 'file', target: path.join(dir, 'catalog.yaml') },
        // One real service, whose tab the test opens.
        {
          type: 'file',
          target: path.join(
            ROOT,
            'examples/auto-builder-cms/repo/catalog-info.yaml',
          ),
        },
      ],
    },
    twelveFactor: {
      sources: {
        fromFileLocations: false,
        local: [
          {
            entityRef: 'component:default/auto-builder-cms',
            path: path.join(ROOT, 'examples/auto-builder-cms/repo'),
          },
        ],
      },
      // The seeded fleet is what is measured: no scan and no sync during the test.
      schedule: { initialDelay: { hours: 1 } },
      catalogSync: { initialDelay: { hours: 1 } },
      clusters: [],
      clusterDumps: [],
    },
    kubernetes: { clusterLocatorMethods: [] },
  };
  fs.writeFileSync(path.join(dir, 'e2e.yaml'), stringify(config));
  const started = Date.now();
  backend = spawn(
    'node',
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/backend/src/index.ts',
      '--config',
      'app-config.yaml',
      '--config',
      path.join(dir, 'e2e.yaml'),
    ],
    {
      cwd: ROOT,
      // The guest provider signs in only in development mode; the app served is still the production build.
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: [
        'ignore',
        fs.openSync(path.join(OUT, 'fleet-backend.log'), 'w'),
        fs.openSync(path.join(OUT, 'fleet-backend.log'), 'a'),
      ],
      detached: true,
    },
  );
  await waitFor(
    async () => (await fetch(`${APP}/api/twelve-factor/health`)).ok,
    240_000,
    'the backend',
  );
  // The catalog ingests the fleet's groups (the group tab reads their tree).
  await waitFor(
    async () =>
      (
        await fetch(
          `${APP}/api/catalog/entities/by-name/group/default/dept-0`,
          {
            headers: { authorization: `Bearer ${await guestToken()}` },
          },
        )
      ).ok,
    300_000,
    'the catalog',
  );
  log(
    `backend up and catalog ingested in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );

  browser = await launchChromium();
});

let token;
async function guestToken() {
  if (token) return token;
  const res = await fetch(`${APP}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = await res.json();
  token = body.backstageIdentity.token;
  return token;
}

after(async () => {
  await browser?.close();
  if (backend) {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {}
  }
  fs.writeFileSync(
    path.join(OUT, 'fleet-metrics.txt'),
    `${metrics.join('\n')}\n`,
  );
});

/**
 * Picks an option of an open autocomplete once the list shows only options
 * with the text: clicking while the list still re-renders after typing can
 * land on another option.
 */
async function pickOption(page, text) {
  const options = page.locator('ul[role="listbox"] li[role="option"]');
  await waitFor(
    async () => {
      const texts = await options.allTextContents();
      return texts.length > 0 && texts.every(t => t.includes(text));
    },
    15_000,
    `the options for '${text}'`,
  );
  await options.first().click();
}

async function rowCount(page) {
  return (
    Number(
      await page.getByTestId('fleet-heatmap').getAttribute('aria-rowcount'),
    ) - 1
  );
}

test(
  `the fleet view at ${SERVICES} services, on a production build`,
  { timeout: 900_000 },
  async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const failures = [];
    page.on('pageerror', e => failures.push(e.message));

    // Sign in (guest), on the home page: the catalog with the fleet card.
    await page.goto(`${APP}/`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 60_000 });
    await enter.click();
    const card = page.getByTestId('fleet-card-services');
    await card.waitFor({ timeout: 60_000 });
    await waitFor(
      async () => Number(await card.textContent()) === SERVICES,
      60_000,
      `the fleet card (showing ${await card.textContent()})`,
    );

    // In-app navigation to the overview: the first heatmap rows, timed.
    const timings = [];
    const onResponse = r => {
      if (/\/api\/twelve-factor\/|\.js$/.test(r.url()))
        timings.push([r.url().replace(APP, ''), Date.now() - started]);
    };
    page.on('response', onResponse);
    const started = Date.now();
    await page.getByRole('link', { name: 'Twelve-Factor' }).first().click();
    await page.locator(HEATMAP_ROW).waitFor({ timeout: 30_000 });
    const firstRowsMs = Date.now() - started;
    for (const [url, ms] of timings) log(`  ${url} answered after ${ms} ms`);
    log(
      `first heatmap rows after in-app navigation: ${firstRowsMs} ms (target ${FIRST_ROWS_TARGET_MS} ms)`,
    );
    assert.ok(
      firstRowsMs < FIRST_ROWS_TARGET_MS,
      `first rows in ${firstRowsMs} ms`,
    );
    assert.equal(await rowCount(page), SERVICES);
    await page.screenshot({ path: path.join(OUT, 'fleet-heatmap.png') });

    // To the last row: the rows load page by page as the grid scrolls.
    const scroll = page.getByTestId('fleet-heatmap-scroll');
    const last = page.locator(
      `[data-testid="fleet-heatmap"] [aria-rowindex="${SERVICES + 1}"]`,
    );
    const scrollStarted = Date.now();
    for (let i = 0; i < 200 && !(await last.isVisible()); i++) {
      await scroll.evaluate(el => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(100);
    }
    await last.waitFor({ timeout: 30_000 });
    log(`scrolled to row ${SERVICES} in ${Date.now() - scrollStarted} ms`);
    const rendered = await page
      .locator('[data-testid="fleet-heatmap"] [aria-rowindex]')
      .count();
    assert.ok(
      rendered < 100,
      `a virtualised grid keeps few rows in the page (${rendered})`,
    );

    // Back to the top, once the pages the scroll asked for have arrived.
    await waitFor(
      async () => (await page.getByTestId('heatmap-row-loading').count()) === 0,
      15_000,
      'the scrolled pages',
    );
    await scroll.evaluate(el => el.scrollTo(0, 0));

    // Filter by owner, through the filter's own list.
    const owner = fleet.owners[7];
    const ownerFilter = page.getByTestId('fleet-filter-owner');
    await ownerFilter.click();
    await ownerFilter.fill(owner.replace('group:default/', ''));
    await pickOption(page, owner.replace('group:default/', ''));
    await page.keyboard.press('Escape');
    // The address is the view's state (history.replaceState: no navigation event to wait for).
    await waitFor(
      async () =>
        new URL(page.url()).searchParams.getAll('owner').includes(owner),
      15_000,
      `the owner ${owner} in the address (${page.url()})`,
    );
    await page.locator(HEATMAP_ROW).waitFor();
    const api = await (
      await fetch(
        `${APP}/api/twelve-factor/fleet?owner=${encodeURIComponent(
          owner,
        )}&limit=1`,
        {
          headers: { authorization: `Bearer ${await guestToken()}` },
        },
      )
    ).json();
    await waitFor(
      async () => (await rowCount(page)) === api.total,
      10_000,
      'the owner filter',
    );
    log(`owner filter ${owner}: ${api.total} services`);
    assert.ok(api.total > 0 && api.total < SERVICES);
    await page.screenshot({ path: path.join(OUT, 'fleet-heatmap-owner.png') });

    // Export the current view as CSV: every row, not a page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fleet-export-csv').first().click(),
    ]);
    const csv = fs
      .readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    assert.equal(
      csv.length - 1,
      api.total,
      'the CSV holds every service of the view',
    );
    assert.match(csv[0], /^entityRef,/);
    for (const line of csv.slice(1)) assert.ok(line.includes(owner), line);

    // A campaign: a check across the (still filtered) fleet, by owner.
    await page.getByTestId('fleet-view-campaign').click();
    const check = page.getByTestId('campaign-check');
    await check.click();
    // Options are the checks' titles (f3-config.secrets).
    await check.fill('Kubernetes Secrets supply credentials');
    await pickOption(page, 'f3-config.secrets');
    await waitFor(
      async () =>
        new URL(page.url()).searchParams.get('check') === 'f3-config.secrets',
      15_000,
      `the check in the address (${page.url()})`,
    );
    await page.getByTestId('campaign-total').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('campaign-total').textContent(), /\d/);
    await page.getByTestId('campaign-chart').waitFor();
    await page.screenshot({ path: path.join(OUT, 'fleet-campaign.png') });

    // The trend, for the whole fleet.
    await page.goto(`${APP}/twelve-factor?view=trend&days=90`);
    await page.locator(TREND_LINE).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'fleet-trend.png') });

    // Rollups by owner.
    await page.goto(`${APP}/twelve-factor?view=rollups&by=owner`);
    await page.locator(ROLLUP_ROW).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'fleet-rollups.png') });

    // A group's rollup tab: its teams' services only.
    const dept = fleet.departments[0];
    await page.goto(
      `${APP}/catalog/default/group/${dept.replace(
        'group:default/',
        '',
      )}/twelve-factor`,
    );
    await page.locator(HEATMAP_ROW).waitFor({ timeout: 60_000 });
    const within = await (
      await fetch(
        `${APP}/api/twelve-factor/fleet?within=${encodeURIComponent(
          dept,
        )}&limit=1`,
        {
          headers: { authorization: `Bearer ${await guestToken()}` },
        },
      )
    ).json();
    assert.ok(within.total > 0 && within.total < SERVICES);
    await waitFor(
      async () => (await rowCount(page)) === within.total,
      10_000,
      'the group tab',
    );
    log(`group ${dept}: ${within.total} services on its tab`);
    await page.screenshot({ path: path.join(OUT, 'fleet-group-tab.png') });

    // The whole fleet, for the README: grouped by owner, a campaign, the trend.
    await page.goto(`${APP}/twelve-factor?groupBy=owner`);
    await page.locator(HEATMAP_ROW).waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(OUT, 'fleet-heatmap-by-owner.png'),
    });
    await page.goto(
      `${APP}/twelve-factor?view=campaign&check=f3-config.secrets&verdict=fail,partial`,
    );
    await page.getByTestId('campaign-total').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'fleet-campaign-fleet.png') });

    // Korean: every view again.
    await page.evaluate(() => window.localStorage.setItem('language', 'ko'));
    const group = dept.replace('group:default/', '');
    for (const [file, address, ready] of [
      ['fleet-heatmap', '/twelve-factor', HEATMAP_ROW],
      [
        'fleet-campaign',
        '/twelve-factor?view=campaign&check=f3-config.secrets&verdict=fail,partial',
        '[data-testid="campaign-total"]',
      ],
      ['fleet-trend', '/twelve-factor?view=trend&days=90', TREND_LINE],
      ['fleet-rollups', '/twelve-factor?view=rollups&by=owner', ROLLUP_ROW],
      [
        'fleet-group-tab',
        `/catalog/default/group/${group}/twelve-factor`,
        HEATMAP_ROW,
      ],
    ]) {
      await page.goto(`${APP}${address}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
      assert.match(await page.locator('body').textContent(), /[가-힣]/, file);
      await page.screenshot({ path: path.join(OUT, `${file}.ko.png`) });
    }

    // A real service's tab after an in-app navigation from its overview
    // page, timed (the generated fleet has no catalog entities to open).
    // Last: scanning it makes the fleet one service larger.
    await page.evaluate(() => window.localStorage.setItem('language', 'en'));
    const headers = { authorization: `Bearer ${await guestToken()}` };
    await waitFor(
      async () =>
        (
          await fetch(
            `${APP}/api/catalog/entities/by-name/component/default/auto-builder-cms`,
            { headers },
          )
        ).ok,
      120_000,
      'the example service in the catalog',
    );
    const scanned = await fetch(
      `${APP}/api/twelve-factor/scorecards/component/default/auto-builder-cms/refresh`,
      { method: 'POST', headers },
    );
    assert.equal(scanned.status, 200);
    await page.goto(`${APP}/catalog/default/component/auto-builder-cms`);
    await page.getByTestId('twelve-factor-card').waitFor({ timeout: 60_000 });
    const tabStarted = Date.now();
    await page.getByRole('tab', { name: 'Twelve-Factor' }).click();
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 30_000 })
      .catch(async e => {
        await page.screenshot({ path: path.join(OUT, 'fleet-tab-failed.png') });
        throw e;
      });
    const tabMs = Date.now() - tabStarted;
    log(
      `auto-builder-cms tab content after in-app navigation: ${tabMs} ms (target ${TAB_TARGET_MS} ms)`,
    );
    assert.ok(tabMs < TAB_TARGET_MS, `tab content in ${tabMs} ms`);

    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  },
);
