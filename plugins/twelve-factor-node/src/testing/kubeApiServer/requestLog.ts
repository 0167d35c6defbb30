import { Verb } from './routes';

/** One request as the server saw it; filled in further when it completes. */
export interface RecordedRequest {
  /** Sequence number, from 1 (restarts at reset()). */
  seq: number;
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Query parameters (the last value wins for repeated names). */
  query: Record<string, string>;
  accept?: string;
  userAgent?: string;
  /** When the request arrived (ms since the epoch). */
  time: number;
  /** Parsed from the path when it addresses a resource. */
  resource?: {
    group: string;
    version: string;
    plural: string;
    namespace?: string;
    name?: string;
  };
  verb?: Verb;
  /** HTTP status sent; 0 until the response is complete, and for a dropped connection. */
  status: number;
  /** `metadata` when answered as PartialObjectMetadata(List), `full` otherwise. */
  representation?: 'full' | 'metadata';
  /** The connection was destroyed (a `drop` fault), or the client went away first. */
  dropped: boolean;
  /** Number of fault rules that matched. */
  faults: number;
  durationMs?: number;
}

/** Every request received, oldest first, for assertions in tests. */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private seq = 0;

  /** @internal Called by the server for each request. */
  start(
    entry: Omit<RecordedRequest, 'seq' | 'status' | 'dropped' | 'faults'>,
  ): RecordedRequest {
    const recorded: RecordedRequest = {
      ...entry,
      seq: ++this.seq,
      status: 0,
      dropped: false,
      faults: 0,
    };
    this.entries.push(recorded);
    return recorded;
  }

  /** A snapshot of the requests so far. */
  all(): RecordedRequest[] {
    return [...this.entries];
  }

  /** The requests the predicate accepts. */
  filter(predicate: (r: RecordedRequest) => boolean): RecordedRequest[] {
    return this.entries.filter(predicate);
  }

  /** Requests to paths matching a RegExp or equal to a string. */
  byPath(path: string | RegExp): RecordedRequest[] {
    return this.entries.filter(r =>
      typeof path === 'string' ? r.path === path : path.test(r.path),
    );
  }

  get length(): number {
    return this.entries.length;
  }

  reset(): void {
    this.entries = [];
    this.seq = 0;
  }
}
