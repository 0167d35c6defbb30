import {
  ENGINE_MESSAGES,
  formatMessage,
  type Diagnostic,
  type DiagnosticMessageId,
  type EngineMessage,
} from '@internal/plugin-twelve-factor-common';

type Params = NonNullable<EngineMessage['params']>;

/** A diagnostic as the engine writes it: the English and the message it says. */
export type EngineDiagnostic = Diagnostic & { messageMsg: EngineMessage };

function english(id: DiagnosticMessageId, params?: Params): string {
  // The id's type keeps it in the catalog; this only guards a cast.
  const entry = ENGINE_MESSAGES[id];
  if (!entry) throw new Error(`No message '${id}' in the catalog`);
  return formatMessage(entry.en, params);
}

/**
 * A diagnostic's `message` and `messageMsg`, to spread where `message`
 * stood: the English as it always read, and the id for other languages.
 */
export function said(
  id: DiagnosticMessageId,
  params?: Params,
): { message: string; messageMsg: EngineMessage } {
  return {
    message: english(id, params),
    messageMsg: params ? { id, params } : { id },
  };
}

/**
 * An error of ours whose text is a message: a diagnostic that reports it
 * quotes it by id (errorDetail), so it reads in the reader's language too.
 */
export class MessageError extends Error {
  readonly msg: EngineMessage;

  constructor(id: DiagnosticMessageId, params?: Params) {
    super(english(id, params));
    this.msg = params ? { id, params } : { id };
  }
}

/** An error's text, as `${(e as Error).message}` always printed it. */
export function errorText(e: unknown): string {
  return String((e as Error | undefined)?.message);
}

/**
 * The `detail` parameter of a diagnostic reporting an error: ours quoted by
 * id, a foreign one's text as data.
 */
export function errorDetail(e: unknown): Params {
  if (e instanceof MessageError) return { detail: e.msg };
  return { detail: errorText(e) };
}

/** The first line of an error's text (parsers' messages go on with a code frame). */
export function firstLineOf(e: unknown): string {
  return errorText(e).split('\n')[0];
}
