import { ResponseError } from '@backstage/errors';
import { TwelveFactorClient, isScorecardPending } from './TwelveFactorClient';

const BASE = 'http://backend/api/twelve-factor';

function jsonResponse(
  status: number,
  body: unknown,
  type = 'application/json',
) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });
}

function clientWith(respond: (url: string) => Response) {
  const fetch = jest.fn(async (url: string) => respond(url));
  const client = new TwelveFactorClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: fetch as any },
  });
  const urls = () =>
    fetch.mock.calls.map(([url]) => decodeURIComponent(String(url)));
  return { client, fetch, urls };
}

const entity = { kind: 'Component', namespace: 'default', name: 'cms' };

describe('TwelveFactorClient', () => {
  it('returns the scorecard on 200 and the pending scan on 202', async () => {
    const card = { entityRef: 'component:default/cms', results: [] };
    const { client } = clientWith(() => jsonResponse(200, card));
    const scored = await client.getScorecard(entity);
    expect(isScorecardPending(scored)).toBe(false);

    const pending = {
      entityRef: 'component:default/cms',
      status: 'scanning',
      message: 'Scanning since 10:00',
    };
    const { client: queued, urls } = clientWith(() =>
      jsonResponse(202, pending),
    );
    const answer = await queued.getScorecard(entity);
    expect(isScorecardPending(answer)).toBe(true);
    expect(answer).toEqual(pending);
    expect(urls()).toEqual([`${BASE}/scorecards/Component/default/cms`]);
  });

  it("rejects with the backend's message when the entity is not scored", async () => {
    const { client } = clientWith(() =>
      jsonResponse(400, {
        error: {
          name: 'InputError',
          message:
            'group:default/a is not a service: only service and website components are scored',
        },
        response: { statusCode: 400 },
      }),
    );
    const error = await client.getScorecard(entity).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toMatch(/is not a service/);
  });

  it('writes the fleet query in its one text form, per endpoint', async () => {
    const { client, urls } = clientWith(() => jsonResponse(200, {}));
    const query = {
      owner: ['group:default/a'],
      band: ['poor' as const],
      areaBelow: { area: 'f3-config', score: 50 },
      within: 'system:default/shop',
      groupBy: 'owner' as const,
      sort: 'area:f3-config' as const,
      order: 'desc' as const,
      offset: 500,
      limit: 500,
    };
    await client.getFleet(query);
    await client.getRollups('system', query);
    await client.getCampaign('cn-resilience.pdb', {
      query: {
        ...query,
        check: { id: 'f3-config.secrets', verdicts: ['fail'] },
      },
      days: 30,
      verdicts: ['fail'],
    });
    await client.getTrend({ query, days: 365, groupBy: 'domain' });
    expect(urls()).toEqual([
      `${BASE}/fleet?owner=group:default/a&band=poor&areaBelow=f3-config:50&within=system:default/shop&groupBy=owner&sort=area:f3-config&order=desc&offset=500&limit=500`,
      `${BASE}/fleet/rollups?owner=group:default/a&band=poor&areaBelow=f3-config:50&within=system:default/shop&by=system`,
      `${BASE}/fleet/campaigns/cn-resilience.pdb?owner=group:default/a&band=poor&areaBelow=f3-config:50&within=system:default/shop&days=30&verdict=fail`,
      `${BASE}/fleet/trend?owner=group:default/a&band=poor&areaBelow=f3-config:50&within=system:default/shop&days=365&groupBy=domain`,
    ]);
  });

  it('downloads every matching service as CSV and the report as Markdown, with the language', async () => {
    const { client, urls, fetch } = clientWith(url =>
      url.includes('.csv')
        ? jsonResponse(200, 'entityRef,overall\n', 'text/csv')
        : jsonResponse(200, '# 보고서', 'text/markdown'),
    );
    const csv = await client.downloadExport('csv', {
      tag: ['python'],
      check: { id: 'cn-resilience.pdb', verdicts: ['fail', 'partial'] },
      offset: 500,
      limit: 500,
    });
    expect(await csv.text()).toBe('entityRef,overall\n');
    const md = await client.downloadExport(
      'markdown',
      { tag: ['python'] },
      { lang: 'ko' },
    );
    expect(await md.text()).toBe('# 보고서');
    expect(urls()).toEqual([
      `${BASE}/fleet/export.csv?tag=python&check=cn-resilience.pdb&verdict=fail,partial`,
      `${BASE}/fleet/report.md?tag=python&lang=ko`,
    ]);
    // Through the fetch API, which adds the user's token.
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('fails an export with the backend message', async () => {
    const { client } = clientWith(() =>
      jsonResponse(400, {
        error: { name: 'InputError', message: "cannot sort by 'random'" },
        response: { statusCode: 400 },
      }),
    );
    const error = await client.downloadExport('csv', {}).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe("cannot sort by 'random'");
  });
});
