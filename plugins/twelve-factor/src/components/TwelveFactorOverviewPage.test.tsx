import { useLocation } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';
import { TwelveFactorOverviewPage } from './TwelveFactorOverviewPage';
import { fakeFleetApi, makeFleet } from './fleet/testFleet';
import { FLEET_PAGE_SIZE } from './fleet/useFleetPages';

jest.setTimeout(30_000);

/** Shows the address the page wrote, to assert the state the URL holds. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

const VIEWPORT = 600;

// The virtualiser reads the scroll container's height; jsdom lays nothing out.
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
        ? VIEWPORT
        : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight)
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

async function renderAt(path: string, api: object) {
  const alerts = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [twelveFactorApiRef, api],
        [alertApiRef, alerts],
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
  return { alerts };
}

const address = () =>
  new URLSearchParams(screen.getByTestId('address').textContent ?? '');

const renderedRows = () =>
  screen
    .getByTestId('fleet-heatmap')
    .querySelectorAll('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');

const rowRefs = () =>
  [...renderedRows()].map(r => r.getAttribute('data-entity-ref'));

describe('TwelveFactorOverviewPage', () => {
  it('opens the view a link describes: the filter, sort and headline of that view', async () => {
    const fleet = makeFleet(300);
    const api = fakeFleetApi(fleet);
    await renderAt(
      '/twelve-factor?owner=group%3Adefault%2Fteam-3&sort=area%3Af3-config&order=asc',
      api,
    );
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    expect(api.getFleet).toHaveBeenCalledWith({
      owner: ['group:default/team-3'],
      sort: 'area:f3-config',
      order: 'asc',
      offset: 0,
      limit: FLEET_PAGE_SIZE,
    });
    const team3 = fleet.filter(i => i.owner === 'group:default/team-3');
    // The headline counts the filter, not the fleet.
    expect(screen.getByTestId('overview-services')).toHaveTextContent(
      String(team3.length),
    );
    // Only team-3's services, weakest III. Config first.
    const refs = rowRefs();
    const byRef = new Map(fleet.map(i => [i.entityRef, i]));
    expect(
      refs.every(r => byRef.get(r!)!.owner === 'group:default/team-3'),
    ).toBe(true);
    const config = refs.map(r => byRef.get(r!)!.areas['f3-config']);
    const decided = config.filter((s): s is number => s !== null);
    expect(decided).toEqual([...decided].sort((a, b) => a - b));
    // The owner filter shows the value from the link.
    expect(
      within(screen.getByTestId('fleet-filter-owner-field')).getByText(
        'team-3',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('heatmap-header-f3-config')).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('keeps the rows in the DOM bounded for 5,000 services and loads pages as the user scrolls', async () => {
    const api = fakeFleetApi(makeFleet(5000));
    await renderAt('/twelve-factor', api);
    const grid = await screen.findByRole('grid');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '5001'));
    await waitFor(() =>
      expect(rowRefs()[0]).toBe('component:default/svc-0000'),
    );
    // 600 px of 30 px rows and some overscan: a few dozen rows, not 5,000 nor a page of 200.
    const visible = renderedRows().length;
    expect(visible).toBeGreaterThanOrEqual(VIEWPORT / 30);
    expect(visible).toBeLessThan(60);
    expect(api.getFleet.mock.calls.map(([q]) => q.offset)).toEqual([0]);

    // Jump to row 3,000: only the page that holds it is asked for.
    const scroll = screen.getByTestId('fleet-heatmap-scroll');
    act(() => {
      scroll.scrollTop = 3000 * 30;
      fireEvent.scroll(scroll);
    });
    await waitFor(() =>
      expect(rowRefs()).toContain('component:default/svc-3005'),
    );
    const offsets = api.getFleet.mock.calls.map(([q]) => q.offset);
    expect(offsets).toContain(3000);
    expect(offsets).not.toContain(1000);
    expect(renderedRows().length).toBeLessThan(60);
    const indexes = [...renderedRows()].map(r =>
      Number(r.getAttribute('aria-rowindex')),
    );
    expect(Math.min(...indexes)).toBeGreaterThan(2900);
  });

  it('sorts by a column on the server and writes the sort into the address', async () => {
    const api = fakeFleetApi(makeFleet(120));
    await renderAt('/twelve-factor', api);
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    fireEvent.click(
      screen.getByRole('button', { name: 'Sort by III. Config' }),
    );
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'area:f3-config', order: 'asc' }),
      ),
    );
    expect(address().get('sort')).toBe('area:f3-config');
    expect(address().get('order')).toBe('asc');
    // Again: the other way.
    fireEvent.click(
      screen.getByRole('button', { name: 'Sort by III. Config' }),
    );
    await waitFor(() => expect(address().get('order')).toBe('desc'));
    expect(api.getFleet).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'area:f3-config', order: 'desc' }),
    );
    // Counts sort largest first.
    fireEvent.click(
      screen.getByRole('button', { name: 'Sort by Checks not met' }),
    );
    await waitFor(() => expect(address().get('sort')).toBe('fail'));
    expect(address().get('order')).toBe('desc');
  });

  it('groups rows by owner with a header per group, asked of the server', async () => {
    const fleet = makeFleet(120);
    const api = fakeFleetApi(fleet);
    await renderAt('/twelve-factor', api);
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    expect(screen.queryAllByTestId('heatmap-group')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('heatmap-group-by-owner'));
    await waitFor(() => expect(address().get('groupBy')).toBe('owner'));
    expect(api.getFleet).toHaveBeenLastCalledWith(
      expect.objectContaining({ groupBy: 'owner', offset: 0 }),
    );
    expect(api.getRollups).toHaveBeenCalledWith('owner', {});
    const headers = await screen.findAllByTestId('heatmap-group');
    // Services without an owner come first ('' sorts first), then team-0.
    expect(headers[0]).toHaveAttribute('data-group', '');
    expect(headers[0]).toHaveTextContent('No owner');
    const team0 = fleet.filter(i => i.owner === 'group:default/team-0');
    await waitFor(() =>
      expect(
        headers[1].closest('[role="presentation"]')!.textContent,
      ).toContain(`team-0 · ${team0.length} services`),
    );
    // Each header sits just above the first row of its group.
    const firstOfTeam0 = headers[1]
      .closest('[role="presentation"]')!
      .querySelector('[aria-rowindex]')!;
    expect(firstOfTeam0.getAttribute('data-entity-ref')).toBe(
      team0[0].entityRef,
    );
  });

  it("links every cell to that area on the service's tab", async () => {
    const api = fakeFleetApi(makeFleet(10));
    await renderAt('/twelve-factor', api);
    const row = await screen.findByTestId(
      'heatmap-row-component:default/svc-0001',
    );
    const cell = row.querySelector('[data-area="f3-config"] a')!;
    expect(cell).toHaveAttribute(
      'href',
      '/catalog/default/component/svc-0001/twelve-factor?area=f3-config',
    );
    expect(cell.getAttribute('aria-label')).toMatch(/^III\. Config: \d+%$/);
    const overall = within(row).getByTestId(
      'overview-overall-component:default/svc-0001',
    );
    expect(overall).toHaveAttribute(
      'href',
      '/catalog/default/component/svc-0001/twelve-factor',
    );
    // The overall score as the tab prints it, one decimal at most.
    expect(overall).toHaveTextContent(`${makeFleet(2)[1].overall}%`);
    expect(within(row).getByText('svc-0001')).toHaveAttribute(
      'href',
      '/catalog/default/component/svc-0001',
    );
    // 19 areas and three scores, each a link.
    expect(row.querySelectorAll('[data-area] a')).toHaveLength(22);
  });

  it('filters by a band from the headline and by a facet, and clears the filters', async () => {
    const fleet = makeFleet(200);
    const api = fakeFleetApi(fleet);
    await renderAt('/twelve-factor', api);
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    const poor = fleet.filter(i => i.band === 'poor').length;
    fireEvent.click(screen.getByRole('button', { name: `Below 50%: ${poor}` }));
    await waitFor(() => expect(address().getAll('band')).toEqual(['poor']));
    await waitFor(() =>
      expect(screen.getByTestId('overview-services')).toHaveTextContent(
        String(poor),
      ),
    );
    // A facet: the tag filter offers the values with their counts.
    const tag = screen.getByTestId('fleet-filter-tag');
    fireEvent.mouseDown(tag);
    fireEvent.click(await screen.findByText('python'));
    await waitFor(() => expect(address().getAll('tag')).toEqual(['python']));
    expect(api.getFleet).toHaveBeenLastCalledWith(
      expect.objectContaining({ band: ['poor'], tag: ['python'] }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(address().toString()).toBe(''));
  });

  it('searches after the user stops typing', async () => {
    const api = fakeFleetApi(makeFleet(50));
    await renderAt('/twelve-factor', api);
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    fireEvent.change(screen.getByTestId('fleet-search'), {
      target: { value: 'svc-004' },
    });
    await waitFor(() => expect(address().get('q')).toBe('svc-004'));
    await waitFor(() =>
      expect(rowRefs()).toEqual(
        Array.from({ length: 10 }, (_, i) => `component:default/svc-004${i}`),
      ),
    );
  });

  it('downloads the complete CSV and the Korean report of the current view as files', async () => {
    const api = fakeFleetApi(makeFleet(20));
    const createObjectURL = jest.fn(() => 'blob:fleet');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: Array<{ href: string; download: string }> = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function clickMock(this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      });
    try {
      await renderAt('/twelve-factor?tag=python&sort=overall', api);
      await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
      fireEvent.click(screen.getByTestId('fleet-export-csv'));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.downloadExport).toHaveBeenCalledWith(
        'csv',
        { tag: ['python'], sort: 'overall' },
        { lang: undefined },
      );
      expect(clicked[0].download).toMatch(
        /^twelve-factor-fleet-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      expect(clicked[0].href).toBe('blob:fleet');
      fireEvent.click(screen.getByTestId('fleet-export-mdKo'));
      await waitFor(() => expect(clicked).toHaveLength(2));
      expect(api.downloadExport).toHaveBeenLastCalledWith(
        'markdown',
        { tag: ['python'], sort: 'overall' },
        { lang: 'ko' },
      );
      expect(clicked[1].download).toMatch(/\.ko\.md$/);
    } finally {
      click.mockRestore();
    }
  });

  it("shows the backend's message when the fleet cannot be read, and retries", async () => {
    const fleet = makeFleet(30);
    let fail = true;
    const api = fakeFleetApi(fleet);
    const answer = api.getFleet.getMockImplementation()!;
    api.getFleet.mockImplementation(async q => {
      if (fail) {
        throw Object.assign(new Error('Request failed with 400'), {
          cause: { name: 'InputError', message: "cannot sort by 'x'" },
        });
      }
      return answer(q);
    });
    await renderAt('/twelve-factor', api);
    const alert = await screen.findByTestId('fleet-error');
    expect(alert).toHaveTextContent("cannot sort by 'x'");
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowRefs().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('fleet-error')).not.toBeInTheDocument();
  });

  it('says what was wrong with a link it cannot read', async () => {
    const api = fakeFleetApi(makeFleet(5));
    await renderAt('/twelve-factor?band=great', api);
    expect(await screen.findByTestId('fleet-address-error')).toHaveTextContent(
      "band must be one of good, fair, poor, none, not 'great'",
    );
    expect(api.getFleet).toHaveBeenCalledWith({
      offset: 0,
      limit: FLEET_PAGE_SIZE,
    });
  });

  it('tells an empty fleet apart from an empty filter', async () => {
    await renderAt('/twelve-factor', fakeFleetApi([]));
    expect(
      await screen.findByTestId('twelve-factor-overview-empty'),
    ).toBeInTheDocument();
  });

  it('rolls the filter up by system, each row linked to its heatmap', async () => {
    const fleet = makeFleet(80);
    const api = fakeFleetApi(fleet);
    await renderAt('/twelve-factor?view=rollups&by=system&tag=java', api);
    await screen.findByTestId('rollup-system:default/sys-2');
    expect(api.getRollups).toHaveBeenCalledWith('system', { tag: ['java'] });
    const row = screen.getByTestId('rollup-system:default/sys-2');
    const own = fleet.filter(
      i => i.system === 'system:default/sys-2' && i.tags.includes('java'),
    );
    expect(row).toHaveTextContent(String(own.length));
    const link = within(row).getByTestId('rollup-heatmap-link');
    const target = new URLSearchParams(
      link.getAttribute('href')!.split('?')[1],
    );
    expect(target.getAll('system')).toEqual(['system:default/sys-2']);
    expect(target.getAll('tag')).toEqual(['java']);
    expect(target.get('view')).toBeNull();
    // The other dimensions.
    fireEvent.click(screen.getByTestId('rollups-by-domain'));
    await waitFor(() => expect(address().get('by')).toBe('domain'));
    expect(api.getRollups).toHaveBeenLastCalledWith('domain', {
      tag: ['java'],
    });
  });
});
