import type { FactExtractor } from '../engine/types';
import { ciFilesExtractor } from './ciFiles';
import { dependenciesExtractor } from './dependencies/extractor';
import { containerBuildExtractor } from './dockerfile/extractor';
import { documentationExtractor } from './documentation';
import { manifestsExtractor } from './manifests/extractor';

export { ciFilesFactRef } from './ciFiles';
export type { CiFilesFact, CiSystem } from './ciFiles';
export { dependenciesFactRef } from './dependencies/extractor';
export type * from './dependencies/types';
export { containerBuildFactRef } from './dockerfile/extractor';
export type * from './dockerfile/types';
export { documentationFactRef } from './documentation';
export type { DocumentationFact } from './documentation';
export { manifestsFactRef } from './manifests/extractor';
export type * from './manifests/types';
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
];
