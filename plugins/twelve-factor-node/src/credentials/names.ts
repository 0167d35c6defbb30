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
const NOT_CREDENTIAL_NAME =
  /PUBLIC_?KEY$|(^|[_.-])(KEY_?)?(FILE|PATH|NAME|ID|REF)$/i;

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

/** Whether a value refers to something else instead of being a literal (`$(VAR)`, `${VAR}`, `{{ … }}`, `%(x)s`). @public */
export function isReference(value: string): boolean {
  return /^\s*(\$\(|\$\{|\$[A-Za-z_]|\{\{|%\(|<[^>]*>$|#\{)/.test(value);
}
