import type { Entity } from '@backstage/catalog-model';
import {
  ENGINE_MESSAGES,
  formatMessage,
  type Diagnostic,
  type EngineMessage,
  type UnknownMessageId,
} from '@internal/plugin-twelve-factor-common';
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
  | {
      status: 'unavailable';
      reason: string;
      /** The reason as a message, for other languages. */
      reasonMsg?: EngineMessage;
      diagnostics: Diagnostic[];
    };

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

/**
 * Why a repository is unavailable, in English and as a message: the engine
 * gives it as the reason of every check that needs the repository, which
 * the tab shows in the reader's language.
 */
export function unavailableBecause(
  id: UnknownMessageId,
  params?: NonNullable<EngineMessage['params']>,
): { reason: string; reasonMsg: EngineMessage } {
  return {
    reason: formatMessage(ENGINE_MESSAGES[id].en, params),
    reasonMsg: params ? { id, params } : { id },
  };
}
