import {
  ENGINE_MESSAGES,
  formatMessage,
  type EngineMessage,
  type UnknownMessageId,
} from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from './facts';

type Params = NonNullable<EngineMessage['params']>;

/** A reason for an `unknown` verdict as a message, with its English. */
export function unknownReason(
  id: UnknownMessageId,
  params?: Params,
): { text: string; msg: EngineMessage } {
  const entry = ENGINE_MESSAGES[id];
  if (!entry) throw new Error(`No message '${id}' in the catalog`);
  return {
    text: formatMessage(entry.en, params),
    msg: params ? { id, params } : { id },
  };
}

/** A reason as the `reason` and `reasonMsg` fields of a fact. */
export function unknownReasonFields(
  id: UnknownMessageId,
  params?: Params,
): { reason: string; reasonMsg: EngineMessage } {
  const { text, msg } = unknownReason(id, params);
  return { reason: text, reasonMsg: msg };
}

/** An UnknownVerdictError that says its reason in every language. */
export function unknownBecause(
  id: UnknownMessageId,
  params?: Params,
): UnknownVerdictError {
  const { text, msg } = unknownReason(id, params);
  return new UnknownVerdictError(text, msg);
}
