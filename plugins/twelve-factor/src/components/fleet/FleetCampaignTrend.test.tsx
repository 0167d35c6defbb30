import { useLocation } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { alertApiRef } from '@backstage/core-plugin-api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  builtInChecks,
  type FleetCampaign,
  type FleetTrend,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorApiRef } from '../../api/TwelveFactorApi';
import { overviewRouteRef } from '../../routes';
import { TwelveFactorOverviewPage } from '../TwelveFactorOverviewPage';
import { EntityTwelveFactorFleetContent } from '../EntityTwelveFactorFleetContent';
import { TwelveFactorFleetCard } from '../TwelveFactorFleetCard';
import { fakeFleetApi, makeFleet, summarise } from './testFleet';

jest.setTimeout(30_000);

function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}
const address = () =>
  new URLSearchParams(screen.getByTestId('address').textContent ?? '');

const CAMPAIGN: FleetCampaign = {
  checkId: 'cn-resilience.pdb',
  verdicts: ['fail', 'partial'],
  total: 3,
  owners: [
    {
      owner: 'group:default/team-a',
      // More than the campaign lists: the rest is in the CSV export.
      count: 30,
      services: [
        {
          entityRef: 'component:default/cart',
          verdict: 'fail',
          summary: 'No PDB covers cart-api',
          remediation: 'Add a PodDisruptionBudget with maxUnavailable: 1.',
        },
        {
          entityRef: 'component:default/search',
          title: 'Search API',
          verdict: 'partial',
          summary: 'The PDB covers one of two Deployments',
        },
      ],
    },
    {
      owner: '',
      count: 1,
      services: [
        {
          entityRef: 'component:default/orphan',
          verdict: 'fail',
          summary: 'No PDB',
        },
      ],
    },
  ],
  trend: [
    { date: '2026-11-24', fail: 5, partial: 1, pass: 10 },
    { date: '2026-11-25', fail: 4, partial: 1, pass: 11 },
    { date: '2026-11-26', fail: 2, partial: 1, pass: 13 },
  ],
};

const point = (date: string, overall: number | null) => ({
  date,
  services: 10,
  overall,
  twelveFactor: overall,
  cloudNative: overall,
});

async function renderPage(path: string, api: object) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [twelveFactorApiRef, api],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
      ]}
    >
      <TwelveFactorOverviewPage />
      <Address />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('campaigns', () => {
  it("lists every service failing or partly meeting the check, by owner, with its own finding and remediation, linked to the check's area", async () => {
    const api = fakeFleetApi(makeFleet(20), {
      getCheckCatalog: jest.fn(async () => ({
        areas: [],
        checks: [...builtInChecks],
      })),
      getCampaign: jest.fn(async () => CAMPAIGN),
    });
    await renderPage(
      '/twelve-factor?view=campaign&check=cn-resilience.pdb&tag=java',
      api,
    );
    const team = await screen.findByTestId(
      'campaign-owner-group:default/team-a',
    );
    expect(api.getCampaign).toHaveBeenCalledWith('cn-resilience.pdb', {
      query: {
        tag: ['java'],
        check: { id: 'cn-resilience.pdb', verdicts: ['fail', 'partial'] },
      },
      days: 90,
      verdicts: ['fail', 'partial'],
    });
    expect(screen.getByTestId('campaign-total')).toHaveTextContent(
      '3 services, 2 owner(s)',
    );
    const cart = within(team).getByTestId(
      'campaign-service-component:default/cart',
    );
    expect(cart).toHaveTextContent('Not met');
    expect(cart).toHaveTextContent('No PDB covers cart-api');
    expect(cart).toHaveTextContent(
      'How to improve: Add a PodDisruptionBudget with maxUnavailable: 1.',
    );
    expect(within(cart).getByRole('link', { name: 'cart' })).toHaveAttribute(
      'href',
      '/catalog/default/component/cart/twelve-factor?area=cn-resilience',
    );
    expect(within(team).getByText('Search API')).toBeInTheDocument();
    // An open owner with more services than the campaign listed asks for all of them.
    await waitFor(() =>
      expect(api.getCampaign).toHaveBeenCalledWith('cn-resilience.pdb', {
        query: {
          tag: ['java'],
          owner: ['group:default/team-a'],
          check: { id: 'cn-resilience.pdb', verdicts: ['fail', 'partial'] },
        },
        days: 90,
        verdicts: ['fail', 'partial'],
        perOwner: 500,
      }),
    );
    // The owner's count is all of its services; the rest of the list is one export away.
    expect(team).toHaveTextContent('30 services');
    expect(within(team).getByTestId('campaign-more')).toHaveTextContent(
      'and 28 more: export the campaign as CSV for the full list',
    );
    expect(
      within(screen.getByTestId('campaign-owner-none')).queryByTestId(
        'campaign-more',
      ),
    ).toBeNull();
    expect(screen.getByTestId('campaign-owner-none')).toHaveTextContent(
      'No owner',
    );
    // The check picked is the one in the address, by its title.
    expect(screen.getByTestId('campaign-check')).toHaveValue(
      builtInChecks.find(c => c.id === 'cn-resilience.pdb')!.title,
    );
  });

  it('narrows to one verdict, changes the period, and exports the campaign as CSV', async () => {
    const api = fakeFleetApi(makeFleet(5), {
      getCheckCatalog: jest.fn(async () => ({
        areas: [],
        checks: [...builtInChecks],
      })),
      getCampaign: jest.fn(async () => CAMPAIGN),
    });
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:x'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    try {
      await renderPage(
        '/twelve-factor?view=campaign&check=cn-resilience.pdb',
        api,
      );
      await screen.findByTestId('campaign-total');
      fireEvent.click(screen.getByRole('checkbox', { name: 'Partially met' }));
      await waitFor(() => expect(address().get('verdict')).toBe('fail'));
      fireEvent.click(screen.getByTestId('period-365'));
      await waitFor(() => expect(address().get('days')).toBe('365'));
      expect(api.getCampaign).toHaveBeenLastCalledWith(
        'cn-resilience.pdb',
        expect.objectContaining({ days: 365, verdicts: ['fail'] }),
      );
      fireEvent.click(
        within(
          screen.getByRole('group', { name: 'Export this campaign' }),
        ).getByTestId('fleet-export-csv'),
      );
      await waitFor(() => expect(click).toHaveBeenCalled());
      expect(api.downloadExport).toHaveBeenCalledWith(
        'csv',
        { check: { id: 'cn-resilience.pdb', verdicts: ['fail'] } },
        { lang: undefined },
      );
      expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
        /^twelve-factor-campaign-cn-resilience\.pdb-.*\.csv$/,
      );
    } finally {
      click.mockRestore();
    }
  });

  it('asks for a check before there is one, and picking one writes it into the address', async () => {
    const api = fakeFleetApi(makeFleet(5), {
      getCheckCatalog: jest.fn(async () => ({
        areas: [],
        checks: [...builtInChecks],
      })),
      getCampaign: jest.fn(async () => CAMPAIGN),
    });
    await renderPage('/twelve-factor?view=campaign', api);
    expect(await screen.findByTestId('campaign-pick')).toBeInTheDocument();
    expect(api.getCampaign).not.toHaveBeenCalled();
    const input = screen.getByTestId('campaign-check');
    fireEvent.change(input, { target: { value: 'PodDisruption' } });
    const option = await screen.findByText(
      builtInChecks.find(c => c.id === 'cn-resilience.pdb')!.title,
    );
    fireEvent.click(option);
    await waitFor(() =>
      expect(address().get('check')).toBe('cn-resilience.pdb'),
    );
    await screen.findByTestId('campaign-total');
  });
});

describe('trend', () => {
  it('draws the filter and the whole fleet over the period, per owner when asked', async () => {
    const getTrend = jest.fn(
      async (o: { query: object; groupBy?: string }): Promise<FleetTrend> => ({
        days: 30,
        points:
          'tag' in o.query
            ? [point('2026-10-28', 50), point('2026-11-26', 58.5)]
            : [point('2026-10-28', 60), point('2026-11-26', 61)],
        groups: o.groupBy
          ? [
              {
                key: 'group:default/team-a',
                points: [point('2026-10-28', 40), point('2026-11-26', 45)],
              },
            ]
          : undefined,
      }),
    );
    const api = fakeFleetApi(makeFleet(5), { getTrend });
    await renderPage('/twelve-factor?view=trend&days=30&tag=python', api);
    await waitFor(() =>
      expect(screen.getByTestId('trend-change')).toHaveTextContent(
        'Overall over 30 days: 50% → 58.5% (+8.5 points)',
      ),
    );
    expect(getTrend).toHaveBeenCalledWith({
      query: { tag: ['python'] },
      days: 30,
      groupBy: undefined,
    });
    // The whole fleet beside the filter.
    expect(getTrend).toHaveBeenCalledWith({ query: {}, days: 30 });
    fireEvent.click(screen.getByTestId('trend-per-owner'));
    await waitFor(() => expect(address().get('groupBy')).toBe('owner'));
    expect(getTrend).toHaveBeenLastCalledWith({
      query: { tag: ['python'], groupBy: 'owner' },
      days: 30,
      groupBy: 'owner',
    });
    expect(
      await screen.findByTestId('trend-group-group:default/team-a'),
    ).toHaveTextContent('team-a: 45% (+5)');
  });
});

describe('the fleet of a group, system or domain', () => {
  it('keeps every request within the entity and rolls it up by its systems', async () => {
    const fleet = makeFleet(200);
    const api = fakeFleetApi(fleet);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [twelveFactorApiRef, api],
          [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
        ]}
      >
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Domain',
            metadata: { name: 'dom-1', namespace: 'default' },
            spec: {},
          }}
        >
          <EntityTwelveFactorFleetContent />
          <Address />
        </EntityProvider>
      </TestApiProvider>,
      {
        routeEntries: ['/?view=rollups'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const own = fleet.filter(i => i.domain === 'domain:default/dom-1');
    await waitFor(() =>
      expect(screen.getByTestId('overview-services')).toHaveTextContent(
        String(own.length),
      ),
    );
    expect(api.getFleet).toHaveBeenCalledWith(
      expect.objectContaining({ within: 'domain:default/dom-1' }),
    );
    expect(api.getRollups).toHaveBeenCalledWith('system', {
      within: 'domain:default/dom-1',
    });
    expect(
      await screen.findByTestId('rollup-system:default/sys-1'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('rollup-system:default/sys-2'),
    ).not.toBeInTheDocument();
    // The entity is not written into the address: it comes from the page.
    fireEvent.click(screen.getByTestId('fleet-view-heatmap'));
    await waitFor(() => expect(address().get('view')).toBeNull());
    expect(address().get('within')).toBeNull();
  });
});

describe('TwelveFactorFleetCard', () => {
  it("shows the fleet's services, average, bands and weakest areas, linked to the overview", async () => {
    const fleet = makeFleet(60);
    const api = fakeFleetApi(fleet);
    await renderInTestApp(
      <TestApiProvider apis={[[twelveFactorApiRef, api]]}>
        <TwelveFactorFleetCard />
      </TestApiProvider>,
      { mountedRoutes: { '/twelve-factor': overviewRouteRef } },
    );
    const summary = summarise(fleet);
    await waitFor(() =>
      expect(screen.getByTestId('fleet-card-services')).toHaveTextContent('60'),
    );
    expect(api.getFleet).toHaveBeenCalledWith({ limit: 1 });
    expect(screen.getByTestId('fleet-card-average')).toHaveTextContent(
      `${Math.round(summary.overall! * 10) / 10}%`,
    );
    expect(screen.getByTestId('fleet-card-band-poor')).toHaveTextContent(
      String(summary.bands.poor),
    );
    const weakest = Object.entries(summary.areas)
      .sort((a, b) => a[1]! - b[1]!)
      .slice(0, 3)
      .map(([id]) => `fleet-card-weak-${id}`);
    expect(
      screen
        .getAllByTestId(/^fleet-card-weak-/)
        .map(e => e.getAttribute('data-testid')),
    ).toEqual(weakest);
    expect(screen.getByText('View details').closest('a')).toHaveAttribute(
      'href',
      '/twelve-factor',
    );
  });
});
