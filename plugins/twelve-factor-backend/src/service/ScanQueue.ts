import type { LoggerService } from '@backstage/backend-plugin-api';

/** Where a service stands in the queue. */
export type QueueStatus = 'queued' | 'scanning';

/**
 * Services waiting for a scan that nobody waits for: a service opened
 * before its first scan, a stale scorecard, a service the catalog sync
 * found new. Deduplicated (a service is queued once), bounded (beyond
 * `maxSize` nothing more is taken: the next fleet scan reaches it), and
 * worked by a few workers so that a burst of page views does not become a
 * burst of scans. Each replica has its own queue; results go to the shared
 * store, so whichever replica scans, every replica serves the result.
 */
export class ScanQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private idle: Array<() => void> = [];

  constructor(
    private readonly scan: (entityRef: string) => Promise<unknown>,
    private readonly options: {
      logger: LoggerService;
      maxSize?: number;
      concurrency?: number;
    },
  ) {}

  /** Queues a service; says where it stands, or 'full' when the queue takes no more. */
  enqueue(entityRef: string): QueueStatus | 'full' {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const status = this.status(ref);
    if (status) return status;
    if (this.waiting.length >= (this.options.maxSize ?? 1000)) return 'full';
    this.waiting.push(ref);
    this.queued.add(ref);
    this.pump();
    return 'queued';
  }

  status(entityRef: string): QueueStatus | undefined {
    const ref = entityRef.toLocaleLowerCase('en-US');
    if (this.running.has(ref)) return 'scanning';
    if (this.queued.has(ref)) return 'queued';
    return undefined;
  }

  /** Services waiting, not counting those being scanned. */
  get length(): number {
    return this.waiting.length;
  }

  /** Resolves when nothing is waiting or running (for tests and shutdown). */
  drained(): Promise<void> {
    if (this.waiting.length === 0 && this.running.size === 0)
      return Promise.resolve();
    return new Promise(resolve => this.idle.push(resolve));
  }

  private pump(): void {
    while (
      this.running.size < (this.options.concurrency ?? 2) &&
      this.waiting.length > 0
    ) {
      const ref = this.waiting.shift()!;
      this.queued.delete(ref);
      this.running.add(ref);
      this.scan(ref)
        .catch(e =>
          this.options.logger.error(
            `Queued scan of ${ref} failed: ${(e as Error).message}`,
          ),
        )
        .finally(() => {
          this.running.delete(ref);
          this.pump();
          if (this.waiting.length === 0 && this.running.size === 0) {
            const waiters = this.idle;
            this.idle = [];
            for (const w of waiters) w();
          }
        });
    }
  }
}
