import type { TwelveFactorCheck } from '../../engine/types';
import { antiAffinity } from './antiAffinity';
import { deployments } from './deployments';
import { kubernetes } from './kubernetes';
import { rbac } from './rbac';
import { resources } from './resources';
import { serviceDiscovery } from './serviceDiscovery';
import { composeResources } from '../composeDeploy/runtimeChecks';

export const cnOrchestrationChecks: TwelveFactorCheck[] = [
  kubernetes,
  deployments,
  serviceDiscovery,
  rbac,
  composeResources(resources),
  antiAffinity,
];
