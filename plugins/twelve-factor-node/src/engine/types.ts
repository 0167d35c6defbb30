import type { Entity } from '@backstage/catalog-model';
import type {
  CheckDefinition,
  Diagnostic,
  Evidence,
  Remediation,
  Verdict,
  MessagePart,
  EngineMessage,
} from '@internal/plugin-twelve-factor-common';
import type { ClusterData } from '../kube/types';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import type { FactReader, FactRef } from './facts';

/** The raw material of one scan. @public */
export interface ScanInput {
  entity: Entity;
  /** The entity's repository, when it could be read. */
  repo?: RepoSnapshot;
  /** Why the repository is missing, when it is. */
  repoUnavailableReason?: string;
  /** The same as a message, for other languages. */
  repoUnavailableReasonMsg?: EngineMessage;
  /**
   * The entity's folder in `repo` when the repository holds several services
   * (a monorepo), e.g. `src/cart`. The code, Dockerfile and dependency facts
   * then read only that folder; manifests, CI and compose files are read
   * from the whole repository without the other services' folders, and the
   * manifests keep only the entity's workloads and the objects pointing at
   * them. Absent or empty: the repository is the entity's alone.
   */
  codeRoot?: string;
  /**
   * What each configured cluster (or cluster dump) gave. Absent: no cluster
   * is configured, and cluster-sourced checks decide from the repository.
   */
  clusters?: ClusterData[];
  /**
   * Map every cluster object to the entity, ignoring its Kubernetes
   * annotations (the CLI without a catalog file).
   */
  mapAllClusterObjects?: boolean;
}

/** What an extractor sees. @public */
export interface ExtractionContext {
  input: ScanInput;
  facts: FactReader;
  /** Adds a diagnostic to the scorecard (e.g. a file that does not parse). */
  report(diagnostic: Diagnostic): void;
}

/** Derives one fact from the raw material. @public */
export interface FactExtractor<T> {
  ref: FactRef<T>;
  extract(ctx: ExtractionContext): T;
}

/** What a check returns; the engine adds ids, area and docs. @public */
export interface CheckOutcome {
  verdict: Exclude<Verdict, 'waived'>;
  /** In English; `finding()` of checks/messages.ts writes it with summaryMsg. */
  summary: string;
  /** The summary as messages, for other languages. */
  summaryMsg?: MessagePart[];
  /** Required when the verdict is `unknown`. */
  reason?: string;
  reasonMsg?: MessagePart[];
  evidence?: Evidence[];
  /** Omit docsUrl to use the check's own docs link. */
  remediation?: Omit<Remediation, 'docsUrl'> & { docsUrl?: string };
}

/** What a check sees. @public */
export interface CheckContext {
  entity: Entity;
  facts: FactReader;
}

/**
 * A check: a pure function from facts to an outcome. Built-in checks use ids
 * of the built-in catalog; a custom check brings its own definition.
 * @public
 */
export interface TwelveFactorCheck {
  id: string;
  /** Required for ids that are not in the built-in catalog. */
  definition?: Omit<CheckDefinition, 'id'>;
  evaluate(ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}
