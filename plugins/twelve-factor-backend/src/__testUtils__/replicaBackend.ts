/*
 * One replica of the two-replica test (src/replicas.test.ts), in a process of
 * its own: backend-defaults with the real catalog backend and the
 * twelve-factor plugin, configured by the app-config files given with
 * --config, as a deployed backend is.
 *
 * The one stand-in is the UrlReader: it plays an SCM that serves the example
 * repositories at https://scm.test/<delay ms>/<example>/ after that delay,
 * with a new ETag each time (so every scan evaluates), so that a scan lasts
 * long enough for another replica to ask for the same entity meanwhile, or
 * for the test to kill this process in the middle of a fleet scan.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function filesOf(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

const scm: UrlReaderService = {
  async readTree(url) {
    const m = /^https:\/\/scm\.test\/(\d+)\/([\w-]+)\/?$/.exec(url);
    const root = m && path.join(EXAMPLES, m[2], 'repo');
    if (!m || !root || !fs.existsSync(root))
      throw new NotFoundError(`No repository at ${url}`);
    await new Promise(r => setTimeout(r, Number(m[1])));
    const files = filesOf(root);
    return {
      etag: `read-${process.pid}-${Date.now()}`,
      files: async () =>
        files.map(p => ({
          path: p,
          content: async () => fs.promises.readFile(path.join(root, p)),
        })),
      archive: async () => {
        throw new Error('not served');
      },
      dir: async () => root,
    };
  },
  async readUrl(url) {
    throw new NotFoundError(`No file at ${url}`);
  },
  async search(url) {
    throw new NotFoundError(`Nothing at ${url}`);
  },
};

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.urlReader,
    deps: {},
    factory: () => scm,
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../index'));
backend.start().catch(e => {
  console.error(e);
  process.exit(1);
});
