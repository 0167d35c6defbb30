import type { SignalMatch } from '../../facts/code/extractor';
import { languageOf, type Language } from '../../facts/code/patterns';

/** The language of the files where signals matched (a log4j2.xml counts as Java). */
export function languageOfMatches(
  matches: ReadonlyArray<SignalMatch>,
): Language | undefined {
  for (const m of matches) {
    const l = languageOf(m.path);
    if (l) return l;
  }
  return undefined;
}

/** The variable a handler is assigned to, e.g. `stream` in `stream = logging.StreamHandler(sys.stdout)`. */
export function handlerVariable(
  matches: ReadonlyArray<SignalMatch>,
): string | undefined {
  for (const m of matches) {
    const v = /^(\w+)\s*=\s*(logging\.)?\w*Handler\(/.exec(m.text);
    if (v) return v[1];
  }
  return undefined;
}
