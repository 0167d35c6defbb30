import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/generate-openapi.js');

describe('the code generated from openapi.yaml', () => {
  it('is what the generator writes from the schema as it is now', () => {
    // The typed router and the common package's API types are committed;
    // a change to the schema without regenerating them fails here (and in CI).
    const run = spawnSync(process.execPath, [SCRIPT, '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('up to date');
  });
});
