/*
 * The fleet view for a reader who picked Korean: a campaign shows each
 * service's finding and remediation in Korean from the messages the backend
 * keeps (the stored English where it has none), and the fleet's own texts
 * (headline, heatmap, rollups, trend, campaign, the home-page card) have no
 * English words left but names and codes.
 */
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { alertApiRef } from '@backstage/core-plugin-api';
import { screen, waitFor, within } from '@testing-library/react';
import {
  builtInChecks,
  renderParts,
  type FleetCampaign,
  type FleetTrend,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorApiRef } from '../../api/TwelveFactorApi';
import { overviewRouteRef } from '../../routes';
import { twelveFactorEngineTranslationRef } from '../../translation/engine';
import { twelveFactorTranslations } from '../../translation/ref';
import { TwelveFactorOverviewPage } from '../TwelveFactorOverviewPage';
import { TwelveFactorFleetCard } from '../TwelveFactorFleetCard';
import { koreanApis } from '../testKorean';
import { fakeFleetApi, makeFleet } from './testFleet';

jest.setTimeout(30_000);

const HANGUL = /[가-힣]/;

// The heatmap's virtualiser reads its scroll container's height; jsdom lays nothing out.
let clientHeight: PropertyDescriptor | undefined;
beforeAll(() => {
  clientHeight = Object.getOwnPropertyDescriptor(
    HTMLElement.prototype,
    'clientHeight',
  );
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return (this as HTMLElement).dataset?.testid === 'fleet-heatmap-scroll'
        ? 600
        : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight)
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

const FINDING = {
  summary: 'kubernetes/overlays/prod: no PDB covers cart-api',
  summaryMsg: [
    {
      id: 'cn-resilience.pdb.uncovered',
      params: { names: 'cart-api' },
      labels: ['kubernetes/overlays/prod'],
    },
  ],
};
const ADVICE = {
  id: 'cn-resilience.pdb.blocking-advice',
};

const CAMPAIGN: FleetCampaign = {
  checkId: 'cn-resilience.pdb',
  verdicts: ['fail', 'partial'],
  total: 2,
  owners: [
    {
      owner: 'group:default/team-a',
      count: 2,
      services: [
        {
          entityRef: 'component:default/cart',
          verdict: 'fail',
          ...FINDING,
          remediation: renderParts([ADVICE], 'en')!,
          remediationMsg: [ADVICE],
        },
        {
          // Stored before the messages were kept: its English.
          entityRef: 'component:default/search',
          verdict: 'partial',
          summary: 'The PDB covers one of two Deployments',
          remediation: 'Cover the other Deployment too.',
        },
      ],
    },
  ],
  trend: [{ date: '2026-11-26', fail: 1, partial: 1, pass: 3 }],
};

const point = (date: string, overall: number | null) => ({
  date,
  services: 10,
  overall,
  twelveFactor: overall,
  cloudNative: overall,
});

async function renderKorean(
  children: React.ReactNode,
  path = '/',
  fleetApi: object = api(),
) {
  const korean = await koreanApis([
    twelveFactorTranslations,
    (twelveFactorEngineTranslationRef as any).getDefaultResource(),
  ]);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        ...korean,
        [twelveFactorApiRef, fleetApi],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
      ]}
    >
      {children}
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/twelve-factor': overviewRouteRef,
      },
    },
  );
}

function api() {
  return fakeFleetApi(makeFleet(30), {
    getCheckCatalog: jest.fn(async () => ({
      areas: [],
      checks: [...builtInChecks],
    })),
    getCampaign: jest.fn(async () => CAMPAIGN),
    getTrend: jest.fn(
      async (): Promise<FleetTrend> => ({
        days: 90,
        points: [point('2026-10-28', 50), point('2026-11-26', 58.5)],
        groups: [
          {
            key: 'group:default/team-1',
            points: [point('2026-10-28', 40), point('2026-11-26', 45)],
          },
        ],
      }),
    ),
  });
}

/**
 * English words a Korean reader sees: in the text and in the titles and
 * labels read aloud, leaving out names of the test fleet (svc-0001,
 * team-1…), refs, codes of areas and scores, and the format names.
 */
function englishIn(element: HTMLElement): string[] {
  const NAMES =
    /^(svc|team|sys|dom|cart|search|cn|api|component|group|system|domain|default|kubernetes|overlays|prod|csv|en|pdb|poddisruptionbudget|minavailable|maxunavailable|deployments?)$/i;
  const CODES =
    /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|CTR|ORC|OBS|RES|SCL|SEC|CI|12F|CN)$/;
  const texts: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    texts.push(n.textContent ?? '');
  element.querySelectorAll('[title],[aria-label],[placeholder]').forEach(e => {
    for (const a of ['title', 'aria-label', 'placeholder'])
      texts.push(e.getAttribute(a) ?? '');
  });
  const out = new Set<string>();
  for (const text of texts) {
    if (HANGUL.test(text)) continue;
    for (const word of text.match(/[A-Za-z0-9][A-Za-z0-9-]*/g) ?? [])
      if (
        !NAMES.test(word.split('-')[0]) &&
        !CODES.test(word) &&
        !/\d/.test(word)
      )
        out.add(`${word} (in "${text.trim().slice(0, 60)}")`);
  }
  return [...out];
}

describe('the fleet in Korean', () => {
  it("shows a campaign's findings and remediation in Korean, and the stored English where there are no messages", async () => {
    await renderKorean(
      <TwelveFactorOverviewPage />,
      '/twelve-factor?view=campaign&check=cn-resilience.pdb',
    );
    const cart = await screen.findByTestId(
      'campaign-service-component:default/cart',
    );
    const finding = within(cart).getByTestId('campaign-finding');
    expect(finding).toHaveTextContent(
      'kubernetes/overlays/prod: cart-api을(를) 대상으로 하는 PDB 없음',
    );
    expect(finding.textContent).toBe(renderParts(FINDING.summaryMsg, 'ko'));
    // The first sentence of the Korean advice, as the English line is the English one's.
    const fix = within(cart).getByTestId('campaign-remediation');
    expect(fix.textContent).toMatch(
      /^개선 방안: 트래픽을 받는 모든 워크로드에/,
    );
    expect(fix.textContent).toMatch(/중단됩니다\)\.$/);
    expect(fix.textContent).not.toContain('minAvailable');
    expect(cart).toHaveTextContent('미충족');
    // No messages: the English the backend stored.
    const search = screen.getByTestId(
      'campaign-service-component:default/search',
    );
    expect(within(search).getByTestId('campaign-finding')).toHaveTextContent(
      'The PDB covers one of two Deployments',
    );
    expect(screen.getByTestId('campaign-total')).toHaveTextContent(
      '서비스 2개, 담당 팀 1개',
    );
    expect(
      englishIn(screen.getByTestId('fleet-campaign')).filter(
        w => !w.includes('The PDB covers') && !w.includes('Cover the other'),
      ),
    ).toEqual([]);
  });

  it.each(['heatmap', 'rollups', 'trend'])(
    'has no English in the %s view',
    async view => {
      await renderKorean(
        <TwelveFactorOverviewPage />,
        `/twelve-factor?view=${view}&groupBy=owner`,
      );
      await waitFor(() =>
        expect(screen.getByTestId('overview-services')).toHaveTextContent('30'),
      );
      if (view === 'rollups')
        await screen.findByTestId('rollup-group:default/team-1');
      if (view === 'trend') await screen.findByTestId('trend-groups');
      if (view === 'heatmap')
        // The rows and their cells' titles are there to be read.
        await screen.findByTestId('heatmap-row-component:default/svc-0000');
      expect(englishIn(document.body)).toEqual([]);
    },
  );

  it('has no English on the home-page card', async () => {
    await renderKorean(<TwelveFactorFleetCard />);
    await waitFor(() =>
      expect(screen.getByTestId('fleet-card-services')).toHaveTextContent('30'),
    );
    expect(screen.getByText('상세 보기')).toBeInTheDocument();
    expect(englishIn(document.body)).toEqual([]);
  });
});
