import type {
  EngineMessage,
  UnknownMessageId,
} from '@internal/plugin-twelve-factor-common';
import { english, msg } from '../checks/messages';
import { UnknownVerdictError } from './facts';

type Params = NonNullable<EngineMessage['params']>;

/** A reason for an `unknown` verdict as a message, with its English. */
export function unknownReason(
  id: UnknownMessageId,
  params?: Params,
): { text: string; msg: EngineMessage } {
  return { text: english(id, params), msg: msg(id, params) };
}

/** A reason as the `reason` and `reasonMsg` fields of a fact. */
export function unknownReasonFields(
  id: UnknownMessageId,
  params?: Params,
): { reason: string; reasonMsg: EngineMessage } {
  const { text, msg: reasonMsg } = unknownReason(id, params);
  return { reason: text, reasonMsg };
}

/** An UnknownVerdictError that says its reason in every language. */
export function unknownBecause(
  id: UnknownMessageId,
  params?: Params,
): UnknownVerdictError {
  const { text, msg: reason } = unknownReason(id, params);
  return new UnknownVerdictError(text, reason);
}
