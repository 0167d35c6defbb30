import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalRepo } from './loadLocalRepo';

describe('loadLocalRepo', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-repo-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-outside-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/app.py'), 'print("hi")\n');
    fs.writeFileSync(
      path.join(dir, 'logo.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
    );
    fs.writeFileSync(path.join(dir, 'big.json'), 'x'.repeat(2048));
    fs.mkdirSync(path.join(dir, 'node_modules/lib'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'node_modules/lib/index.js'),
      'module.exports = 1;',
    );
    fs.writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0');
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'passwd-link'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('reads text files, skips binaries, huge files, symlinks and node_modules, and says so', async () => {
    const { snapshot, diagnostics } = await loadLocalRepo(dir, {
      maxFileBytes: 1024,
      maxManifestBytes: 1024,
    });
    expect(snapshot.read('src/app.py')).toBe('print("hi")\n');
    expect(snapshot.file('logo.png')).toMatchObject({ skipped: 'binary' });
    expect(snapshot.file('big.json')).toMatchObject({
      skipped: 'too-large',
      size: 2048,
    });
    expect(snapshot.file('passwd-link')).toMatchObject({ skipped: 'symlink' });
    expect(snapshot.read('passwd-link')).toBeUndefined();
    expect(snapshot.has('node_modules/lib/index.js')).toBe(false);
    expect(diagnostics.map(d => d.path)).toEqual(
      expect.arrayContaining(['big.json', 'passwd-link']),
    );
  });

  it('reads the deploy material kept in an output folder (build/Dockerfile), not its code', async () => {
    fs.mkdirSync(path.join(dir, 'build/package'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'build/Dockerfile'),
      'FROM python:3.12-slim\n',
    );
    fs.writeFileSync(
      path.join(dir, 'build/package/deploy.yaml'),
      'kind: Job\n',
    );
    fs.writeFileSync(path.join(dir, 'build/bundle.js'), 'var a = 1;\n');
    const { snapshot } = await loadLocalRepo(dir);
    expect(snapshot.read('build/Dockerfile')).toBe('FROM python:3.12-slim\n');
    expect(snapshot.has('build/package/deploy.yaml')).toBe(true);
    expect(snapshot.has('build/bundle.js')).toBe(false);
  });

  it('stops at the file limit with a diagnostic', async () => {
    const { snapshot, diagnostics } = await loadLocalRepo(dir, { maxFiles: 1 });
    expect(
      snapshot.paths().filter(p => snapshot.read(p) !== undefined),
    ).toHaveLength(1);
    expect(diagnostics.some(d => d.message.includes('File limit'))).toBe(true);
  });

  it('rejects a root that is not a directory', async () => {
    await expect(loadLocalRepo(path.join(dir, 'src/app.py'))).rejects.toThrow(
      'Not a directory',
    );
  });
});
