import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ScorecardOverviewItem } from '@internal/plugin-twelve-factor-common';
import { twelveFactorApiRef, TwelveFactorApi } from '../api/TwelveFactorApi';
import { TwelveFactorOverviewPage } from './TwelveFactorOverviewPage';

jest.setTimeout(30_000);

function summary(
  ref: string,
  overall: number | null,
  areas: Record<string, number | null>,
  fail: number,
  owner?: string,
): ScorecardOverviewItem {
  return {
    ...(owner ? { owner } : {}),
    entityRef: ref,
    generatedAt: '2026-11-26T10:00:00.000Z',
    overall,
    twelveFactor: overall,
    cloudNative: overall === null ? null : overall / 2,
    areas,
    counts: { pass: 10, partial: 2, fail, unknown: 1, waived: 0 },
  };
}

const ITEMS = [
  summary(
    'component:default/strong',
    90,
    { 'f1-codebase': 100, 'f3-config': 80 },
    1,
    'group:default/red-team',
  ),
  summary(
    'component:default/weak',
    30,
    { 'f1-codebase': 60, 'f3-config': 10 },
    9,
    'group:default/blue-team',
  ),
  summary('component:default/unscored', null, {}, 0),
];

function renderWith(api: Partial<TwelveFactorApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[twelveFactorApiRef, api]]}>
      <TwelveFactorOverviewPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('TwelveFactorOverviewPage', () => {
  it('sums up the organisation and lists every service, weakest first, linked to its tab', async () => {
    await renderWith({ getOverview: async () => ({ items: ITEMS }) });
    await screen.findByTestId('twelve-factor-overview');
    expect(screen.getByTestId('overview-services')).toHaveTextContent('3');
    expect(screen.getByTestId('overview-average-overall')).toHaveTextContent(
      '60%',
    );
    expect(
      screen.getByTestId('overview-average-cloud-native'),
    ).toHaveTextContent('30%');
    expect(screen.getByTestId('overview-band-good')).toHaveTextContent('1');
    expect(screen.getByTestId('overview-band-fair')).toHaveTextContent('0');
    expect(screen.getByTestId('overview-band-poor')).toHaveTextContent('1');
    expect(screen.getByTestId('overview-band-none')).toHaveTextContent('1');

    // Rows in the order of the overall score, lowest first, unscored services last.
    const links = screen.getAllByTestId(/^overview-overall-/);
    expect(links.map(l => l.getAttribute('data-testid'))).toEqual([
      'overview-overall-component:default/weak',
      'overview-overall-component:default/strong',
      'overview-overall-component:default/unscored',
    ]);
    expect(links[0]).toHaveTextContent('30%');
    expect(links[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/weak/twelve-factor',
    );
    expect(links[2]).toHaveTextContent('n/a');
    const weakRow = links[0].closest('tr')!;
    expect(within(weakRow).getByText('III. Config (10%)')).toBeInTheDocument();
    expect(within(weakRow).getByText('9')).toBeInTheDocument();

    // Sorted the other way, the unscored service stays last.
    const header = links[0].closest('table')!.querySelector('thead')!;
    fireEvent.click(within(header).getByText('Overall'));
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId(/^overview-overall-/)
          .map(l => l.getAttribute('data-testid')),
      ).toEqual([
        'overview-overall-component:default/strong',
        'overview-overall-component:default/weak',
        'overview-overall-component:default/unscored',
      ]),
    );

    // Owners: the weakest first, services without an owner grouped; the owner is linked in its row.
    const weakRowNow = screen
      .getByTestId('overview-overall-component:default/weak')
      .closest('tr')!;
    expect(
      within(weakRowNow).getByText('blue-team').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/group/blue-team');
    const unscoredRow = screen
      .getByTestId('overview-overall-component:default/unscored')
      .closest('tr')!;
    expect(within(unscoredRow).getByText('No owner')).toBeInTheDocument();
    expect(
      screen.getByTestId('overview-owner-group:default/blue-team'),
    ).toHaveTextContent('30%');
    expect(
      screen.getByTestId('overview-owner-group:default/red-team'),
    ).toHaveTextContent('90%');
    expect(screen.getByTestId('overview-owner-none')).toHaveTextContent('n/a');
    const ownerCells = screen
      .getAllByTestId(/^overview-owner-/)
      .map(c => c.getAttribute('data-testid'));
    expect(ownerCells).toEqual([
      'overview-owner-group:default/blue-team',
      'overview-owner-group:default/red-team',
      'overview-owner-none',
    ]);
    expect(screen.getAllByText('No owner')).toHaveLength(2);

    // Areas across the organisation: the weakest mean first.
    expect(screen.getByTestId('overview-area-f3-config')).toHaveTextContent(
      '45%',
    );
    expect(screen.getByTestId('overview-area-f1-codebase')).toHaveTextContent(
      '80%',
    );
    const areaCells = screen
      .getAllByTestId(/^overview-area-/)
      .map(c => c.getAttribute('data-testid'));
    expect(areaCells.indexOf('overview-area-f3-config')).toBeLessThan(
      areaCells.indexOf('overview-area-f1-codebase'),
    );
    expect(areaCells.indexOf('overview-area-f1-codebase')).toBeLessThan(
      areaCells.indexOf('overview-area-f2-dependencies'),
    );
  });

  it('links to the tab where the app mounts it', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [twelveFactorApiRef, { getOverview: async () => ({ items: ITEMS }) }],
        ]}
      >
        <TwelveFactorOverviewPage entityTabPath="/scores/" />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const link = await screen.findByTestId(
      'overview-overall-component:default/weak',
    );
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/weak/scores',
    );
  });

  it('says when nothing has been scanned yet', async () => {
    await renderWith({ getOverview: async () => ({ items: [] }) });
    expect(
      await screen.findByTestId('twelve-factor-overview-empty'),
    ).toHaveTextContent('No service has been scanned yet');
    expect(
      screen.queryByTestId('twelve-factor-overview'),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await renderWith({
      getOverview: async () => {
        throw new Error('overview unavailable');
      },
    });
    await waitFor(() =>
      expect(document.body.textContent).toContain('overview unavailable'),
    );
    expect(
      screen.queryByTestId('twelve-factor-overview'),
    ).not.toBeInTheDocument();
  });
});
