/*
 * Credential-named settings with literal values, found in a line of any
 * syntax the repository may use: `KEY=value` (.env, properties, shell,
 * Dockerfile ENV, kustomize literals), `key: value` (YAML), `"key": "value"`
 * (JSON), `key = "value"` (code), `--password=value` (command lines),
 * `getenv("DB_PASSWORD", "value")` and `${DB_PASSWORD:value}` (defaults).
 */
import { isCredentialName, isFilePath, isReference } from './names';

/** One assignment: the name, and where its value is in the line. @public */
export interface CredentialAssignment {
  name: string;
  value: string;
  /** Index of the value in the line. */
  index: number;
}

// name, separator, then a quoted value or a bare one. The name may be quoted.
const ASSIGNMENT =
  /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:(["'`])((?:(?!\2)[^\\]|\\.)*)\2|([^\s"'`,;)}\]]+))/g;
// getenv("NAME", "default"), environ.get('NAME', 'default'), process.env.NAME || 'default'
const ENV_DEFAULT =
  /(?:getenv|environ\.get|getEnv|get|env)\(\s*["']([A-Za-z_]\w*)["']\s*,\s*(["'`])((?:(?!\2).)*)\2|process\.env\.([A-Za-z_]\w*)\s*(?:\|\||\?\?)\s*(["'`])((?:(?!\5).)*)\5|\$\{([A-Za-z_][\w.-]*):([^}]+)\}/g;

/** Values that are not secrets whatever the name says. */
const NOT_A_VALUE =
  /^(true|false|yes|no|on|off|null|nil|none|~|\||>-?|[|>][+-]?|\{\}|\[\]|\*+|\.\.\.|x+|\d{1,3})$/i;

/** An expression that reads a value: a name, optionally dotted, then a call or subscript that closes the value. */
const CODE_READ = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*[[(].*[\])]$/;

/** Whether a value written after a credential name is a literal secret. @public */
export function isLiteralCredentialValue(value: string): boolean {
  const v = value.trim();
  return (
    v.length > 0 &&
    !NOT_A_VALUE.test(v) &&
    !isReference(v) &&
    !/^valueFrom\b/.test(v) &&
    // Placeholders written for people: `<set in a Secret>`, `<your token>`.
    !v.startsWith('<') &&
    // A bare identifier in capitals is the name of a variable or constant.
    !/^[A-Z][A-Z0-9_]+$/.test(v) &&
    // A call or a subscript reads the value from somewhere (`req['password']`, `request.args.get('password')`).
    !CODE_READ.test(v) &&
    // Where the credential is kept (a mounted file, a key file), not the credential.
    !isFilePath(v)
  );
}

/** What may stand before a setting that is alone on its line. */
const LINE_START = /^\s*(?:-\s*|export\s+|ENV\s+|ARG\s+)?$/;

/** A cheap test that a line may hold a credential-named assignment. */
const NAME_HINT = /pass|pwd|pw\b|secret|token|key|cred/i;

/** Every credential-named assignment of a literal in one line. @public */
export function findCredentialAssignments(
  line: string,
): CredentialAssignment[] {
  if (!NAME_HINT.test(line)) return [];
  const out: CredentialAssignment[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(line); m; m = ASSIGNMENT.exec(line)) {
    const name = m[1];
    // Command-line flags: `--db-password=x` names `db-password`.
    if (!isCredentialName(name)) continue;
    let value = m[3] ?? m[4] ?? '';
    const index = m.index + m[0].length - value.length - (m[3] ? 1 : 0);
    // A bare value of a line that is only this setting runs to the end of the line (`KEY=two words`, `key: a b`).
    if (m[4] !== undefined && LINE_START.test(line.slice(0, m.index))) {
      const rest = line
        .slice(index)
        .replace(/\s+#.*$/, '')
        .trimEnd();
      // …unless more settings follow on it (`A=1 B=2`): each is found on its own.
      if (!/\s[\w.-]+\s*[:=]/.test(rest)) value = rest;
    }
    if (!isLiteralCredentialValue(value)) continue;
    out.push({ name, value, index });
  }
  ENV_DEFAULT.lastIndex = 0;
  for (let m = ENV_DEFAULT.exec(line); m; m = ENV_DEFAULT.exec(line)) {
    const name = m[1] ?? m[4] ?? m[7];
    const value = m[3] ?? m[6] ?? m[8] ?? '';
    if (!isCredentialName(name) || !isLiteralCredentialValue(value)) continue;
    out.push({ name, value, index: m.index + m[0].lastIndexOf(value) });
  }
  return out;
}

/** The line with the value of every credential-named assignment replaced by `placeholder`. @public */
export function redactAssignments(line: string, placeholder: string): string {
  const found = findCredentialAssignments(line);
  if (found.length === 0) return line;
  // From the end, so that earlier indexes stay valid.
  found.sort((a, b) => b.index - a.index);
  let out = line;
  let last = Infinity;
  for (const f of found) {
    if (f.index + f.value.length > last) continue;
    out =
      out.slice(0, f.index) + placeholder + out.slice(f.index + f.value.length);
    last = f.index;
  }
  return out;
}
