/** The 1-based line of the first occurrence of a needle, or undefined. */
export function lineOf(
  text: string,
  needle: string,
  from = 0,
): number | undefined {
  const i = text.indexOf(needle, from);
  if (i < 0) return undefined;
  let line = 1;
  for (let j = 0; j < i; j++) if (text.charCodeAt(j) === 10) line++;
  return line;
}
