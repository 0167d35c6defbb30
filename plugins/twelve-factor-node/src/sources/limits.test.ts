import { buildSnapshot } from './buildSnapshot';
import { DEFAULT_REPO_LIMITS, maxBytesFor } from './limits';

const entry = (path: string, bytes: number) => ({
  path,
  size: bytes,
  content: async () => Buffer.alloc(bytes, 'a'),
});

describe('file size limits', () => {
  it('gives manifests their own limit', () => {
    const lim = {
      ...DEFAULT_REPO_LIMITS,
      maxFileBytes: 10,
      maxManifestBytes: 20,
    };
    expect(maxBytesFor('deploy/install.yaml', lim)).toBe(20);
    expect(maxBytesFor('crds.YML', lim)).toBe(20);
    expect(maxBytesFor('schema.json', lim)).toBe(20);
    expect(maxBytesFor('k8s/Kustomization', lim)).toBe(20);
    expect(maxBytesFor('src/app.py', lim)).toBe(10);
    expect(maxBytesFor('yaml/notes.txt', lim)).toBe(10);
  });

  it('reads a manifest over maxFileBytes but under maxManifestBytes, and skips other files', async () => {
    const { snapshot, diagnostics } = await buildSnapshot(
      [
        entry('manifests/install.yaml', 2048),
        entry('data.bin.txt', 2048),
        entry('huge.yaml', 4096),
      ],
      { maxFileBytes: 1024, maxManifestBytes: 3000 },
    );
    expect(snapshot.read('manifests/install.yaml')).toHaveLength(2048);
    expect(snapshot.file('data.bin.txt')).toMatchObject({
      skipped: 'too-large',
    });
    expect(snapshot.file('huge.yaml')).toMatchObject({ skipped: 'too-large' });
    expect(diagnostics.map(d => d.message)).toEqual([
      'File of 2048 bytes exceeds the 1024-byte limit; not read',
      'File of 4096 bytes exceeds the 3000-byte limit; not read',
    ]);
  });

  it('defaults to 1 MiB for files and 8 MiB for manifests', () => {
    expect(DEFAULT_REPO_LIMITS.maxFileBytes).toBe(1024 * 1024);
    expect(DEFAULT_REPO_LIMITS.maxManifestBytes).toBe(8 * 1024 * 1024);
  });
});
