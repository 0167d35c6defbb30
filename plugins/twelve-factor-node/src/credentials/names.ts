/*
 * Which setting names hold credentials, and which values are references to
 * something else rather than literals. The detection of credentials in
 * configuration (f3-config.*) and the redaction of every output use these
 * same rules, so that what the product flags is also what it never repeats.
 */
import { endsWithOneOf } from '../facts/endsWithOneOf';

/** Setting names whose values are credentials. The public half of a key pair is not one. @public */
export const CREDENTIAL_NAME =
  /(PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|SECRET_?KEY|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|(^|[_.-])(KEY|PASS|PW))$/i;

/** passworD, passwD, pwD, passphrasE, secreT, keY, tokeN, credentiaL, credentialS, passS, pW. */
const mayBeCredentialName = endsWithOneOf('detynlsw');
/** Public keys, references to where a credential is, and names of states or errors (BROKEN_CREDENTIALS, INVALID_TOKEN: error codes, not credentials). */
const NOT_CREDENTIAL_NAME =
  /PUBLIC_?KEY$|(^|[_.-])(KEY_?)?(FILE|PATH|NAME|ID|REF)$|^(BROKEN|INVALID|MISSING|EXPIRED|WRONG|BAD|NO|ERR|ERROR|UNKNOWN|EMPTY|REVOKED)[_.-]/i;

/** Whether a setting name holds a credential. @public */
export function isCredentialName(name: string): boolean {
  // A bare lower-case `key:` is a reference field (secretKeyRef.key, ExternalSecret remoteRef.key).
  if (name === 'key' || name === 'token') return false;
  return (
    mayBeCredentialName(name) &&
    CREDENTIAL_NAME.test(name) &&
    !NOT_CREDENTIAL_NAME.test(name)
  );
}

/** Names that hold a credential only by a generic suffix (CACHE_KEY, SORT_KEY, dupe_key): their value decides. */
const GENERIC_ONLY = /(^|[_.-])(KEY|PASS|PW)$/i;
const SPECIFIC_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CREDENTIALS?|SIGNING_?KEY|ENCRYPTION_?KEY|MASTER_?KEY|LICENSE_?KEY)$/i;

/**
 * Whether a literal under a credential name is one: a name that is a
 * credential only by a generic suffix (CACHE_KEY = "os-message-dismissed")
 * needs a value shaped like a secret (random-looking, not words), while
 * PASSWORD, TOKEN, API_KEY and the like count whatever their value. @public
 */
export function isCredentialValueFor(name: string, value: string): boolean {
  if (!GENERIC_ONLY.test(name) || SPECIFIC_NAME.test(name)) return true;
  const v = value.trim();
  // Words joined by separators (a cache key, a message id) or a single word are names, not secrets.
  if (/^[A-Za-z]+([-_.:/][A-Za-z0-9{}%]+)*$/.test(v)) return false;
  return v.length >= 12 && /\d/.test(v) && /[A-Za-z]/.test(v);
}

/** Whether a value refers to something else instead of being a literal (`$(VAR)`, `${VAR}`, `{{ … }}`, `%(x)s`). @public */
export function isReference(value: string): boolean {
  return /^\s*(\$\(|\$\{|\$[A-Za-z_]|\{\{|%\(|<[^>]*>$|#\{)/.test(value);
}

/*
 * A file path names where a credential is (a mounted Secret, a key file),
 * not the credential: `/var/run/secrets/…/key.json`, `./certs/tls.key`,
 * `C:\\keys\\sa.json`. An absolute path must read like one: a string with
 * `/` and one of `.`, `-`, `_` cannot be base64 (standard or URL-safe), and
 * a base64 secret whose every segment is lower case does not occur; a
 * relative one must end in a file name with an extension.
 */
const ABSOLUTE_PATH = /^(?:~|\.{1,2})?(?:\/[\w@.-]+)+\/?$/;
const WINDOWS_PATH = /^[A-Za-z]:\\(?:[\w@. -]+\\?)*$/;
const RELATIVE_FILE =
  /^(?:[\w@.-]+\/)*[\w@-][\w@.-]*\.[A-Za-z][A-Za-z0-9]{0,9}$/;
const FILE_EXTENSION =
  /\.(?:json|pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|truststore|ya?ml|txt|env|conf|cfg|ini|properties|toml|xml|asc|gpg|pub|token)$/i;

/** Whether a value is a file path (where a credential is kept) rather than a credential. @public */
export function isFilePath(value: string): boolean {
  const v = value.trim();
  if (WINDOWS_PATH.test(v)) return true;
  if (ABSOLUTE_PATH.test(v))
    return (
      /[._-]/.test(v) ||
      v.split('/').every(segment => /^[a-z0-9]*$/.test(segment))
    );
  // `sa.json`, `certs/tls.key`: a relative path counts when its file name has a known extension.
  return RELATIVE_FILE.test(v) && FILE_EXTENSION.test(v);
}
