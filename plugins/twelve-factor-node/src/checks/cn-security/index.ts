import type { TwelveFactorCheck } from '../../engine/types';
import { imageScanning } from './imageScanning';
import { networkPolicy } from './networkPolicy';
import { nonRoot } from './nonRoot';
import { rbacLeastPrivilege } from './rbacLeastPrivilege';
import { secretsManagement } from './secretsManagement';
import { tls } from './tls';

export const cnSecurityChecks: TwelveFactorCheck[] = [
  secretsManagement,
  nonRoot,
  networkPolicy,
  imageScanning,
  tls,
  rbacLeastPrivilege,
];
