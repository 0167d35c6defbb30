import type { TwelveFactorCheck } from '../engine/types';
import { f1CodebaseChecks } from './f1-codebase';
import { f2DependenciesChecks } from './f2-dependencies';
import { f3ConfigChecks } from './f3-config';
import { f4BackingServicesChecks } from './f4-backing-services';
import { f5BuildReleaseRunChecks } from './f5-build-release-run';
import { f6ProcessesChecks } from './f6-processes';
import { f7PortBindingChecks } from './f7-port-binding';
import { f8ConcurrencyChecks } from './f8-concurrency';
import { f9DisposabilityChecks } from './f9-disposability';
import { f10DevProdParityChecks } from './f10-dev-prod-parity';
import { f11LogsChecks } from './f11-logs';
import { f12AdminProcessesChecks } from './f12-admin-processes';
import { cnContainerizationChecks } from './cn-containerization';
import { cnOrchestrationChecks } from './cn-orchestration';
import { cnObservabilityChecks } from './cn-observability';
import { cnResilienceChecks } from './cn-resilience';
import { cnScalabilityChecks } from './cn-scalability';
import { cnSecurityChecks } from './cn-security';
import { cnCicdChecks } from './cn-cicd';
import { withLeftOutEvidence } from './leftOut';
import { withRemoteHelmValues } from './remoteHelmValues';

/**
 * The built-in check implementations, area by area. Adding a check: one file
 * in its area's folder, one line in that folder's index.ts.
 * @public
 */
export const builtInCheckImplementations: ReadonlyArray<TwelveFactorCheck> = [
  ...f1CodebaseChecks,
  ...f2DependenciesChecks,
  ...f3ConfigChecks,
  ...f4BackingServicesChecks,
  ...f5BuildReleaseRunChecks,
  ...f6ProcessesChecks,
  ...f7PortBindingChecks,
  ...f8ConcurrencyChecks,
  ...f9DisposabilityChecks,
  ...f10DevProdParityChecks,
  ...f11LogsChecks,
  ...f12AdminProcessesChecks,
  ...cnContainerizationChecks,
  ...cnOrchestrationChecks,
  ...cnObservabilityChecks,
  ...cnResilienceChecks,
  ...cnScalabilityChecks,
  ...cnSecurityChecks,
  ...cnCicdChecks,
].map(c => withLeftOutEvidence(withRemoteHelmValues(c)));
