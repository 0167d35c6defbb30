import type { RemediationSnippet, SnippetComment } from '../types';
import { formatMessage, type EngineMessage } from './engineMessages';
import { ENGINE_MESSAGES } from './messages';
import { renderMessage } from './renderMessages';

/** A message in the reader's language, or undefined when it has none. @public */
export type SayMessage = (message: EngineMessage) => string | undefined;

/** Whether text at `at` stands at the end of its line, after blank space or the line's start. */
function atLineEdges(content: string, at: number, length: number): boolean {
  const before = at === 0 ? '\n' : content[at - 1];
  const after = content[at + length] ?? '\n';
  return /\s/.test(before) && (after === '\n' || after === '\r');
}

/** `content` with every occurrence of `from` that stands at a line's end replaced. */
function replaceAtLineEdges(content: string, from: string, to: string): string {
  let out = '';
  let start = 0;
  let at = content.indexOf(from);
  while (at >= 0) {
    if (atLineEdges(content, at, from.length)) {
      out += content.slice(start, at) + to;
      start = at + from.length;
      at = content.indexOf(from, start);
    } else at = content.indexOf(from, at + 1);
  }
  return out + content.slice(start);
}

/**
 * A comment in another language, marker and all; undefined when its
 * message is unknown or its text does not hold the message's English (it
 * is left as it is then).
 */
function translatedComment(
  comment: SnippetComment,
  say: SayMessage,
): string | undefined {
  const entry = ENGINE_MESSAGES[comment.msg.id];
  if (!entry) return undefined;
  const english = formatMessage(entry.en, comment.msg.params);
  const at = comment.text.lastIndexOf(english);
  if (!english || at < 0) return undefined;
  const said = say(comment.msg);
  if (said === undefined) return undefined;
  return (
    comment.text.slice(0, at) + said + comment.text.slice(at + english.length)
  );
}

/**
 * A snippet's content for a reader of `lang`: its comments (and a generated
 * document's sentences) in that language, the code byte for byte as
 * written. English readers, and snippets without comment messages, get the
 * content as stored. `say` renders a message (the tab passes Backstage's
 * translation API; the catalog by default).
 * @public
 */
export function localizedSnippet(
  snippet: Pick<RemediationSnippet, 'content' | 'comments'>,
  lang: string,
  say: SayMessage = m => renderMessage(m, 'ko'),
): string {
  if (lang !== 'ko' || !snippet.comments?.length) return snippet.content;
  let content = snippet.content;
  for (const comment of snippet.comments) {
    const translated = translatedComment(comment, say);
    if (translated !== undefined)
      content = replaceAtLineEdges(content, comment.text, translated);
  }
  return content;
}
