import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { HumanDuration } from '@backstage/types';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { twelveFactorPlugin } from './plugin';

jest.setTimeout(90_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const URL_PATH = '/api/twelve-factor/scorecards/component/default/';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent. */
  raw: Buffer;
  /** The body decoded. */
  text: string;
}

/** A GET with exactly these headers (supertest would decode the body and set its own Accept-Encoding). */
function get(
  port: number,
  name: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://localhost:${port}${URL_PATH}${name}`, { headers }, res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const text = (
            encoding === 'br'
              ? zlib.brotliDecompressSync(raw)
              : encoding === 'gzip'
              ? zlib.gunzipSync(raw)
              : raw
          ).toString();
          resolve({ status: res.statusCode!, headers: res.headers, raw, text });
        });
      })
      .on('error', reject);
  });
}

function post(port: number, urlPath: string): Promise<any> {
  return new Promise((resolve, reject) => {
    http
      .request(
        `http://localhost:${port}${urlPath}`,
        { method: 'POST' },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () =>
            resolve(JSON.parse(Buffer.concat(chunks).toString())),
          );
        },
      )
      .on('error', reject)
      .end();
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * A backend with the catalog (the example service) and the plugin, whose
 * permission service counts this plugin's requests and answers with
 * `policy.decide` (conditional) and `policy.denyResource` (per resource).
 */
async function startScorecardBackend(permissionCacheTtl: HumanDuration) {
  const policy = {
    decide: (_permission: string): PolicyDecision => ({
      result: AuthorizeResult.ALLOW,
    }),
    denyResource: false,
  };
  const asked = { authorize: 0, conditional: 0 };
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      twelveFactorPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'System', 'Group', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: path.join(
                  EXAMPLES,
                  'auto-builder-cms/repo/catalog-info.yaml',
                ),
              },
            ],
            processingInterval: { seconds: 1 },
          },
          twelveFactor: {
            sources: { fromFileLocations: true },
            permissionCache: { ttl: permissionCacheTtl },
          },
        },
      }),
      mockServices.permissions.mock({
        authorize: async reqs => {
          if (reqs.some(r => r.permission.name.startsWith('twelve-factor')))
            asked.authorize += 1;
          return reqs.map(() => ({
            result: policy.denyResource
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          }));
        },
        authorizeConditional: async reqs => {
          // The catalog asks too, for its own reads: only this plugin's are counted.
          if (reqs.some(r => r.permission.name.startsWith('twelve-factor')))
            asked.conditional += 1;
          return reqs.map(r => policy.decide(r.permission.name));
        },
      }).factory,
    ],
  });
  const port = server.port();
  const name = 'auto-builder-cms';

  // The first read queues the scan (202); once stored, and once the fleet
  // index (loaded by the catalog sync at start, or here by the fleet view)
  // has the row, reads no longer ask `authorize` (nor the catalog).
  let fast = false;
  for (let i = 0; i < 300 && !fast; i++) {
    await fetch(`http://localhost:${port}/api/twelve-factor/fleet`);
    const before = asked.authorize;
    const res = await get(port, name, BROWSER);
    fast = res.status === 200 && asked.authorize === before;
    if (!fast) await new Promise(r => setTimeout(r, 200));
  }
  expect(fast).toBe(true);
  return { port, name, asked, policy };
}

describe('GET scorecard', () => {
  it('sends the stored body to a browser as brotli, the same JSON as a plain GET, 304 on its ETag, and the new body after a scan, without asking the catalog', async () => {
    // The policy's answers change below: every read asks it (no reuse).
    const { port, name, asked, policy } = await startScorecardBackend({
      seconds: 0,
    });

    const plain = await get(port, name, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const card = JSON.parse(plain.text);
    expect(card.results).toHaveLength(92);

    const asBefore = { ...asked };
    const br = await get(port, name, BROWSER);
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.text).toBe(plain.text);
    expect(br.raw.length).toBeLessThan(plain.raw.length / 5);
    expect(asked).toEqual({
      authorize: asBefore.authorize,
      conditional: asBefore.conditional + 1,
    });

    // A client without brotli gets the JSON, for the root router to
    // compress (backend-defaults' gzips it, the test backend's does not;
    // yarn bench:api checks the former).
    const gzip = await get(port, name, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).not.toBe('br');
    expect(gzip.text).toBe(plain.text);

    const etag = br.headers.etag!;
    expect(plain.headers.etag).toBe(etag);
    const notModified = await get(port, name, {
      ...BROWSER,
      'if-none-match': etag,
    });
    expect(notModified.status).toBe(304);
    expect(notModified.raw.length).toBe(0);

    // A new scan (the refresh button) is what the next read serves.
    const refreshed = await post(port, `${URL_PATH}${name}/refresh`);
    expect(refreshed.generatedAt > card.generatedAt).toBe(true);
    const after = await get(port, name, { ...BROWSER, 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual(refreshed);
    expect(after.headers.etag).not.toBe(etag);

    // What the stored entity cannot grant goes to the catalog and the
    // permission framework, as before: a scorecard only its owners may read…
    policy.decide = p =>
      p === 'twelve-factor.scorecard.read'
        ? createCatalogConditionalDecision(
            { name: p, resourceType: 'catalog-entity' } as any,
            catalogConditions.isEntityOwner({
              claims: ['group:default/someone-else'],
            }),
          )
        : { result: AuthorizeResult.ALLOW };
    policy.denyResource = true;
    expect((await get(port, name, BROWSER)).status).toBe(403);
    // …and an entity the caller may not see is not found.
    policy.denyResource = false;
    policy.decide = p =>
      p === 'catalog.entity.read'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW };
    expect((await get(port, name, BROWSER)).status).toBe(404);
  });

  it("reuses a caller's conditional decision for permissionCache.ttl, then asks again", async () => {
    const { port, name, asked, policy } = await startScorecardBackend({
      seconds: 3,
    });
    // The reads that brought the fast path up asked already.
    await new Promise(r => setTimeout(r, 3_100));
    const before = asked.conditional;
    for (let i = 0; i < 20; i++)
      expect((await get(port, name, BROWSER)).status).toBe(200);
    expect(asked.conditional - before).toBe(1);

    // A policy that now refuses reaches the reads once the decision lapses.
    policy.decide = () => ({ result: AuthorizeResult.DENY });
    policy.denyResource = true;
    expect((await get(port, name, BROWSER)).status).toBe(200);
    await new Promise(r => setTimeout(r, 3_100));
    expect((await get(port, name, BROWSER)).status).toBe(403);
  });
});
