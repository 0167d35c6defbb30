export {
  CREDENTIAL_NAME,
  isCredentialName,
  isFilePath,
  isReference,
} from './names';
export {
  credentialShapeOf,
  findCredentialShapes,
  redactShapes,
  SHAPE_NAMES,
} from './shapes';
export type { CredentialShape, ShapeMatch, ShapeOptions } from './shapes';
export {
  findCredentialAssignments,
  isLiteralCredentialValue,
  redactAssignments,
} from './assignments';
export type { CredentialAssignment } from './assignments';
export {
  collectObjectCredentials,
  collectRepoCredentials,
  collectTextCredentials,
} from './knownValues';
export {
  envEntriesFromSecrets,
  REDACTED,
  Redactor,
  SET_IN_SECRET,
} from './Redactor';
