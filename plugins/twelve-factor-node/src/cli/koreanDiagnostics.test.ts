/*
 * The Korean report (--lang ko) says the scan's diagnostics and the
 * snippets' comments in Korean, the snippets' code as written; the English
 * report keeps the English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from './main';

jest.setTimeout(60_000);

async function report(dir: string, lang: 'en' | 'ko'): Promise<string> {
  let out = '';
  await main(['score', '--repo', dir, '--format', 'md', '--lang', lang], {
    stdout: t => (out += t),
    stderr: () => {},
  });
  return out;
}

describe('the Markdown report in Korean', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-md-ko-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    // Ranges in requirements.txt: the pinning remediation, with its commented snippet.
    write('requirements.txt', 'fastapi>=0.100\nuvicorn>=0.20\n');
    write('app/main.py', 'from fastapi import FastAPI\napp = FastAPI()\n');
    write(
      'k8s/broken.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n',
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says the diagnostics and the snippet comments in Korean, the code as written', async () => {
    const [en, ko] = [await report(dir, 'en'), await report(dir, 'ko')];
    const diagnostics = (md: string) =>
      md
        .split('\n')
        .filter(l => /^- \[(info|warning|error)\] /.test(l))
        .join('\n');
    expect(diagnostics(en)).toMatch(/`k8s\/broken.yaml`: k8s\/broken.yaml: /);
    expect(diagnostics(ko)).toMatch(
      /`k8s\/broken.yaml`: k8s\/broken.yaml을\(를\) 파싱할 수 없음: /,
    );

    expect(en).toContain(
      '# Keep loose constraints in requirements.in and commit the compiled, fully pinned file:\nuv pip compile requirements.in --generate-hashes -o requirements.txt',
    );
    expect(ko).toContain(
      '# 느슨한 제약은 requirements.in에 두고, 컴파일해 모두 고정한 파일을 커밋하세요:\nuv pip compile requirements.in --generate-hashes -o requirements.txt',
    );
  });
});
