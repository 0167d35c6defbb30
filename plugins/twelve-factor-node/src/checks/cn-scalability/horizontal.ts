import type { TwelveFactorCheck } from '../../engine/types';
import { hpa } from '../f8-concurrency/hpa';

/** Same wording as f8-concurrency.hpa, so the same judgement: one implementation, two rows. */
export const horizontal: TwelveFactorCheck = {
  id: 'cn-scalability.horizontal',
  evaluate: ctx => hpa.evaluate(ctx),
};
