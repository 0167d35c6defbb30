// The browser tests of the Twelve-Factor tab, shared by the example apps:
// e2e/run.mjs runs them on the legacy app (packages/app), e2e/next.mjs on the
// new frontend system's (packages/app-next). Each file starts its own product
// (fresh in-memory database: the waiver test changes a verdict the tab test
// checks) and passes the app's address; the pages and their paths are the
// same in both frontend systems.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
export const OUT = path.join(ROOT, 'test-results');
export const BACKEND =
  process.env.TF_E2E_BACKEND_URL ?? 'http://localhost:7007';
const expected = parse(
  fs.readFileSync(
    path.join(ROOT, 'examples/auto-builder-cms/expected.yaml'),
    'utf8',
  ),
);

/**
 * The test's view of one running example app.
 *
 * @typedef {object} AppUnderTest
 * @property {string} app the app's address, e.g. http://localhost:3000
 * @property {string} backend the backend's address
 * @property {string} prefix of the screenshot and metrics file names
 * @property {string} log the product's log file (the auditor's events are read from it)
 * @property {import('playwright-core').Browser} [browser]
 * @property {import('node:child_process').ChildProcess} [product] set when the test started it
 * @property {number} [startupMs]
 */

async function waitForHttp(url, timeoutMs, product) {
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

/**
 * Starts the product with the README's start command, scripts/start.sh,
 * passing `args` on to `backstage-cli repo start` (none: the legacy app and
 * the backend), and waits for the backend and the app.
 *
 * @param {AppUnderTest} target gets `product` at once (so that a failed start is still stopped) and `startupMs`
 * @param {string[]} args
 */
export async function startProduct(target, args) {
  const started = Date.now();
  target.product = spawn('scripts/start.sh', args, {
    cwd: ROOT,
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
    stdio: [
      'ignore',
      fs.openSync(target.log, 'w'),
      fs.openSync(target.log, 'a'),
    ],
    detached: true,
  });
  await waitForHttp(
    `${target.backend}/api/twelve-factor/health`,
    240_000,
    target.product,
  );
  await waitForHttp(target.app, 240_000, target.product);
  target.startupMs = Date.now() - started;
}

/**
 * Stops what startProduct started (start.sh, its dev clusters, the app and
 * backend processes) and waits until they are gone: the next test file
 * starts its product on the same ports.
 */
export async function stopProduct(target) {
  if (!target.product) return;
  const group = -target.product.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  try {
    process.kill(group, 'SIGKILL');
  } catch {}
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

/** Signs in through the guest provider unless the page shows `testId` first (a session already there). */
async function signIn(page, testId) {
  const enter = page.getByRole('button', { name: 'Enter' });
  await Promise.race([
    enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
    page.getByTestId(testId).waitFor({ timeout: 60_000 }),
  ]);
}

/**
 * The tab of the example service: gaps first, every verdict as the backend
 * computed it, evidence linked to the repository, repeated findings said
 * once, rescan, a failed request and its retry; then the card and the
 * overview.
 *
 * @param {AppUnderTest} t
 */
export async function checkTab(t) {
  const { app: APP } = t;
  const page = await t.browser.newPage({
    viewport: { width: 1440, height: 1800 },
  });
  const failures = [];
  page.on('pageerror', e => failures.push(e.message));
  await page.goto(
    `${APP}/catalog/default/component/auto-builder-cms/twelve-factor`,
  );

  // Real sign-in through the auth backend's guest provider.
  await signIn(page, 'twelve-factor-content');
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 120_000 });

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
  const f2 = await page.getByTestId('area-score-f2-dependencies').textContent();
  assert.equal(f2, `${expected.area_scores_in_report['f2-dependencies']}%`);

  // Open a gap: its evidence and remediation are there.
  const pinned = page.getByTestId('check-f2-dependencies.pinned');
  await pinned.click();
  await pinned.getByTestId('evidence').waitFor();
  assert.match(await pinned.textContent(), /requirements\.txt:\d+/);
  assert.match(await pinned.textContent(), /langchain/);
  // File evidence links to the file and line in the repository's web UI
  // (the app's ScmIntegrationsApi).
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
    path: path.join(OUT, `${t.prefix}twelve-factor-tab.png`),
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
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 60_000 });
  await page.unroute(scorecardUrl);

  // The card on the overview tab.
  await page.goto(`${APP}/catalog/default/component/auto-builder-cms`);
  await page.getByTestId('twelve-factor-card').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('[data-testid^="weak-"]').count(), 3);
  await page.screenshot({
    path: path.join(OUT, `${t.prefix}twelve-factor-card.png`),
  });

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
    path: path.join(OUT, `${t.prefix}twelve-factor-overview.png`),
    fullPage: false,
  });
  assert.deepEqual(failures, [], 'no uncaught errors in the page');

  if (t.product) {
    const rss = treeRss(t.product.pid);
    const lines = [
      `started in ${t.startupMs} ms; app + backend RSS ${rss.total} MiB`,
      ...rss.top.map(m => `  ${m.mib} MiB  ${m.cmd}`),
    ];
    fs.writeFileSync(
      path.join(OUT, `${t.prefix}e2e-metrics.txt`),
      `${lines.join('\n')}\n`,
    );
    for (const l of lines) console.log(`# ${l}`);
  }
}

/** A user token from the guest provider (the example signs in as Alice). */
async function guestToken(backend) {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token;
}

function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An owner waives a check from the tab and the score and the overview follow;
 * on someone else's service there is no waive action and the API refuses it.
 *
 * @param {AppUnderTest} t
 */
export async function checkWaivers(t) {
  const { app: APP, backend: BACKEND_URL } = t;
  const CHECK = 'f8-concurrency.hpa';
  const page = await t.browser.newPage({
    viewport: { width: 1440, height: 1800 },
  });
  const failures = [];
  page.on('pageerror', e => failures.push(e.message));

  // The overview's waived count before.
  await page.goto(`${APP}/twelve-factor`);
  await signIn(page, 'overview-waived');
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
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 120_000 });
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
  await page.screenshot({
    path: path.join(OUT, `${t.prefix}twelve-factor-waive.png`),
  });
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
    path: path.join(OUT, `${t.prefix}twelve-factor-waived.png`),
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
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 120_000 });
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
    `${BACKEND_URL}/api/twelve-factor/scorecards/component/default/payments-api/waivers`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await guestToken(BACKEND_URL)}`,
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
  if (t.product) {
    const log = fs.readFileSync(t.log, 'utf8');
    const audit = log
      .split('\n')
      .filter(l => l.includes('twelve-factor.waiver'));
    assert.ok(
      audit.some(l => /succeeded/.test(l) && /alice\.meyer/.test(l)),
      `a succeeded waiver event by Alice in the log:\n${audit.join('\n')}`,
    );
    assert.ok(
      audit.some(l => /failed/.test(l) && /payments-api/.test(l)),
      `a failed waiver event on payments-api in the log:\n${audit.join('\n')}`,
    );
  }
}

/**
 * The tab in Korean (the language the app keeps for the reader): every
 * check's title and finding, and every gap's remediation paragraphs, hold
 * Korean; a name of code or an object reads the same in both languages.
 * Screenshots in English and Korean.
 *
 * @param {AppUnderTest} t
 */
export async function checkKorean(t) {
  const page = await t.browser.newPage({
    viewport: { width: 1440, height: 1800 },
  });
  const failures = [];
  page.on('pageerror', e => failures.push(e.message));
  const tab = `${t.app}/catalog/default/component/auto-builder-cms/twelve-factor`;
  await page.goto(tab);
  await signIn(page, 'twelve-factor-content');
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 120_000 });
  await page.screenshot({
    path: path.join(OUT, `${t.prefix}twelve-factor-tab-en.png`),
  });

  // The language the app keeps for the reader (Settings → Language).
  await page.evaluate(() => window.localStorage.setItem('language', 'ko'));
  await page.reload();
  await page.getByTestId('twelve-factor-content').waitFor({ timeout: 120_000 });
  const hangul = /[가-힣]/;
  await page.waitForFunction(
    () =>
      /[가-힣]/.test(
        document.querySelector('[data-testid="check-summary"]')?.textContent ??
          '',
      ),
    undefined,
    { timeout: 30_000 },
  );

  // Every check, gaps or not: titles and findings.
  await page.getByTestId('view-all').click();
  const rows = await page.$$eval('[data-testid^="check-"][data-verdict]', els =>
    els.map(e => ({
      id: e.getAttribute('data-testid'),
      title: e.querySelector('[data-testid="check-title"]')?.textContent ?? '',
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
  assert.deepEqual(untranslated, [], 'every remediation paragraph has Korean');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(OUT, `${t.prefix}twelve-factor-tab-ko.png`),
  });
  await page.evaluate(() => window.localStorage.setItem('language', 'en'));
  assert.deepEqual(failures, [], 'no uncaught errors in the page');
}
