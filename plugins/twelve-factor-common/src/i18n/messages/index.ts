import type { MessageCatalog } from '../engineMessages';
import { codePatterns } from './codePatterns';
import { common } from './common';
import { f2Dependencies } from './f2-dependencies';
import { f1Codebase } from './f1-codebase';
import { f3Config } from './f3-config';
import { f4BackingServices } from './f4-backing-services';
import { f5BuildReleaseRun } from './f5-build-release-run';
import { f6Processes } from './f6-processes';
import { f7PortBinding } from './f7-port-binding';
import { f8Concurrency } from './f8-concurrency';
import { f9Disposability } from './f9-disposability';
import { f10DevProdParity } from './f10-dev-prod-parity';
import { f11Logs } from './f11-logs';
import { f12AdminProcesses } from './f12-admin-processes';
import { cnCicd } from './cn-cicd';
import { cnContainerization } from './cn-containerization';
import { cnObservability } from './cn-observability';
import { cnOrchestration } from './cn-orchestration';
import { cnResilience } from './cn-resilience';
import { cnScalability } from './cn-scalability';
import { cnSecurity } from './cn-security';
import { shared } from './shared';
import { diagnostics } from './diagnostics';
import { snippetComments } from './snippetComments';
import { unknowns } from './unknowns';
import { leftOut } from './leftOut';
import { composeDeploys } from './composeDeploys';

/**
 * Every message of the built-in checks, by id. Each area keeps its own file
 * (ids start with the area's id, or `shared.` for texts several checks
 * write); ids must be unique across them.
 */
export const ENGINE_MESSAGES: MessageCatalog = Object.freeze({
  ...common,
  ...f2Dependencies,
  ...f1Codebase,
  ...f3Config,
  ...f4BackingServices,
  ...f5BuildReleaseRun,
  ...f6Processes,
  ...f7PortBinding,
  ...f8Concurrency,
  ...f9Disposability,
  ...f10DevProdParity,
  ...f11Logs,
  ...f12AdminProcesses,
  ...cnCicd,
  ...cnContainerization,
  ...cnObservability,
  ...cnOrchestration,
  ...cnResilience,
  ...cnScalability,
  ...cnSecurity,
  ...shared,
  ...codePatterns,
  ...diagnostics,
  ...snippetComments,
  ...unknowns,
  ...leftOut,
  ...composeDeploys,
});
