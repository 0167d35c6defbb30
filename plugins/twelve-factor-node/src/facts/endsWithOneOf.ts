/**
 * A case-insensitive test of a name's last character. Name patterns anchored
 * at the end only make a regex engine try them at every position of the
 * name; the letters they can end with rule out most names at once (these run
 * for every key of every scanned line).
 */
export function endsWithOneOf(letters: string): (name: string) => boolean {
  const table = new Uint8Array(128);
  for (const c of letters) {
    table[c.toLowerCase().charCodeAt(0)] = 1;
    table[c.toUpperCase().charCodeAt(0)] = 1;
  }
  return name => {
    const c = name.charCodeAt(name.length - 1);
    return c < 128 && table[c] === 1;
  };
}
