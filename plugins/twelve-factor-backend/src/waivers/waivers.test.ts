import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  Scorecard,
  WaiverList,
} from '@internal/plugin-twelve-factor-common';
import path from 'node:path';
import request from 'supertest';
import { twelveFactorPlugin } from '../plugin';
import { validateWaiverRequest } from './DefaultWaiverService';

jest.setTimeout(120_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const SERVICE =
  '/api/twelve-factor/scorecards/component/default/auto-builder-cms';
const CHECK = 'f2-dependencies.pinned';
const OWNER = 'user:default/alice.meyer';
const OTHER = 'user:default/chen.li';

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** The auditor's events as the plugin sent them, with how each ended. */
function capturingAuditor() {
  const events: Array<
    AuditorServiceCreateEventOptions & { outcome?: string; result?: any }
  > = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: (typeof events)[number] = { ...options };
      events.push(event);
      return {
        success: async o => {
          event.outcome = 'success';
          event.result = o?.meta;
        },
        fail: async o => {
          event.outcome = 'failure';
          event.result = { error: o.error.message };
        },
      };
    },
  });
  return { events, factory: auditor.factory };
}

describe('portal waivers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'an owner waives a check, the score changes and the change is audited; others get 403; an expired waiver returns the verdict (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const audit = capturingAuditor();
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          twelveFactorPlugin,
          mockServices.database.factory({ knex }),
          // The real scheduler: the expiry task runs on its own timer.
          schedulerServiceFactory,
          audit.factory,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Component', 'Location'] }],
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
                catalogSync: { initialDelay: { seconds: 1 } },
                waivers: { maxDays: 90, expiryCheckFrequency: { seconds: 1 } },
              },
            },
          }),
          // Stands in for the example app's policy: the owner may manage
          // waivers, everyone may read.
          mockServices.permissions.mock({
            authorize: async (reqs, { credentials }) =>
              reqs.map(r => ({
                result:
                  r.permission.name !== 'twelve-factor.waiver.manage' ||
                  (credentials.principal as any).userEntityRef === OWNER
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              })),
            authorizeConditional: async reqs =>
              reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
          }).factory,
        ],
      });
      const as = (user: string) => mockCredentials.user.header(user);

      let before: Scorecard | undefined;
      for (let i = 0; i < 200 && !before; i++) {
        const res = await request(server)
          .get(SERVICE)
          .set('Authorization', as(OWNER));
        if (res.status === 200) before = res.body;
        else await new Promise(r => setTimeout(r, 200));
      }
      expect(before).toBeDefined();
      const verdictIn = (card: Scorecard) =>
        card.results.find(r => r.checkId === CHECK)!;
      expect(verdictIn(before!).verdict).toBe('partial');

      // Bad input is a 400 that names the field, and stores nothing.
      for (const [body, message] of [
        [{ checkId: CHECK, expires: day(30) }, /reason/],
        [{ checkId: CHECK, reason: 'x', expires: day(91) }, /at most 90 days/],
        [{ checkId: CHECK, reason: 'x', expires: day(-1) }, /expires/],
        [{ checkId: CHECK, reason: 'x', expires: '2027-02-30' }, /expires/],
        [{ checkId: 'nope', reason: 'x', expires: day(30) }, /checkId/],
        [
          { checkId: CHECK, reason: 'x', expires: day(30), ticket: 'ftp://a' },
          /ticket/,
        ],
      ] as const) {
        const res = await request(server)
          .post(`${SERVICE}/waivers`)
          .set('Authorization', as(OWNER))
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }

      // Someone who does not own the service is refused, and audited as such.
      const denied = await request(server)
        .post(`${SERVICE}/waivers`)
        .set('Authorization', as(OTHER))
        .send({ checkId: CHECK, reason: 'not mine', expires: day(30) });
      expect(denied.status).toBe(403);

      const created = await request(server)
        .post(`${SERVICE}/waivers`)
        .set('Authorization', as(OWNER))
        .send({
          checkId: CHECK,
          reason: 'Pinned by the lock file in the image build',
          expires: day(30),
          ticket: 'https://tickets.example.com/OPS-42',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: 'component:default/auto-builder-cms',
        checkId: CHECK,
        author: OWNER,
        status: 'active',
        expires: day(30),
      });

      // The create answered after the rescan: the scorecard shows the waiver.
      const after: Scorecard = (
        await request(server).get(SERVICE).set('Authorization', as(OTHER))
      ).body;
      expect(verdictIn(after)).toMatchObject({
        verdict: 'waived',
        reason: 'Pinned by the lock file in the image build',
        waiver: {
          origin: 'portal',
          author: OWNER,
          expires: day(30),
          ticket: 'https://tickets.example.com/OPS-42',
        },
      });
      expect(after.overall).not.toBe(before!.overall);

      // One waiver per check at a time.
      const again = await request(server)
        .post(`${SERVICE}/waivers`)
        .set('Authorization', as(OWNER))
        .send({ checkId: CHECK, reason: 'again', expires: day(10) });
      expect(again.status).toBe(409);

      const listed = await request(server)
        .get(`${SERVICE}/waivers`)
        .set('Authorization', as(OTHER));
      expect(listed.status).toBe(200);
      expect((listed.body as WaiverList).maxDays).toBe(90);
      expect(listed.body.items.map((w: any) => w.id)).toEqual([
        created.body.id,
      ]);

      // Revoking takes the same permission.
      const notYours = await request(server)
        .delete(`${SERVICE}/waivers/${created.body.id}`)
        .set('Authorization', as(OTHER));
      expect(notYours.status).toBe(403);

      const creates = audit.events.filter(e => e.meta?.actionType === 'create');
      expect(creates.map(e => [e.eventId, e.outcome])).toEqual(
        expect.arrayContaining([
          ['waiver', 'failure'],
          ['waiver', 'success'],
        ]),
      );
      expect(creates.find(e => e.outcome === 'success')!.result).toMatchObject({
        waiverId: created.body.id,
        author: OWNER,
        checkId: CHECK,
      });

      // Time passes: the waiver's last day is behind us. The expiry task
      // records it once, audits it, and the rescan brings the verdict back.
      await knex('twelve_factor_waivers')
        .where({ id: created.body.id })
        .update({ expires: day(-1) });
      let expired: any;
      for (let i = 0; i < 100 && !expired?.expiredAt; i++) {
        await new Promise(r => setTimeout(r, 200));
        expired = (
          await request(server)
            .get(`${SERVICE}/waivers`)
            .set('Authorization', as(OWNER))
        ).body.items[0];
      }
      expect(expired).toMatchObject({ status: 'expired' });
      expect(expired.expiredAt).toBeDefined();
      const expiries = audit.events.filter(
        e => e.meta?.actionType === 'expire',
      );
      expect(expiries).toHaveLength(1);
      expect(expiries[0].meta).toMatchObject({
        waiverId: created.body.id,
        entityRef: 'component:default/auto-builder-cms',
      });

      let back: Scorecard | undefined;
      for (let i = 0; i < 100; i++) {
        back = (
          await request(server).get(SERVICE).set('Authorization', as(OWNER))
        ).body;
        if (verdictIn(back!).verdict !== 'waived') break;
        await new Promise(r => setTimeout(r, 200));
      }
      expect(verdictIn(back!).verdict).toBe('partial');
      expect(back!.overall).toBe(before!.overall);

      // The history keeps the waived period as its own row.
      const history = await request(server)
        .get(`${SERVICE}/history`)
        .set('Authorization', as(OWNER));
      expect(history.body.items.length).toBeGreaterThanOrEqual(3);

      // A revoked or expired waiver cannot be revoked again.
      const late = await request(server)
        .delete(`${SERVICE}/waivers/${created.body.id}`)
        .set('Authorization', as(OWNER));
      expect(late.status).toBe(409);
    },
  );
});

describe('validateWaiverRequest', () => {
  const options = {
    checkIds: new Set(['f3-config.no-hardcoded']),
    today: '2026-12-07',
    maxDays: 180,
  };

  it('accepts the last allowed day and hides a credential typed into the reason or the ticket', () => {
    const accepted = validateWaiverRequest(
      {
        checkId: 'f3-config.no-hardcoded',
        reason:
          'Rotating soon, DB_PASSWORD=hunter2-s3cret-value in the old chart',
        expires: '2027-06-05',
        ticket: 'https://bot:glpat-abcdefghijklmnopqrst@tickets.example.com/1',
      },
      options,
    );
    expect(accepted.expires).toBe('2027-06-05');
    expect(JSON.stringify(accepted)).not.toMatch(/hunter2|glpat-abcdef/);
    expect(accepted.reason).toMatch(/^Rotating soon/);
  });

  it.each([
    [
      'an expiry past the maximum',
      { reason: 'x', expires: '2027-06-06' },
      /at most 180 days/,
    ],
    [
      'a blank reason',
      { reason: '   ', expires: '2027-01-01' },
      /reason is required/,
    ],
    [
      'a reason over 2,000 characters',
      { reason: 'x'.repeat(2001), expires: '2027-01-01' },
      /2000/,
    ],
    [
      'a date not written YYYY-MM-DD',
      { reason: 'x', expires: '2027-1-1' },
      /YYYY-MM-DD/,
    ],
    [
      'a ticket that is not an http(s) link',
      {
        reason: 'x',
        expires: '2027-01-01',
        ticket: 'ftp://tickets.example.com/1',
      },
      /ticket/,
    ],
  ])('refuses %s', (_label, body, message) => {
    expect(() =>
      validateWaiverRequest(
        { checkId: 'f3-config.no-hardcoded', ...body },
        options,
      ),
    ).toThrow(message);
  });
});
