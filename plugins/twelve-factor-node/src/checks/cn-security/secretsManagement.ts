import type { TwelveFactorCheck } from '../../engine/types';
import { secretStore } from '../f3-config/secretStore';

/** Same wording as f3-config.secret-store, so the same judgement: one implementation, two rows. */
export const secretsManagement: TwelveFactorCheck = {
  id: 'cn-security.secrets-management',
  evaluate: ctx => secretStore.evaluate(ctx),
};
