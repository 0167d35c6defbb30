import type { FactExtractor } from '../engine/types';
import { ciFilesExtractor } from './ciFiles';
import { dependenciesExtractor } from './dependencies/extractor';
import { containerBuildExtractor } from './dockerfile/extractor';
import { documentationExtractor } from './documentation';
import { manifestsExtractor } from './manifests/extractor';
import { remoteHelmExtractor } from './manifests/remoteHelm';
import { clusterExtractor } from './cluster/extractor';
import { ciExtractor } from './ci/extractor';
import { codeExtractor } from './code/extractor';
import { localDevExtractor } from './localDev';
import { catalogExtractor } from './catalog';
import { driftExtractor } from './drift';
import { configLiteralsExtractor } from './configLiterals';
import { repoAddressesExtractor } from './repoAddresses';
import { runtimeHintsExtractor } from './runtimeHints';
import { startScriptsExtractor } from './startScripts';
import { processDeclarationsExtractor } from './processDeclarations';

export { ciFilesFactRef } from './ciFiles';
export type { CiFilesFact, CiSystem } from './ciFiles';
export { dependenciesFactRef } from './dependencies/extractor';
export type * from './dependencies/types';
export { containerBuildFactRef } from './dockerfile/extractor';
export type * from './dockerfile/types';
export { documentationFactRef } from './documentation';
export type { DocumentationFact } from './documentation';
export { manifestsFactRef } from './manifests/extractor';
export { remoteHelmFactRef } from './manifests/remoteHelm';
export type * from './manifests/remoteHelm';
export { clusterFactRef } from './cluster/extractor';
export type { ClusterFact, EntityCluster } from './cluster/extractor';
export { ciFactRef } from './ci/extractor';
export type * from './ci/types';
export { codeFactRef } from './code/extractor';
export type { CodeFact, SignalMatch, CapabilityMatch } from './code/extractor';
export { LIBRARY_CAPABILITIES, capabilitiesOf } from './code/libraries';
export type { Capability } from './code/libraries';
export { SIGNAL_PATTERNS, languageOf } from './code/patterns';
export type { SignalId, SignalPattern, Language } from './code/patterns';
export { localDevFactRef } from './localDev';
export type { LocalDevFact, ComposeService } from './localDev';
export { catalogFactRef } from './catalog';
export { driftFactRef } from './drift';
export type { DriftFact } from './drift';
export { configLiteralsFactRef } from './configLiterals';
export type { ConfigLiteralsFact } from './configLiterals';
export { repoAddressesFactRef } from './repoAddresses';
export type { RepoAddressesFact } from './repoAddresses';
export { runtimeHintsFactRef } from './runtimeHints';
export type { ConsumerHint, RuntimeHintsFact } from './runtimeHints';
export { startScriptsFactRef } from './startScripts';
export type { StartScript, StartScriptsFact } from './startScripts';
export { processDeclarationsFactRef } from './processDeclarations';
export type {
  DeclaredCommand,
  ProcessDeclarationsFact,
} from './processDeclarations';
export type { CatalogFact } from './catalog';
export { readWaivers, WAIVER_FILE } from './waivers';
export { objectSets, setEvidence, setWideEvidence } from './objectSets';
export type { ObjectSet } from './objectSets';
export type * from './manifests/types';
export { MANIFESTS_ANNOTATION } from './monorepo/manifests';
export type { OwnImage } from './monorepo/images';
export type { SourcedObject } from './manifests/yamlObjects';
export { workloadsOf } from './manifests/workloads';
export type { Workload, WorkloadContainer } from './manifests/workloads';

/** The built-in fact extractors. @public */
export const builtInExtractors: ReadonlyArray<FactExtractor<any>> = [
  dependenciesExtractor,
  containerBuildExtractor,
  documentationExtractor,
  ciFilesExtractor,
  manifestsExtractor,
  remoteHelmExtractor,
  clusterExtractor,
  ciExtractor,
  codeExtractor,
  localDevExtractor,
  catalogExtractor,
  driftExtractor,
  configLiteralsExtractor,
  repoAddressesExtractor,
  runtimeHintsExtractor,
  startScriptsExtractor,
  processDeclarationsExtractor,
];
