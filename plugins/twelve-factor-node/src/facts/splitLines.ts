/**
 * A text's lines, as `text.split(/\r?\n/)` gives them. Most files have no
 * `\r`; for them a plain string split gives the same lines about twice as
 * fast, and the line-based scanners split every file of a repository.
 */
export function splitLines(text: string): string[] {
  return text.indexOf('\r') === -1 ? text.split('\n') : text.split(/\r?\n/);
}
