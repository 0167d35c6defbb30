import type { Diagnostic } from '../types';
import { renderMessage } from './renderMessages';

/**
 * A diagnostic's text in the reader's language: the stored English for
 * English readers and for diagnostics written before they had messages. An
 * error of ours that it quotes is a nested message, said in the same
 * language; a foreign one's text is data and stays as it is.
 * @public
 */
export function renderDiagnostic(
  diagnostic: Pick<Diagnostic, 'message' | 'messageMsg'>,
  lang: string,
): string {
  if (lang !== 'ko' || !diagnostic.messageMsg) return diagnostic.message;
  return renderMessage(diagnostic.messageMsg, 'ko') ?? diagnostic.message;
}
