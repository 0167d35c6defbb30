import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../__testUtils__';
import { main } from './main';

jest.setTimeout(60_000);

const FIXTURE = path.join(REPO_ROOT, 'examples/auto-builder-cms');
const expected = parse(
  fs.readFileSync(path.join(FIXTURE, 'expected.yaml'), 'utf8'),
);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: t => (stdout += t),
    stderr: t => (stderr += t),
  });
  return { code, stdout, stderr };
}

const fixtureArgs = [
  'score',
  '--repo',
  path.join(FIXTURE, 'repo'),
  '--cluster-dump',
  path.join(FIXTURE, 'cluster.yaml'),
];

describe('twelve-factor score', () => {
  it('prints the documented JSON shape', async () => {
    const { code, stdout } = await run(...fixtureArgs);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      'entity',
      'generatedAt',
      'overall',
      'groups',
      'areas',
      'checks',
      'diagnostics',
      'drift',
    ]);
    expect(report.drift.map((d: any) => `${d.target} ${d.namespace}`)).toEqual([
      'kubernetes/overlays/dev cms-dev',
      'kubernetes/overlays/prd cms-prd',
    ]);
    expect(report.entity).toBe('component:default/auto-builder-cms');
    expect(report.groups.map((g: any) => g.id)).toEqual([
      'twelve-factor',
      'cloud-native',
    ]);
    expect(report.areas).toHaveLength(19);
    expect(report.checks).toHaveLength(92);
    expect(report.checks[0]).toEqual(
      expect.objectContaining({
        id: 'f1-codebase.version-control',
        area: 'f1-codebase',
        verdict: expect.any(String),
        evidence: expect.any(Array),
      }),
    );
    expect(report.overall).toBeGreaterThan(0);
    expect(report.overall).toBeLessThanOrEqual(100);
  });

  it('never prints a Secret value, in any format or language', async () => {
    for (const format of ['json', 'md', 'sarif']) {
      for (const lang of ['en', 'ko']) {
        const { stdout, stderr } = await run(
          ...fixtureArgs,
          '--format',
          format,
          '--lang',
          lang,
        );
        for (const secret of expected.secret_values as string[]) {
          expect({
            format,
            lang,
            leaked:
              stdout.includes(secret) || stderr.includes(secret)
                ? secret
                : null,
          }).toEqual({ format, lang, leaked: null });
        }
      }
    }
  });

  it('writes the report in the shape of the assessment, in Korean with --lang ko', async () => {
    const en = (await run(...fixtureArgs, '--format', 'md')).stdout;
    for (const heading of [
      '## 1. Twelve-Factor checklist',
      '## 2. Cloud-native checklist',
      '## 3. Summary',
      '## 4. Prioritised roadmap',
      '## 5. Files to create or modify',
    ]) {
      expect(en).toContain(heading);
    }
    expect(en).toContain('### II. Dependencies (75%)');
    expect(en).toMatch(
      /\| Dependency versions pinned exactly \| ⚠️ Partially met \|/,
    );
    const ko = (await run(...fixtureArgs, '--format', 'md', '--lang', 'ko'))
      .stdout;
    expect(ko).toContain('## 1. 12 팩터 체크리스트');
    expect(ko).toContain('### II. 종속성 (75%)');
    expect(ko).toMatch(/\| 의존성 버전 고정 \| ⚠️ 부분충족 \|/);
    expect(ko).toContain('## 4. 우선순위별 개선 로드맵');
  });

  it('writes SARIF 2.1.0 with a rule per check and located results for gaps', async () => {
    const sarif = JSON.parse(
      (await run(...fixtureArgs, '--format', 'sarif')).stdout,
    );
    expect(sarif.version).toBe('2.1.0');
    const runResult = sarif.runs[0];
    expect(runResult.tool.driver.rules).toHaveLength(92);
    const pinned = runResult.results.find(
      (r: any) => r.ruleId === 'f2-dependencies.pinned',
    );
    expect(pinned.level).toBe('warning');
    expect(pinned.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 16, endLine: 16 },
    });
    expect(
      runResult.results.every(
        (r: any) => r.level === 'error' || r.level === 'warning',
      ),
    ).toBe(true);
  });

  it('exits 2 below --fail-under and 0 at or above it', async () => {
    const overall = JSON.parse((await run(...fixtureArgs)).stdout).overall;
    expect(
      (await run(...fixtureArgs, '--fail-under', String(Math.floor(overall))))
        .code,
    ).toBe(0);
    const below = await run(
      ...fixtureArgs,
      '--fail-under',
      String(Math.ceil(overall) + 1),
    );
    expect(below.code).toBe(2);
    expect(below.stderr).toContain('below');
  });

  it('scores any folder, even a single manifest without a catalog file, counting every dump object as the service', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-single-'));
    fs.writeFileSync(
      path.join(dir, 'deploy.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: web:1.0.0}]\n',
    );
    const { code, stdout } = await run(
      'score',
      '--repo',
      dir,
      '--cluster-dump',
      path.join(FIXTURE, 'cluster.yaml'),
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.entity).toMatch(/^component:default\/tf-single-/);
    expect(
      report.checks.find(
        (c: any) => c.id === 'cn-containerization.security-context',
      ).verdict,
    ).toBe('fail');
    fs.rmSync(dir, { recursive: true });
  });

  it('rejects bad usage with exit code 64 and the usage text', async () => {
    expect((await run('score')).code).toBe(64);
    expect((await run('score', '--repo', '/nonexistent/dir')).stderr).toContain(
      'is not a directory',
    );
    expect(
      (await run('score', '--repo', FIXTURE, '--format', 'xml')).code,
    ).toBe(64);
    expect((await run('frobnicate')).stderr).toContain('Usage:');
  });
});

describe('twelve-factor render', () => {
  it('prints exactly what kubectl kustomize prints for the prd overlay, object for object', async () => {
    const dir = path.join(FIXTURE, 'repo/kubernetes/overlays/prd');
    const { code, stdout } = await run('render', dir);
    expect(code).toBe(0);
    let kubectl: string;
    try {
      kubectl = execFileSync('kubectl', ['kustomize', dir], {
        encoding: 'utf8',
      });
    } catch (e) {
      throw new Error(
        `kubectl is required as the reference of this test and could not run: ${
          (e as Error).message
        }`,
      );
    }
    const ours = parseAllDocuments(stdout).map(d => d.toJS());
    const theirs = parseAllDocuments(kubectl).map(d => d.toJS());
    expect(ours.length).toBe(theirs.length);
    expect(ours).toEqual(theirs);
  });
});
