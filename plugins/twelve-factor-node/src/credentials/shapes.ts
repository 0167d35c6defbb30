/*
 * Credentials recognised by their shape, whatever the setting that holds
 * them is called: a PEM private key under `TLS_DATA`, a JWT in a ConfigMap,
 * a cloud key in a code constant, a password in a URL's user info. The same
 * patterns decide f3-config's verdicts and what the redaction step hides.
 */
import { isReference } from './names';

/** The kinds of credential recognised by shape. @public */
export type CredentialShape =
  | 'private-key'
  | 'jwt'
  | 'aws-access-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'google-api-key'
  | 'stripe-key'
  | 'npm-token'
  | 'connection-string-secret'
  | 'url-password';

interface ShapeRule {
  shape: CredentialShape;
  /** Two groups: what is kept before the secret, and the secret. */
  re: RegExp;
}

const PEM_LABEL = '(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?';

/** From the most to the least specific; a text is searched for each in turn. */
const RULES: ReadonlyArray<ShapeRule> = [
  {
    shape: 'private-key',
    // Up to the END line, or to the end of the text when it was cut.
    re: new RegExp(
      `()(-----BEGIN ${PEM_LABEL}-----[\\s\\S]*?(?:-----END ${PEM_LABEL}-----|$))`,
      'g',
    ),
  },
  {
    shape: 'url-password',
    re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"`]+:)([^\s@/'"`]+)(?=@)/gi,
  },
  {
    shape: 'connection-string-secret',
    re: /((?:^|[;\s"'])(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*)([^;'"\s]+)/gi,
  },
  {
    shape: 'jwt',
    re: /()(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)/g,
  },
  {
    shape: 'aws-access-key',
    re: /()(\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b)/g,
  },
  {
    shape: 'github-token',
    re: /()(\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))/g,
  },
  { shape: 'gitlab-token', re: /()(\bglpat-[A-Za-z0-9_-]{20,})/g },
  { shape: 'slack-token', re: /()(\bxox[abposr]-[A-Za-z0-9-]{10,})/g },
  {
    shape: 'slack-webhook',
    re: /(https:\/\/hooks\.slack\.com\/services\/)([A-Za-z0-9/]+)/g,
  },
  { shape: 'google-api-key', re: /()(\bAIza[0-9A-Za-z_-]{35})/g },
  {
    shape: 'stripe-key',
    re: /()(\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,})/g,
  },
  { shape: 'npm-token', re: /()(\bnpm_[A-Za-z0-9]{36})/g },
];

/*
 * What every shape's text contains somewhere: one test of these rules out
 * most strings before the rules run one by one. Split three ways because
 * outputs hold a lot of text: the tokens are case-sensitive, and the
 * case-insensitive `key=` and URL user-info tests run only on strings with
 * a `=` or a `://`.
 */
const TOKEN_HINT =
  /-----BEGIN|eyJ|A(?:KIA|SIA|BIA|CCA|3T|Iza)|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack|_live_|_test_|npm_/;
const ASSIGNMENT_HINT = /(?:key|signature|password|pwd)\s*=/i;
const USER_INFO_HINT = /:\/\/[^\s/@]*:[^\s/@]*@/;

/** Whether a text may hold a credential shape: false rules every shape out. @public */
export function mayHoldCredentialShape(text: string): boolean {
  return (
    TOKEN_HINT.test(text) ||
    (text.includes('=') && ASSIGNMENT_HINT.test(text)) ||
    (text.includes('://') && USER_INFO_HINT.test(text))
  );
}

/** Whether a found secret is a real value rather than a placeholder (`***`, `${VAR}`, `<…>`). */
function isLiteralSecret(secret: string): boolean {
  return (
    secret.length > 0 &&
    !/^(\*+|\.\.\.|x+|<[^>]*>?)$/i.test(secret) &&
    !isReference(secret) &&
    // `$(VAR)`, `${VAR}` or `%s` anywhere in it: filled in elsewhere.
    !/\$[({]|%[sd(]/.test(secret) &&
    // `{password}`, `{0}`: an f-string, `$"…"` or format template's slot.
    !/\{[\w.]*\}/.test(secret)
  );
}

/** How a text is read for shapes. @public */
export interface ShapeOptions {
  /**
   * The text is a line of program code. There a `Password=value` shape
   * counts only inside a string literal: outside one it is an assignment
   * whose value is an expression (`password = req['password']`), since a
   * quoted literal cannot follow the `=` of that shape.
   */
  code?: boolean;
}

/** Whether offset `at` of a line of code lies inside a string literal opened before it on the line. */
function insideStringLiteral(line: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
  }
  return quote !== undefined;
}

/** A credential found by shape, with where its secret part is. @public */
export interface ShapeMatch {
  shape: CredentialShape;
  /** The secret part (the password of a URL, the whole key of a token). */
  secret: string;
  /** What stands before the secret in the match (a URL's `scheme://user:`), empty for whole-token shapes. */
  before: string;
  index: number;
}

/** Every credential a text holds by shape, in the order of the rules. @public */
export function findCredentialShapes(
  text: string,
  options: ShapeOptions = {},
): ShapeMatch[] {
  if (!mayHoldCredentialShape(text)) return [];
  const out: ShapeMatch[] = [];
  for (const { shape, re } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      const secret = m[2];
      const index = m.index + m[1].length;
      if (
        options.code &&
        shape === 'connection-string-secret' &&
        !insideStringLiteral(text, index)
      )
        continue;
      if (isLiteralSecret(secret))
        out.push({ shape, secret, before: m[1], index });
    }
  }
  return out;
}

/** The first credential shape a value holds, if any. @public */
export function credentialShapeOf(
  value: string,
  options?: ShapeOptions,
): CredentialShape | undefined {
  return findCredentialShapes(value, options)[0]?.shape;
}

/** A phrase for a shape, for evidence notes ("holds a PEM private key"). @public */
export const SHAPE_NAMES: Record<CredentialShape, string> = {
  'private-key': 'a PEM private key',
  jwt: 'a JWT',
  'aws-access-key': 'an AWS access key',
  'github-token': 'a GitHub token',
  'gitlab-token': 'a GitLab token',
  'slack-token': 'a Slack token',
  'slack-webhook': 'a Slack webhook URL',
  'google-api-key': 'a Google API key',
  'stripe-key': 'a Stripe key',
  'npm-token': 'an npm token',
  'connection-string-secret': 'a connection string with a password or key',
  'url-password': 'a URL with a literal password',
};

/** The text with every secret found by shape replaced by `placeholder`. @public */
export function redactShapes(text: string, placeholder: string): string {
  if (!mayHoldCredentialShape(text)) return text;
  let out = text;
  for (const { re } of RULES) {
    re.lastIndex = 0;
    out = out.replace(re, (whole: string, keep: string, secret: string) =>
      isLiteralSecret(secret) ? `${keep}${placeholder}` : whole,
    );
  }
  return out;
}
