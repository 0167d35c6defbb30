import type { Entity } from '@backstage/catalog-model';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import type { RepoSnapshot } from '@internal/plugin-twelve-factor-node';

/** What resolving an entity's repository gave. */
export type ResolvedSource =
  | {
      status: 'ok';
      snapshot: RepoSnapshot;
      /**
       * The entity's folder in the snapshot when the repository holds
       * several services (a monorepo member): the scan is scoped to it.
       */
      codeRoot?: string;
      etag?: string;
      location: string;
      diagnostics: Diagnostic[];
    }
  /** The tree has the ETag of the previous scan: nothing to read or evaluate. */
  | {
      status: 'not-modified';
      etag?: string;
      location: string;
      diagnostics: Diagnostic[];
    }
  | { status: 'unavailable'; reason: string; diagnostics: Diagnostic[] };

/** Finds and reads the repository of an entity. */
export interface SourceResolver {
  /**
   * Returns undefined when this resolver does not handle the entity.
   * `previous` carries the ETag of the last scan, for conditional reads.
   */
  resolve(
    entity: Entity,
    previous?: { etag?: string },
  ): Promise<ResolvedSource | undefined>;
}
