import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { registerRequestRescan } from './requestRescan';
import type { ActionDeps } from './shared';

const REF = 'component:default/slow-service';

/** The rescan action over a scan that takes as long as `scan` says. */
function setUp(scan: () => Promise<Scorecard>, queued = 'queued') {
  const registry = actionsRegistryServiceMock();
  const logger = mockServices.logger.mock();
  const scorecards = {
    refresh: jest.fn(scan),
    entity: jest.fn(async () => ({})),
    queue: { enqueue: jest.fn(() => queued), length: 0 },
  };
  registerRequestRescan(
    registry,
    {
      permissions: mockServices.permissions(),
      scorecards,
      logger,
    } as unknown as ActionDeps,
    { waitMs: 50 },
  );
  const invoke = (input: Record<string, unknown>) =>
    registry.invoke({
      id: 'test:request-rescan',
      input: { entityRef: REF, ...input },
      credentials: mockCredentials.user(),
    });
  return { invoke, scorecards, logger };
}

describe('request-rescan', () => {
  it('answers "scanning" when the scan outlasts the wait, and logs a late failure', async () => {
    let fail = (_e: Error) => {};
    const { invoke, logger } = setUp(
      () =>
        new Promise((_resolve, reject) => {
          fail = reject;
        }),
    );
    await expect(invoke({})).resolves.toEqual({
      output: expect.objectContaining({ entityRef: REF, status: 'scanning' }),
    });
    fail(new Error('repository unreachable'));
    await new Promise(r => setImmediate(r));
    expect(logger.warn).toHaveBeenCalledWith(
      `Rescan of ${REF} failed: repository unreachable`,
    );
  });

  it('only queues with wait false, and says so when the queue is full', async () => {
    const { invoke, scorecards } = setUp(() => new Promise(() => {}));
    await expect(invoke({ wait: false })).resolves.toEqual({
      output: {
        entityRef: REF,
        status: 'queued',
        message: `${REF} is queued for a scan.`,
      },
    });
    expect(scorecards.refresh).not.toHaveBeenCalled();
    expect(scorecards.queue.enqueue).toHaveBeenCalledWith(REF);

    const full = setUp(() => new Promise(() => {}), 'full');
    await expect(full.invoke({ wait: false })).rejects.toThrow(/queue is full/);
  });
});
