/**
 * The twelve-factor scoring engine: sources → facts → checks → scorecard, and
 * the extension point for custom checks.
 *
 * @packageDocumentation
 */
export * from './engine/facts';
export type * from './engine/types';
export { TwelveFactorEngine } from './engine/TwelveFactorEngine';
export type {
  EvaluateOptions,
  TwelveFactorEngineOptions,
} from './engine/TwelveFactorEngine';
export { createTwelveFactorEngine } from './engine/createEngine';
export { applyWaivers, isWaiverActive } from './engine/waivers';
export * from './extensions';
export * from './facts';
export * from './credentials';
export { builtInCheckImplementations } from './checks';
export { RepoSnapshot, normalizePath } from './sources/RepoSnapshot';
export type { RepoFile, SkipReason } from './sources/RepoSnapshot';
export { loadLocalRepo } from './sources/loadLocalRepo';
export {
  scopeOf,
  scopeRepo,
  normalizeCodeRoot,
  otherServiceFolders,
} from './sources/scope';
export type { RepoScope } from './sources/scope';
export { splitSourceLocation } from './sources/sourceLocation';
export type { SourceLocationParts } from './sources/sourceLocation';
export { buildSnapshot } from './sources/buildSnapshot';
export type { SourceEntry } from './sources/buildSnapshot';
export type { LoadedRepo } from './sources/loadLocalRepo';
export { DEFAULT_REPO_LIMITS } from './sources/limits';
export type { RepoLimits } from './sources/limits';
export { fileEvidence } from './checks/evidence';
export * from './kube/types';
export { loadClusterDump } from './kube/dump';
export { redactSecret } from './kube/secrets';
export { ClusterIndex } from './kube/ClusterIndex';
export {
  entitySelector,
  mapEntityObjects,
  withRelatedObjects,
} from './kube/entityMapping';
export {
  parseLabelSelector,
  matchesRequirements,
  selectorMatches,
} from './kube/labels';
export type { LabelRequirement, LabelSelectorSpec } from './kube/labels';
