import type { TwelveFactorCheck } from '../../engine/types';
import { ingress } from './ingress';
import { selfBinding } from './selfBinding';
import { service } from './service';

export const f7PortBindingChecks: TwelveFactorCheck[] = [
  selfBinding,
  service,
  ingress,
];
