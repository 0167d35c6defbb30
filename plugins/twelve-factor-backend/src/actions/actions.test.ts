import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  Scorecard,
  WaiverList,
} from '@internal/plugin-twelve-factor-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import path from 'node:path';
import request from 'supertest';
import { twelveFactorPlugin } from '../plugin';

jest.setTimeout(180_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const CMS = 'component:default/auto-builder-cms';
const LEGACY = 'component:default/legacy-reporting';
const CMS_URL =
  '/api/twelve-factor/scorecards/component/default/auto-builder-cms';
const CHECK = 'f2-dependencies.pinned';
/** May do everything the plugin guards. */
const PERMITTED = 'user:default/alice.meyer';
/** May read the catalog, and nothing of the plugin. */
const DENIED = 'user:default/chen.li';
const TOOLS = {
  summary: 'twelve-factor.get-scorecard-summary',
  gaps: 'twelve-factor.list-gaps',
  explain: 'twelve-factor.explain-check',
  rescan: 'twelve-factor.request-rescan',
  waive: 'twelve-factor.create-waiver',
};

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function isPluginPermission(name: string) {
  return name.startsWith('twelve-factor.');
}

/** The waiver events the plugin audits, with how each ended. */
function capturingAuditor() {
  const events: Array<AuditorServiceCreateEventOptions & { outcome?: string }> =
    [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: (typeof events)[number] = { ...options };
      if (options.eventId === 'waiver') events.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async () => {
          event.outcome = 'failure';
        },
      };
    },
  });
  return { events, factory: auditor.factory };
}

/** An MCP client of the backend's MCP endpoint, signed in as `user`, over HTTP. */
async function mcpClient(port: number, user: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(
    new URL(`http://localhost:${port}/api/mcp-actions/v1`),
    {
      requestInit: {
        headers: { Authorization: mockCredentials.user.header(user) },
      },
    },
  );
  const client = new Client({ name: 'actions-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** A tool's structured result; fails the test on a tool error. */
async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<any> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError)
    throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  // The text is the same JSON, for clients that read only text.
  expect(JSON.parse((result.content as any)[0].text)).toEqual(
    result.structuredContent,
  );
  return result.structuredContent;
}

/** A tool's error text; fails the test if the tool succeeded. */
async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError).toBe(true);
  return (result.content as any)[0].text;
}

describe('twelve-factor actions through the MCP actions backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'lists the five tools and runs them for a permitted caller; refuses a denied one and stores nothing (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const audit = capturingAuditor();
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          twelveFactorPlugin,
          mcpActionsPlugin,
          mockServices.database.factory({ knex }),
          audit.factory,
          mockServices.rootConfig.factory({
            data: {
              backend: { actions: { pluginSources: ['twelve-factor'] } },
              catalog: {
                rules: [{ allow: ['Component', 'Location'] }],
                locations: ['auto-builder-cms', 'legacy-reporting'].map(
                  name => ({
                    type: 'file',
                    target: path.join(EXAMPLES, name, 'repo/catalog-info.yaml'),
                  }),
                ),
                processingInterval: { seconds: 1 },
              },
              twelveFactor: { sources: { fromFileLocations: true } },
            },
          }),
          // The catalog lets both read; the plugin's permissions are the
          // permitted user's only.
          mockServices.permissions.mock({
            authorize: async (reqs, { credentials }) =>
              reqs.map(r => ({
                result:
                  !isPluginPermission(r.permission.name) ||
                  (credentials.principal as any).userEntityRef === PERMITTED
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              })),
            authorizeConditional: async (reqs, { credentials }) =>
              reqs.map(r => ({
                result:
                  !isPluginPermission(r.permission.name) ||
                  (credentials.principal as any).userEntityRef === PERMITTED
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              })),
          }).factory,
        ],
      });
      const port = server.port();
      const as = (user: string) => mockCredentials.user.header(user);

      // The first scans: a read queues them; the REST API is the reference.
      async function scorecard(url: string): Promise<Scorecard> {
        for (let i = 0; i < 300; i++) {
          const res = await request(server)
            .get(url)
            .set('Authorization', as(PERMITTED));
          if (res.status === 200) return res.body;
          await new Promise(r => setTimeout(r, 200));
        }
        throw new Error(`${url} was never scored`);
      }
      const before = await scorecard(CMS_URL);
      const legacy = await scorecard(
        '/api/twelve-factor/scorecards/component/default/legacy-reporting',
      );
      expect(legacy.entityRef).toBe(LEGACY);
      const restResult = before.results.find(r => r.checkId === CHECK)!;
      expect(restResult.verdict).toBe('partial');

      const permitted = await mcpClient(port, PERMITTED);
      const denied = await mcpClient(port, DENIED);

      // Listed, with input schemas and hints.
      const { tools } = await permitted.listTools();
      const byName = new Map(tools.map(t => [t.name, t]));
      expect([...byName.keys()].sort()).toEqual(Object.values(TOOLS).sort());
      for (const name of [TOOLS.summary, TOOLS.gaps, TOOLS.explain]) {
        expect(byName.get(name)!.annotations).toMatchObject({
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
        });
      }
      expect(byName.get(TOOLS.rescan)!.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
      });
      expect(byName.get(TOOLS.waive)!.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
      });
      expect(byName.get(TOOLS.explain)!.inputSchema).toMatchObject({
        type: 'object',
        properties: {
          entityRef: { type: 'string' },
          checkId: { type: 'string' },
        },
        required: ['entityRef', 'checkId'],
      });
      expect(byName.get(TOOLS.waive)!.inputSchema.required).toEqual([
        'entityRef',
        'checkId',
        'reason',
        'expires',
      ]);
      for (const t of tools) expect(t.description!.length).toBeGreaterThan(100);
      // The output schemas, as the actions registry serves them to the MCP backend.
      const registered = await request(server)
        .get('/api/twelve-factor/.backstage/actions/v1/actions')
        .set('Authorization', as(PERMITTED));
      expect(registered.status).toBe(200);
      for (const action of registered.body.actions) {
        expect(action.schema.output).toMatchObject({
          type: 'object',
          properties: expect.any(Object),
        });
      }
      expect(
        Object.keys(
          registered.body.actions.find((a: any) => a.name === 'explain-check')
            .schema.output.properties,
        ),
      ).toEqual(
        expect.arrayContaining(['finding', 'whyItMatters', 'howToFix']),
      );

      // The denied caller sees the tools, and every call is refused.
      expect((await denied.listTools()).tools).toHaveLength(5);
      const refusals: Array<[string, Record<string, unknown>, string]> = [
        [TOOLS.summary, { entityRef: CMS }, 'twelve-factor.scorecard.read'],
        [TOOLS.gaps, { entityRef: CMS }, 'twelve-factor.scorecard.read'],
        [
          TOOLS.explain,
          { entityRef: CMS, checkId: CHECK },
          'twelve-factor.scorecard.read',
        ],
        [TOOLS.rescan, { entityRef: CMS }, 'twelve-factor.scorecard.refresh'],
        [
          TOOLS.waive,
          {
            entityRef: CMS,
            checkId: CHECK,
            reason: 'not mine to waive',
            expires: day(30),
          },
          'twelve-factor.waiver.manage',
        ],
      ];
      for (const [name, args, permission] of refusals) {
        const text = await callError(denied, name, args);
        expect(text).toBe(
          `NotAllowedError: Not allowed to ${permission} ${CMS}`,
        );
      }
      // The fleet is filtered rather than refused: nothing the caller may read.
      expect(await call(denied, TOOLS.gaps, {})).toMatchObject({
        scope: 'fleet',
        services: 0,
        total: 0,
        checks: [],
      });
      // Nothing stored: no waiver, no new scan.
      const waivers: WaiverList = (
        await request(server)
          .get(`${CMS_URL}/waivers`)
          .set('Authorization', as(PERMITTED))
      ).body;
      expect(waivers.items).toEqual([]);
      // The refusal is audited against the caller, not the plugin.
      expect(audit.events).toEqual([
        expect.objectContaining({
          meta: { actionType: 'create', entityRef: CMS, caller: DENIED },
          outcome: 'failure',
        }),
      ]);
      expect((await scorecard(CMS_URL)).generatedAt).toBe(before.generatedAt);

      // The summary says what the REST API's scorecard says.
      const summary = await call(permitted, TOOLS.summary, {
        entityRef: 'auto-builder-cms',
      });
      const gapsInRest = before.results.filter(
        r => r.verdict === 'fail' || r.verdict === 'partial',
      );
      expect(summary).toMatchObject({
        entityRef: CMS,
        status: 'scored',
        generatedAt: before.generatedAt,
        overall: before.overall,
        twelveFactor: before.groups.find(g => g.groupId === 'twelve-factor')!
          .score,
        cloudNative: before.groups.find(g => g.groupId === 'cloud-native')!
          .score,
        gapCount: gapsInRest.length,
      });
      expect(summary.areas).toHaveLength(before.areas.length);
      expect(
        summary.areas.find((a: any) => a.areaId === 'f2-dependencies'),
      ).toMatchObject({ title: 'II. Dependencies', score: 75 });
      expect(
        Object.values(summary.counts as Record<string, number>).reduce(
          (a, b) => a + b,
        ),
      ).toBe(before.results.length);
      expect(summary.topGaps).toHaveLength(5);
      expect(summary.topGaps[0].priority).toBe('P0');
      expect(JSON.stringify(summary).length).toBeLessThan(10_000);

      // One service's gaps, most urgent first, cut at the limit.
      const serviceGaps = await call(permitted, TOOLS.gaps, {
        entityRef: CMS,
        limit: 3,
      });
      expect(serviceGaps).toMatchObject({
        scope: 'service',
        entityRef: CMS,
        total: gapsInRest.length,
        truncated: true,
      });
      expect(serviceGaps.gaps.map((g: any) => g.checkId)).toEqual(
        summary.topGaps.slice(0, 3).map((g: any) => g.checkId),
      );
      const allGaps = await call(permitted, TOOLS.gaps, {
        entityRef: CMS,
        limit: 100,
      });
      expect(allGaps.truncated).toBe(false);
      expect(allGaps.gaps.map((g: any) => g.checkId).sort()).toEqual(
        gapsInRest.map(r => r.checkId).sort(),
      );

      // The fleet index catches up with new scans within a second or so.
      for (let i = 0; i < 50; i++) {
        const fleet = await call(permitted, TOOLS.gaps, { limit: 1 });
        if (fleet.services === 2 && fleet.total > 0) break;
        await new Promise(r => setTimeout(r, 200));
      }

      // The fleet: one check across the services, fail before partial.
      const fleetCheck = await call(permitted, TOOLS.gaps, { checkId: CHECK });
      expect(fleetCheck).toMatchObject({
        scope: 'fleet',
        total: 2,
        truncated: false,
      });
      expect(fleetCheck.gaps.map((g: any) => [g.entityRef, g.verdict])).toEqual(
        [
          [LEGACY, 'fail'],
          [CMS, 'partial'],
        ],
      );
      expect(fleetCheck.gaps[1]).toMatchObject({
        owner: 'group:default/platform-team',
        summary: restResult.summary,
      });
      // Filtered by owner (a bare group name), and the fleet's most missed checks.
      const platform = await call(permitted, TOOLS.gaps, {
        owner: ['platform-team'],
        limit: 5,
      });
      expect(platform).toMatchObject({
        scope: 'fleet',
        services: 1,
        total: gapsInRest.length,
        truncated: true,
      });
      expect(platform.checks).toHaveLength(5);
      expect(platform.checks[0].services).toBe(1);
      expect((await call(permitted, TOOLS.gaps, { limit: 100 })).services).toBe(
        2,
      );
      expect(
        await callError(permitted, TOOLS.gaps, {
          entityRef: CMS,
          owner: ['platform-team'],
        }),
      ).toMatch(/^InputError: Give either entityRef or fleet filters/);

      // One check explained: the finding, why, the fix and its snippet.
      const explained = await call(permitted, TOOLS.explain, {
        entityRef: CMS,
        checkId: CHECK,
      });
      expect(explained).toMatchObject({
        entityRef: CMS,
        checkId: CHECK,
        title: 'Dependency versions pinned exactly',
        areaTitle: 'II. Dependencies',
        group: 'Twelve-Factor App',
        verdict: 'partial',
        finding: restResult.summary,
        evidenceTotal: restResult.evidence.length,
        docsUrl: 'https://12factor.net/dependencies',
        howToFix: {
          text: restResult.remediation!.text,
          docsUrl: restResult.remediation!.docsUrl,
          snippet: {
            language: restResult.remediation!.snippet!.language,
            content: restResult.remediation!.snippet!.content,
          },
        },
        scoreImpact: {
          area: 75,
          overall: before.overall,
        },
      });
      expect(explained.howToFix.snippet.content.length).toBeGreaterThan(0);
      expect(explained.scoreImpact.areaIfMet).toBeGreaterThan(75);
      expect(explained.scoreImpact.overallIfMet).toBeGreaterThan(
        before.overall!,
      );
      expect(explained.whyItMatters).toContain('II. Dependencies');
      expect(explained.evidence.length).toBeGreaterThan(0);
      expect(
        await callError(permitted, TOOLS.explain, {
          entityRef: CMS,
          checkId: 'f2-dependencies.nope',
        }),
      ).toMatch(/^InputError: No check 'f2-dependencies.nope'/);

      // A rescan runs and returns the new scores.
      const rescanned = await call(permitted, TOOLS.rescan, {
        entityRef: CMS,
      });
      expect(rescanned).toMatchObject({
        entityRef: CMS,
        status: 'scanned',
        overall: before.overall,
      });
      expect(rescanned.generatedAt > before.generatedAt).toBe(true);
      expect((await scorecard(CMS_URL)).generatedAt).toBe(
        rescanned.generatedAt,
      );

      // A waiver: stored against the caller and applied before the answer.
      const waived = await call(permitted, TOOLS.waive, {
        entityRef: CMS,
        checkId: CHECK,
        reason: 'The image build installs from the lock file',
        expires: day(30),
        ticket: 'https://tickets.example.com/OPS-7',
      });
      expect(waived).toMatchObject({
        waiver: {
          entityRef: CMS,
          checkId: CHECK,
          author: PERMITTED,
          status: 'active',
          expires: day(30),
          ticket: 'https://tickets.example.com/OPS-7',
        },
        verdict: 'waived',
      });
      expect(waived.overall).not.toBe(before.overall);
      expect(audit.events[1]).toMatchObject({
        meta: { actionType: 'create', entityRef: CMS, caller: PERMITTED },
        outcome: 'success',
      });
      const after = await scorecard(CMS_URL);
      expect(after.results.find(r => r.checkId === CHECK)).toMatchObject({
        verdict: 'waived',
        reason: 'The image build installs from the lock file',
      });
      expect(after.overall).toBe(waived.overall);
      // Waiving it again is refused by the waiver service.
      expect(
        await callError(permitted, TOOLS.waive, {
          entityRef: CMS,
          checkId: CHECK,
          reason: 'again',
          expires: day(10),
        }),
      ).toMatch(/^ConflictError: .*already waived/);

      await permitted.close();
      await denied.close();
    },
  );
});
