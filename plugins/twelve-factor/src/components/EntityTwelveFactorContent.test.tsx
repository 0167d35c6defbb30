import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SWRConfig } from 'swr';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { twelveFactorApiRef, TwelveFactorApi } from '../api/TwelveFactorApi';
import { EntityTwelveFactorContent } from './EntityTwelveFactorContent';
import { EntityTwelveFactorCard } from './EntityTwelveFactorCard';
import { checkCatalog, entity, scorecard } from './testData';

function renderWith(
  api: Partial<TwelveFactorApi>,
  element: JSX.Element,
  path = '/',
  canManageWaivers = false,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          twelveFactorApiRef,
          {
            getCheckCatalog: async () => checkCatalog,
            getHistory: async () => ({ items: [] }),
            getWaivers: async () => ({ items: [], maxDays: 180 }),
            ...api,
          },
        ],
        [
          scmIntegrationsApiRef,
          ScmIntegrationsApi.fromConfig(mockApis.config({ data: {} })),
        ],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: req =>
              req.permission.name !== 'twelve-factor.waiver.manage' ||
              canManageWaivers
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      {/* usePermission caches decisions in SWR's global cache: one per render here. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>{element}</EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    { routeEntries: [path] },
  );
}

/** The backend's 400 for an entity it does not score, as the client throws it. */
const notAService = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message:
            'group:default/platform is not scored: only service and website components are',
        },
        response: { statusCode: 400 },
      }),
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );

// The tab renders every one of the 92 checks; in jsdom on a 2-core CI runner under load a single
// render has taken over 5 s, Jest's default limit.
jest.setTimeout(30_000);

describe('EntityTwelveFactorContent', () => {
  it('shows the scores, every area, each verdict, the evidence and the remediation', async () => {
    const getScorecard = jest.fn(async () => scorecard);
    await renderWith({ getScorecard }, <EntityTwelveFactorContent />);
    expect(getScorecard).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'auto-builder-cms',
    });

    expect(
      await screen.findByTestId('twelve-factor-content'),
    ).toBeInTheDocument();
    // Gaps first: only the areas with a check not met or partly met.
    expect(
      screen.getAllByTestId(/^area-(f|cn)[\w-]+$/).map(a => a.dataset.testid),
    ).toEqual(['area-f2-dependencies', 'area-cn-resilience']);
    expect(screen.getByTestId('unknowns-panel')).toHaveAttribute(
      'data-count',
      '1',
    );
    fireEvent.click(screen.getByTestId('view-all'));
    expect(screen.getAllByTestId(/^area-(f|cn)[\w-]+$/)).toHaveLength(19);
    expect(screen.getByTestId('area-score-f2-dependencies')).toHaveTextContent(
      '75%',
    );
    expect(screen.getByTestId('area-score-cn-resilience')).toHaveTextContent(
      '0%',
    );
    expect(screen.getByTestId('area-score-f1-codebase')).toHaveTextContent(
      'n/a',
    );
    expect(screen.getByTestId('score-overall')).toHaveAttribute(
      'data-score',
      String(scorecard.overall),
    );

    const pinned = screen.getByTestId('check-f2-dependencies.pinned');
    expect(pinned).toHaveAttribute('data-verdict', 'partial');
    expect(within(pinned).getByText('Partially met')).toBeInTheDocument();
    expect(
      within(pinned).getByText('Dependency versions pinned exactly'),
    ).toBeInTheDocument();
    fireEvent.click(
      within(pinned).getByText('3 of 25 direct dependencies use ranges'),
    );
    // File evidence links to the file and line in the repository's web UI.
    const evidence = await within(pinned).findByText('requirements.txt:16');
    expect(evidence.closest('a')).toHaveAttribute(
      'href',
      'https://github.com/example-org/auto-builder-cms/tree/main/requirements.txt#L16',
    );
    // Remediation is Markdown: code, not backticks.
    const code = await within(pinned).findByText('==');
    expect(code.tagName).toBe('CODE');
    expect(
      within(pinned).getByText(/commit a lock file/),
    ).not.toHaveTextContent('`');
    expect(
      within(pinned).getByRole('link', { name: /12factor.net\/dependencies/ }),
    ).toHaveAttribute('href', 'https://12factor.net/dependencies');

    const staging = screen.getByTestId('check-f10-dev-prod-parity.staging');
    expect(within(staging).getByText('Waived')).toBeInTheDocument();
    expect(screen.getByTestId('diagnostics')).toHaveTextContent(
      'Symbolic link not followed',
    );
    const drift = screen.getByTestId('drift');
    expect(drift).toHaveTextContent(
      'kubernetes/overlays/prd ↔ aks-prod/cms-prd',
    );
    expect(drift).toHaveTextContent('image (web-api): cms:1.2.0 → cms:latest');
    expect(drift).toHaveTextContent(
      'PodDisruptionBudget/cms-web-apideclared, not running',
    );
  });

  it('rescans on request', async () => {
    const refreshScorecard = jest.fn(async () => scorecard);
    await renderWith(
      { getScorecard: async () => scorecard, refreshScorecard },
      <EntityTwelveFactorContent />,
    );
    // A role query walks the accessibility tree of all 92 checks (seconds in jsdom on a loaded
    // CI machine); the button is found by its label inside the tab and then checked to be a button.
    await screen.findByTestId('twelve-factor-content');
    const rescan = screen.getByText('Rescan').closest('button');
    expect(rescan).not.toBeNull();
    expect(rescan).toBeEnabled();
    fireEvent.click(rescan!);
    await waitFor(() => expect(refreshScorecard).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId('rescan-result')).toHaveTextContent(
      /no change/,
    );
  });

  it('says what a rescan changed, and offers a retry when it fails', async () => {
    let fail = true;
    const refreshScorecard = jest.fn(async () => {
      if (fail) {
        fail = false;
        throw new Error('Reading the repository failed: 502 Bad Gateway');
      }
      return { ...scorecard, overall: (scorecard.overall ?? 0) + 1.8 };
    });
    await renderWith(
      { getScorecard: async () => scorecard, refreshScorecard },
      <EntityTwelveFactorContent />,
    );
    await screen.findByTestId('twelve-factor-content');
    fireEvent.click(screen.getByText('Rescan').closest('button')!);
    expect(await screen.findByTestId('rescan-result')).toHaveTextContent(
      'Rescan failed: Reading the repository failed: 502 Bad Gateway',
    );
    fireEvent.click(screen.getByTestId('rescan-retry'));
    const before = `${Math.round((scorecard.overall ?? 0) * 10) / 10}%`;
    const after = `${Math.round(((scorecard.overall ?? 0) + 1.8) * 10) / 10}%`;
    await waitFor(() =>
      expect(screen.getByTestId('rescan-result')).toHaveTextContent(
        `score ${before} → ${after}`,
      ),
    );
  });

  it("shows the backend's message when loading fails, and loads again on retry", async () => {
    let calls = 0;
    const getScorecard = jest.fn(async () => {
      calls += 1;
      if (calls === 1)
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: { name: 'Error', message: 'database is locked' },
              response: { statusCode: 500 },
            }),
            {
              status: 500,
              statusText: 'Internal Server Error',
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      return scorecard;
    });
    await renderWith({ getScorecard }, <EntityTwelveFactorContent />);
    expect(await screen.findByTestId('load-error-message')).toHaveTextContent(
      'database is locked',
    );
    fireEvent.click(screen.getByTestId('load-error-retry'));
    expect(
      await screen.findByTestId('twelve-factor-content'),
    ).toBeInTheDocument();
  });

  it('shows the score history with the change at each entry, newest first', async () => {
    const getHistory = jest.fn(async () => ({
      items: [
        {
          since: '2026-11-21T10:00:00.000Z',
          generatedAt: '2026-11-26T10:00:00.000Z',
          overall: 69.4,
          twelveFactor: 78.8,
          cloudNative: 60,
        },
        {
          since: '2026-11-11T10:00:00.000Z',
          generatedAt: '2026-11-20T10:00:00.000Z',
          overall: 64.2,
          twelveFactor: 70,
          cloudNative: 58.4,
        },
        {
          since: '2026-11-10T10:00:00.000Z',
          generatedAt: '2026-11-10T10:00:00.000Z',
          overall: null,
          twelveFactor: null,
          cloudNative: null,
        },
      ],
    }));
    await renderWith(
      { getScorecard: async () => scorecard, getHistory },
      <EntityTwelveFactorContent />,
    );
    const history = await screen.findByTestId('score-history');
    expect(getHistory).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'auto-builder-cms',
    });
    expect(
      within(history)
        .getAllByTestId('history-change')
        .map(c => c.textContent),
    ).toEqual(['+5.2', '', '']);
    expect(history).toHaveTextContent('64.2%');
    expect(history).toHaveTextContent('n/a');
    expect(history).toHaveTextContent('First found');
    expect(history).toHaveTextContent(
      new Date('2026-11-21T10:00:00.000Z').toLocaleString('en'),
    );
    expect(history).toHaveTextContent(
      new Date('2026-11-26T10:00:00.000Z').toLocaleString('en'),
    );
  });

  it('keeps the tab when the history cannot be read', async () => {
    await renderWith(
      {
        getScorecard: async () => scorecard,
        getHistory: async () => {
          throw new Error('history unavailable');
        },
      },
      <EntityTwelveFactorContent />,
    );
    await screen.findByTestId('twelve-factor-content');
    await waitFor(() =>
      expect(document.body.textContent).toContain('history unavailable'),
    );
    expect(screen.getByTestId('area-score-f2-dependencies')).toHaveTextContent(
      '75%',
    );
  });

  it('shows the backend error instead of scores', async () => {
    await renderWith(
      {
        getScorecard: async () => {
          throw new Error('Not allowed to twelve-factor.scorecard.read');
        },
      },
      <EntityTwelveFactorContent />,
    );
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'Not allowed to twelve-factor.scorecard.read',
      ),
    );
    expect(
      screen.queryByTestId('twelve-factor-content'),
    ).not.toBeInTheDocument();
  });
});

describe('before the first scan', () => {
  it('says the scan is queued, then scanning, and shows the scorecard when it arrives', async () => {
    const answers = [
      {
        entityRef: 'component:default/auto-builder-cms',
        status: 'queued' as const,
        message: 'Queued at 10:00; 3 services ahead',
      },
      {
        entityRef: 'component:default/auto-builder-cms',
        status: 'scanning' as const,
        message: 'Scanning since 10:01',
      },
    ];
    const getScorecard = jest.fn(async () => answers.shift() ?? scorecard);
    await renderWith(
      { getScorecard },
      <EntityTwelveFactorContent pollInterval={30} />,
    );
    const pending = await screen.findByTestId('twelve-factor-pending');
    expect(pending).toHaveTextContent('Queued for its first scan');
    expect(pending).toHaveTextContent('Queued at 10:00; 3 services ahead');
    await waitFor(() =>
      expect(screen.getByTestId('twelve-factor-pending')).toHaveTextContent(
        'Scanning…',
      ),
    );
    expect(
      await screen.findByTestId('twelve-factor-content'),
    ).toBeInTheDocument();
    expect(getScorecard).toHaveBeenCalledTimes(3);
    expect(
      screen.queryByTestId('twelve-factor-pending'),
    ).not.toBeInTheDocument();
  });

  it('stops asking once the scorecard is there', async () => {
    const getScorecard = jest.fn(async () => scorecard);
    await renderWith(
      { getScorecard },
      <EntityTwelveFactorContent pollInterval={10} />,
    );
    await screen.findByTestId('twelve-factor-content');
    await new Promise(r => setTimeout(r, 100));
    expect(getScorecard).toHaveBeenCalledTimes(1);
  });

  it("shows the backend's reason when the entity is not scored", async () => {
    await renderWith(
      {
        getScorecard: async () => {
          throw await notAService();
        },
      },
      <EntityTwelveFactorContent />,
    );
    const notScored = await screen.findByTestId('twelve-factor-not-scored');
    expect(notScored).toHaveTextContent(
      'group:default/platform is not scored: only service and website components are',
    );
  });

  it('the card says the first scan is on its way', async () => {
    await renderWith(
      {
        getScorecard: async () => ({
          entityRef: 'component:default/auto-builder-cms',
          status: 'scanning' as const,
          message: 'Scanning since 10:01',
        }),
      },
      <EntityTwelveFactorCard pollInterval={60_000} />,
    );
    expect(
      await screen.findByTestId('twelve-factor-pending'),
    ).toHaveTextContent('Scanning…');
  });

  it('the card shows why an entity is not scored', async () => {
    await renderWith(
      {
        getScorecard: async () => {
          throw await notAService();
        },
      },
      <EntityTwelveFactorCard />,
    );
    expect(
      await screen.findByTestId('twelve-factor-not-scored'),
    ).toHaveTextContent('is not scored');
  });
});

describe('a link to one area (?area=)', () => {
  it('opens that area and scrolls it into view', async () => {
    const scrolled: string[] = [];
    const scrollIntoView = jest.fn(function scrollIntoViewMock(
      this: HTMLElement,
    ) {
      scrolled.push(this.getAttribute('data-testid') ?? '');
    });
    Element.prototype.scrollIntoView = scrollIntoView;
    await renderWith(
      { getScorecard: async () => scorecard },
      <EntityTwelveFactorContent />,
      '/?area=f1-codebase',
    );
    const area = await screen.findByTestId('area-f1-codebase');
    // f1-codebase has no gap, so it is closed unless the link asks for it.
    expect(area.querySelector('[aria-expanded]')).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(
      screen.getByTestId('area-f3-config').querySelector('[aria-expanded]'),
    ).toHaveAttribute('aria-expanded', 'false');
    expect(scrolled).toEqual(['area-f1-codebase']);
  });
});

describe('EntityTwelveFactorCard', () => {
  it('keeps its place when loading fails, with the message and a retry', async () => {
    let calls = 0;
    const getScorecard = jest.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('Service Unavailable');
      return scorecard;
    });
    await renderWith({ getScorecard }, <EntityTwelveFactorCard />);
    expect(await screen.findByTestId('load-error-message')).toHaveTextContent(
      'Service Unavailable',
    );
    fireEvent.click(screen.getByTestId('load-error-retry'));
    expect(await screen.findByTestId('twelve-factor-card')).toBeInTheDocument();
  });

  it('shows the overall score and the three weakest areas, weakest first', async () => {
    await renderWith(
      { getScorecard: async () => scorecard },
      <EntityTwelveFactorCard />,
    );
    await screen.findByTestId('twelve-factor-card');
    const weak = screen
      .getAllByTestId(/^weak-/)
      .map(e => e.getAttribute('data-testid'));
    expect(weak).toEqual([
      'weak-cn-resilience',
      'weak-f2-dependencies',
      'weak-cn-containerization',
    ]);
    expect(screen.getByText('View details')).toBeInTheDocument();
  });
});

describe('waivers from the tab', () => {
  const waivedByOwner = {
    ...scorecard,
    results: scorecard.results.map(r =>
      r.checkId === 'cn-resilience.pdb'
        ? {
            ...r,
            verdict: 'waived' as const,
            reason: 'Single replica by design',
            waiver: {
              check: r.checkId,
              reason: 'Single replica by design',
              expires: '2027-01-31',
              origin: 'portal' as const,
              id: 'w-1',
              author: 'user:default/alice.meyer',
              ticket: 'https://tickets.example.com/OPS-1',
            },
          }
        : r,
    ),
  };

  it('lets an owner waive a gap with a reason and an expiry, then reloads the scorecard', async () => {
    const getScorecard = jest
      .fn()
      .mockResolvedValueOnce(scorecard)
      .mockResolvedValue(waivedByOwner);
    const createWaiver = jest.fn(async () => ({} as any));
    await renderWith(
      { getScorecard, createWaiver },
      <EntityTwelveFactorContent />,
      '/?view=all',
      true,
    );
    const row = await screen.findByTestId('check-cn-resilience.pdb');
    fireEvent.click(
      within(row).getByText('No PDB covers any serving workload'),
    );
    fireEvent.click(await within(row).findByTestId('waive-button'));
    const submit = await screen.findByTestId('waiver-submit');
    // No reason, no waiver.
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByTestId('waiver-reason'), {
      target: { value: 'Single replica by design' },
    });
    fireEvent.change(screen.getByTestId('waiver-expires'), {
      target: { value: '2027-01-31' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(createWaiver).toHaveBeenCalledTimes(1));
    expect(createWaiver).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'auto-builder-cms' },
      {
        checkId: 'cn-resilience.pdb',
        reason: 'Single replica by design',
        expires: '2027-01-31',
      },
    );
    await waitFor(() => expect(getScorecard).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.getByTestId('check-cn-resilience.pdb')).toHaveAttribute(
        'data-verdict',
        'waived',
      ),
    );
  });

  it("shows the backend's refusal in the form", async () => {
    const createWaiver = jest.fn(async () => {
      throw new Error('expires must be from 2026-12-07 to 2027-06-05');
    });
    await renderWith(
      { getScorecard: async () => scorecard, createWaiver },
      <EntityTwelveFactorContent />,
      '/',
      true,
    );
    const row = await screen.findByTestId('check-cn-resilience.pdb');
    fireEvent.click(
      within(row).getByText('No PDB covers any serving workload'),
    );
    fireEvent.click(await within(row).findByTestId('waive-button'));
    fireEvent.change(await screen.findByTestId('waiver-reason'), {
      target: { value: 'x' },
    });
    fireEvent.click(screen.getByTestId('waiver-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'expires must be from',
    );
  });

  it('offers no waive action to someone who may not manage waivers, and shows who waived what', async () => {
    await renderWith(
      { getScorecard: async () => waivedByOwner },
      <EntityTwelveFactorContent />,
      '/?view=all',
    );
    const row = await screen.findByTestId('check-cn-resilience.pdb');
    fireEvent.click(
      within(row).getByText('No PDB covers any serving workload'),
    );
    const note = await within(row).findByTestId('waiver-note');
    expect(note).toHaveTextContent('user:default/alice.meyer');
    expect(note).toHaveTextContent('2027-01-31');
    expect(note).toHaveTextContent('Single replica by design');
    expect(within(note).queryByTestId('waiver-revoke')).toBeNull();
    expect(screen.queryAllByTestId('waive-button')).toHaveLength(0);
  });

  it('lets an owner revoke a portal waiver and lists the waiver history', async () => {
    const revokeWaiver = jest.fn(async () => ({} as any));
    await renderWith(
      {
        getScorecard: async () => waivedByOwner,
        revokeWaiver,
        getWaivers: async () => ({
          maxDays: 180,
          items: [
            {
              id: 'w-1',
              entityRef: 'component:default/auto-builder-cms',
              checkId: 'cn-resilience.pdb',
              reason: 'Single replica by design',
              expires: '2027-01-31',
              author: 'user:default/alice.meyer',
              createdAt: '2026-12-01T10:00:00.000Z',
              status: 'active' as const,
            },
            {
              id: 'w-0',
              entityRef: 'component:default/auto-builder-cms',
              checkId: 'f2-dependencies.pinned',
              reason: 'Old',
              expires: '2026-11-30',
              author: 'user:default/ben.okafor',
              createdAt: '2026-10-01T10:00:00.000Z',
              expiredAt: '2026-12-01T00:00:00.000Z',
              status: 'expired' as const,
            },
          ],
        }),
      },
      <EntityTwelveFactorContent />,
      '/?view=all',
      true,
    );
    const history = await screen.findByTestId('waiver-history');
    expect(history).toHaveTextContent('user:default/ben.okafor');
    expect(history).toHaveTextContent('Expired');
    const row = screen.getByTestId('check-cn-resilience.pdb');
    fireEvent.click(
      within(row).getByText('No PDB covers any serving workload'),
    );
    fireEvent.click(await within(row).findByTestId('waiver-revoke'));
    await waitFor(() =>
      expect(revokeWaiver).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'auto-builder-cms' },
        'w-1',
      ),
    );
  });
});
