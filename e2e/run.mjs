// End-to-end test: starts the product exactly as the README's start command
// does (Backstage app + backend on in-memory SQLite with the examples), signs
// in as guest in a real Chromium, opens the Twelve-Factor tab of the example
// service and checks the verdicts the backend computed. Saves screenshots to
// test-results/. Run with: yarn test:e2e
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { launchChromium } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-results');
const APP = process.env.TF_E2E_APP_URL ?? 'http://localhost:3000';
const BACKEND = process.env.TF_E2E_BACKEND_URL ?? 'http://localhost:7007';
const expected = parse(
  fs.readFileSync(
    path.join(ROOT, 'examples/auto-builder-cms/expected.yaml'),
    'utf8',
  ),
);

let product;
let browser;
let startupMs = 0;

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (product && product.exitCode !== null)
      throw new Error(`the product exited with ${product.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} not up after ${timeoutMs} ms (${last})`);
}

/** Resident memory of a process tree, in MiB, from /proc, with the biggest members. */
function treeRss(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc').filter(e => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let kb = 0;
  const members = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(
        fs.readFileSync(`/proc/${p}/status`, 'utf8'),
      );
      if (m) {
        kb += Number(m[1]);
        const cmd = fs
          .readFileSync(`/proc/${p}/cmdline`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map(a => a.split('/').slice(-2).join('/'))
          .join(' ');
        members.push({
          mib: Math.round(Number(m[1]) / 1024),
          cmd: cmd.slice(0, 90),
        });
      }
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  members.sort((a, b) => b.mib - a.mib);
  return {
    total: Math.round(kb / 1024),
    top: members.filter(m => m.mib >= 50),
  };
}

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  if (!process.env.TF_E2E_APP_URL) {
    const started = Date.now();
    // The README's start command, as a newcomer runs it.
    product = spawn('scripts/start.sh', [], {
      cwd: ROOT,
      env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
      stdio: [
        'ignore',
        fs.openSync(path.join(OUT, 'product.log'), 'w'),
        fs.openSync(path.join(OUT, 'product.log'), 'a'),
      ],
      detached: true,
    });
    await waitForHttp(`${BACKEND}/api/twelve-factor/health`, 240_000);
    await waitForHttp(APP, 240_000);
    startupMs = Date.now() - started;
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (product) {
    try {
      process.kill(-product.pid, 'SIGTERM');
    } catch {}
  }
});

test(
  'the Twelve-Factor tab shows the verdicts the backend computed for auto-builder-cms',
  { timeout: 300_000 },
  async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1800 },
    });
    const failures = [];
    page.on('pageerror', e => failures.push(e.message));
    await page.goto(
      `${APP}/catalog/default/component/auto-builder-cms/twelve-factor`,
    );

    // Real sign-in through the auth backend's guest provider.
    const enter = page.getByRole('button', { name: 'Enter' });
    await Promise.race([
      enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
      page.getByTestId('twelve-factor-content').waitFor({ timeout: 60_000 }),
    ]);
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 120_000 });

    const listed = () =>
      page.$$eval('[data-testid^="check-"][data-verdict]', els =>
        els.map(e => [
          e.getAttribute('data-testid').slice('check-'.length),
          e.getAttribute('data-verdict'),
        ]),
      );
    // Gaps first: only the checks not met or partly met are listed.
    const gaps = Object.values(expected.verdicts).filter(
      v => v === 'fail' || v === 'partial',
    ).length;
    const gapsOnScreen = await listed();
    assert.equal(gapsOnScreen.length, gaps, 'the gaps are listed by default');
    assert.ok(gapsOnScreen.every(([, v]) => v === 'fail' || v === 'partial'));
    // Every check of the example is decided: no unknowns panel.
    assert.equal(await page.getByTestId('unknowns-panel').count(), 0);
    await page.getByTestId('view-all').click();

    // Every decided verdict on screen matches the by-hand report.
    const onScreen = await listed();
    assert.equal(onScreen.length, 92, 'all 92 checks are listed');
    const decided = onScreen.filter(([, v]) => v !== 'unknown');
    assert.ok(
      decided.length >= 9,
      `at least the 9 implemented checks are decided (got ${decided.length})`,
    );
    for (const [id, verdict] of decided) {
      assert.equal(verdict, expected.verdicts[id], `${id} on screen`);
    }
    // The score history lists at least the scan on screen.
    await page.getByTestId('score-history').waitFor({ timeout: 30_000 });
    assert.ok(
      (await page.getByTestId('history-change').count()) >= 1,
      'the history has an entry',
    );
    const f2 = await page
      .getByTestId('area-score-f2-dependencies')
      .textContent();
    assert.equal(f2, `${expected.area_scores_in_report['f2-dependencies']}%`);

    // Open a gap: its evidence and remediation are there.
    const pinned = page.getByTestId('check-f2-dependencies.pinned');
    await pinned.click();
    await pinned.getByTestId('evidence').waitFor();
    assert.match(await pinned.textContent(), /requirements\.txt:\d+/);
    assert.match(await pinned.textContent(), /langchain/);
    // File evidence links to the file and line in the repository's web UI.
    const href = await pinned
      .getByTestId('evidence')
      .locator('a')
      .first()
      .getAttribute('href');
    assert.match(
      href,
      /^https:\/\/github\.com\/example-org\/auto-builder-cms-dev\/tree\/main\/requirements\.txt#L\d+$/,
    );

    // A finding repeated across deploy targets is listed once, with its targets once each.
    const hpa = page.getByTestId('check-f8-concurrency.hpa');
    await hpa.locator('[aria-expanded]').first().click();
    const targets = hpa.getByTestId('evidence-targets').first();
    await targets.waitFor();
    const codes = await targets.locator('code').allTextContents();
    assert.ok(codes.length >= 2, `several targets: ${codes.join(', ')}`);
    assert.equal(new Set(codes).size, codes.length, 'each target once');
    await page.screenshot({
      path: path.join(OUT, 'twelve-factor-tab.png'),
      fullPage: false,
    });

    // Rescan: progress, then what changed.
    await page.getByText('Rescan').click();
    const rescanned = page.getByTestId('rescan-result');
    await rescanned.waitFor({ timeout: 120_000 });
    assert.match(await rescanned.textContent(), /^Rescanned: /);

    // A failing backend: its message and a retry that works.
    let failNext = true;
    const scorecardUrl = url =>
      /\/api\/twelve-factor\/scorecards\/component\/default\/auto-builder-cms$/i.test(
        url.pathname,
      );
    await page.route(scorecardUrl, route => {
      if (!failNext) return route.continue();
      failNext = false;
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { name: 'Error', message: 'injected failure for the test' },
          response: { statusCode: 500 },
        }),
      });
    });
    await page.reload();
    const loadError = page.getByTestId('load-error-message');
    await loadError.waitFor({ timeout: 60_000 });
    assert.match(await loadError.textContent(), /injected failure/);
    await page.getByTestId('load-error-retry').click();
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 60_000 });
    await page.unroute(scorecardUrl);

    // The card on the overview tab.
    await page.goto(`${APP}/catalog/default/component/auto-builder-cms`);
    await page.getByTestId('twelve-factor-card').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('[data-testid^="weak-"]').count(), 3);
    await page.screenshot({ path: path.join(OUT, 'twelve-factor-card.png') });

    // The org-wide overview lists the service with the score its tab showed, linked to the tab.
    const overall = await page
      .getByTestId('score-overall')
      .first()
      .getAttribute('data-score');
    await page.goto(`${APP}/twelve-factor`);
    const row = page.getByTestId(
      'overview-overall-component:default/auto-builder-cms',
    );
    await row.waitFor({ timeout: 60_000 });
    assert.equal(
      await row.textContent(),
      `${Math.round(Number(overall) * 10) / 10}%`,
    );
    assert.equal(
      await row.getAttribute('href'),
      '/catalog/default/component/auto-builder-cms/twelve-factor',
    );
    assert.ok(
      Number(await page.getByTestId('overview-services').textContent()) >= 1,
    );
    await page.screenshot({
      path: path.join(OUT, 'twelve-factor-overview.png'),
      fullPage: false,
    });
    assert.deepEqual(failures, [], 'no uncaught errors in the page');

    if (product) {
      const rss = treeRss(product.pid);
      const lines = [
        `started in ${startupMs} ms; app + backend RSS ${rss.total} MiB`,
        ...rss.top.map(m => `  ${m.mib} MiB  ${m.cmd}`),
      ];
      fs.writeFileSync(
        path.join(OUT, 'e2e-metrics.txt'),
        `${lines.join('\n')}\n`,
      );
      for (const l of lines) console.log(`# ${l}`);
    }
  },
);

/** A user token from the guest provider (the example signs in as Alice). */
async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token;
}

function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

test(
  "an owner waives a check from the tab; someone else's service offers no waive action and refuses it",
  { timeout: 300_000 },
  async () => {
    const CHECK = 'f8-concurrency.hpa';
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1800 },
    });
    const failures = [];
    page.on('pageerror', e => failures.push(e.message));

    // The overview's waived count before.
    await page.goto(`${APP}/twelve-factor`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await Promise.race([
      enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
      page.getByTestId('overview-waived').waitFor({ timeout: 60_000 }),
    ]);
    const waivedCount = async () => {
      const el = page.getByTestId('overview-waived');
      await el.waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () =>
          /^\d+$/.test(
            document.querySelector('[data-testid="overview-waived"]')
              ?.textContent ?? '',
          ),
        undefined,
        { timeout: 60_000 },
      );
      return Number(await el.textContent());
    };
    const waivedBefore = await waivedCount();

    // Alice, of the platform team, owns auto-builder-cms: she waives a gap.
    await page.goto(
      `${APP}/catalog/default/component/auto-builder-cms/twelve-factor?view=all`,
    );
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 120_000 });
    const overallBefore = await page
      .getByTestId('score-overall')
      .first()
      .getAttribute('data-score');
    const row = page.getByTestId(`check-${CHECK}`);
    assert.equal(await row.getAttribute('data-verdict'), 'fail');
    await row.locator('[aria-expanded]').first().click();
    await row.getByTestId('waive-button').click();
    await page
      .getByTestId('waiver-reason')
      .fill(
        'Batch worker with one replica by design; revisit when traffic grows',
      );
    await page.getByTestId('waiver-expires').fill(day(30));
    await page
      .getByTestId('waiver-ticket')
      .fill('https://tickets.example.com/OPS-7');
    await page.screenshot({ path: path.join(OUT, 'twelve-factor-waive.png') });
    await page.getByTestId('waiver-submit').click();
    await page
      .locator(`[data-testid="check-${CHECK}"][data-verdict="waived"]`)
      .waitFor({ timeout: 60_000 });
    const overallAfter = await page
      .getByTestId('score-overall')
      .first()
      .getAttribute('data-score');
    assert.notEqual(overallAfter, overallBefore, 'the score changed');
    assert.ok(Number(overallAfter) > Number(overallBefore));
    const waived = page.getByTestId(`check-${CHECK}`);
    await waived.locator('[aria-expanded]').first().click();
    const note = waived.getByTestId('waiver-note');
    await note.waitFor();
    assert.match(await note.textContent(), /user:default\/alice\.meyer/);
    assert.match(await note.textContent(), new RegExp(day(30)));
    await page.getByTestId('waiver-history').waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(OUT, 'twelve-factor-waived.png'),
    });

    // The overview counts the waiver (its index catches up within seconds).
    await page.goto(`${APP}/twelve-factor`);
    let waivedAfter = await waivedCount();
    for (let i = 0; i < 20 && waivedAfter === waivedBefore; i++) {
      await new Promise(r => setTimeout(r, 1000));
      await page.reload();
      waivedAfter = await waivedCount();
    }
    assert.equal(waivedAfter, waivedBefore + 1);

    // payments-api belongs to the payments team: no waive action for Alice…
    await page.goto(
      `${APP}/catalog/default/component/payments-api/twelve-factor`,
    );
    await page
      .getByTestId('twelve-factor-content')
      .waitFor({ timeout: 120_000 });
    const gap = page
      .locator('[data-testid^="check-"][data-verdict="fail"]')
      .first();
    await gap.locator('[aria-expanded]').first().click();
    await gap
      .getByText(/Docs|How to improve/)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('waive-button').count(), 0);
    // …and the API refuses her.
    const refused = await fetch(
      `${BACKEND}/api/twelve-factor/scorecards/component/default/payments-api/waivers`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await guestToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          checkId: CHECK,
          reason: 'not mine',
          expires: day(10),
        }),
      },
    );
    assert.equal(refused.status, 403);
    assert.deepEqual(failures, [], 'no uncaught errors in the page');

    // The auditor recorded the grant and the refusal (the product's log).
    if (product) {
      const log = fs.readFileSync(path.join(OUT, 'product.log'), 'utf8');
      const audit = log
        .split('\n')
        .filter(l => l.includes('twelve-factor.waiver'));
      assert.ok(
        audit.some(l => /succeeded/.test(l) && /alice\.meyer/.test(l)),
        `a succeeded waiver event by Alice in the log:\n${audit.join('\n')}`,
      );
      assert.ok(
        audit.some(l => /failed/.test(l) && /payments-api/.test(l)),
        `a failed waiver event on payments-api in the log:\n${audit.join(
          '\n',
        )}`,
      );
    }
  },
);
