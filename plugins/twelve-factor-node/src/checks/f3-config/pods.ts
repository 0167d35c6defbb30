import {
  ENGINE_MESSAGES,
  type Evidence,
} from '@internal/plugin-twelve-factor-common';
import {
  credentialShapeOf,
  isCredentialName,
  isLiteralCredentialValue,
  isReference,
  SHAPE_NAMES,
  type CredentialShape,
} from '../../credentials';
import {
  findAddresses,
  keyLine,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import {
  setWorkloads,
  type Workload,
  type WorkloadContainer,
} from '../../facts/manifests/workloads';
import type { ObjectSet } from '../../facts/objectSets';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { Note } from '../evidence';
import { noted } from '../messages';
import { perObject } from '../memo';
import { objectEvidence } from '../setMessages';

/**
 * The workloads of a set that someone wrote: in a cluster, Pods, ReplicaSets
 * and Jobs created by a controller repeat their owner's template and are
 * left out, so that nothing is counted twice.
 */
export function appWorkloads(set: ObjectSet): Workload[] {
  const workloads = writtenWorkloads(set);
  // A copy: callers may sort or filter in place.
  return workloads.slice();
}

/** appWorkloads per set (a set does not change during a scan). */
const writtenWorkloads = perObject((set: ObjectSet) =>
  setWorkloads(set.objects).filter(
    w =>
      set.origin === 'repo' ||
      !(w.source.object.metadata?.ownerReferences ?? []).length,
  ),
);

/** The ConfigMaps of a set. */
export function configMapsOf(set: ObjectSet): SourcedObject[] {
  return set.objects.filter(o => o.object.kind === 'ConfigMap');
}

/** Env entries of a container, as written. */
export function envOf(c: WorkloadContainer): Array<Record<string, any>> {
  return Array.isArray(c.container.env)
    ? c.container.env.filter((e: unknown) => e && typeof e === 'object')
    : [];
}

const ENV_REFERENCE = /\$\(([A-Za-z_][\w]*)\)/g;

/**
 * An env value with `$(VAR)` replaced by the literal value of VAR in the
 * same container, where it has one. `env` is the container's envOf, for
 * callers that already hold it.
 */
export function resolveEnvValue(
  value: string,
  c: WorkloadContainer,
  env?: ReadonlyArray<Record<string, any>>,
): string {
  // Most values refer to nothing: skip reading the container's env for them.
  if (!value.includes('$(')) return value;
  const entries = env ?? envOf(c);
  return value.replace(ENV_REFERENCE, (whole, name) => {
    const e = entries.find(x => x.name === name && typeof x.value === 'string');
    return e ? String(e.value) : whole;
  });
}

/** A credential written as a literal in an env value or a ConfigMap. */
export interface InlineCredential {
  set: ObjectSet;
  source: SourcedObject;
  /** The env var or ConfigMap key. */
  name: string;
  fieldPath: string;
  /** url: a password in a URL; value: a credential-named setting; shape: a value shaped like a credential (a PEM key, a token). */
  form: 'value' | 'url' | 'shape';
  shape?: CredentialShape;
  workload?: Workload;
  container?: string;
}

/** How a named literal holds a credential, if it does: the rules of the redaction step too. */
export function literalCredential(
  name: string,
  value: unknown,
): { form: InlineCredential['form']; shape?: CredentialShape } | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  // A literal password can only sit in a URL's user info (`scheme://user:pass@host`): most values need no URL parsing.
  if (
    value.includes('://') &&
    value.includes('@') &&
    findAddresses(value).some(a => a.literalPassword)
  )
    return { form: 'url' };
  if (isCredentialName(name) && isLiteralCredentialValue(value))
    return { form: 'value' };
  const shape = credentialShapeOf(value);
  return shape ? { form: 'shape', shape } : undefined;
}

/**
 * A container's env for a snippet that copies it: an entry holding a literal
 * credential reads key `name` of Secret `secretName` instead (the Secret the
 * f3-config.secrets remediation creates), so a snippet never repeats one.
 */
export function envWithSecretRefs(
  env: ReadonlyArray<Record<string, any>>,
  secretName: string,
): Array<Record<string, any>> {
  return env.map(e =>
    e &&
    typeof e === 'object' &&
    literalCredential(String(e.name ?? ''), e.value)
      ? {
          name: e.name,
          valueFrom: { secretKeyRef: { name: secretName, key: e.name } },
        }
      : e,
  );
}

/** Credentials that reach the set's workloads as literal env values or ConfigMap data. */
export function inlineCredentials(set: ObjectSet): InlineCredential[] {
  // A copy, as appWorkloads gives: callers may filter or sort in place.
  return inlineCredentialsOfSet(set).slice();
}

/** Per set: f3-config.secrets, f3-config.secret-store and f3-config.no-hardcoded each ask for every set. */
const inlineCredentialsOfSet = perObject(findInlineCredentials);

function findInlineCredentials(set: ObjectSet): InlineCredential[] {
  const out: InlineCredential[] = [];
  for (const w of appWorkloads(set)) {
    for (const c of w.containers) {
      envOf(c).forEach((e, i) => {
        const found = literalCredential(String(e.name ?? ''), e.value);
        if (found)
          out.push({
            set,
            source: w.source,
            name: String(e.name),
            fieldPath: `${c.fieldPath}.env[${i}].value`,
            ...found,
            workload: w,
            container: String(c.container.name ?? ''),
          });
      });
    }
  }
  for (const cm of configMapsOf(set)) {
    for (const [k, v] of Object.entries(cm.object.data ?? {})) {
      const found = literalCredential(k, v);
      if (found)
        out.push({
          set,
          source: cm,
          name: k,
          fieldPath: `data.${k}`,
          ...found,
        });
    }
  }
  return out;
}

/** A Secret manifest whose `data` or `stringData` holds values, and the keys that hold them. */
export interface CommittedSecret {
  source: SourcedObject;
  keys: string[];
}

/** Whether a Secret's value is written out: not empty, not a `${VAR}` or `{{ … }}` left for a later step. */
function isWrittenValue(value: unknown, encoded: boolean): boolean {
  if (value === null || value === undefined) return false;
  let text = String(value).trim();
  if (text === '' || isReference(text)) return false;
  if (encoded && /^[A-Za-z0-9+/=\s]+$/.test(text))
    text = Buffer.from(text, 'base64').toString('utf8').trim();
  return text !== '' && !isReference(text);
}

/**
 * Secrets of a repository set that carry their values: in Git, base64 is an
 * encoding, not encryption, so these are credentials committed in plain text.
 * Secrets of a cluster always hold values and are not committed anywhere.
 */
export function committedSecrets(set: ObjectSet): CommittedSecret[] {
  if (set.origin !== 'repo') return [];
  const out: CommittedSecret[] = [];
  for (const o of set.objects) {
    if (o.object.kind !== 'Secret') continue;
    const keys = [
      ...Object.entries(o.object.data ?? {})
        .filter(([, v]) => isWrittenValue(v, true))
        .map(([k]) => k),
      ...Object.entries(o.object.stringData ?? {})
        .filter(([, v]) => isWrittenValue(v, false))
        .map(([k]) => k),
    ];
    if (keys.length) out.push({ source: o, keys: [...new Set(keys)] });
  }
  return out;
}

/** Evidence for a committed Secret: the file and line of the object, its keys, never a value. */
export function committedSecretEvidence(
  set: ObjectSet,
  s: CommittedSecret,
): Evidence {
  return objectEvidence(
    set,
    s.source,
    noted('f3-config.credential.committed-secret-note', {
      keys: s.keys.join(', '),
    }),
  );
}

/** File evidence moved from the object's first line to the line that writes `key`, when the config scan saw it. */
export function atKey(
  ev: Evidence,
  key: string,
  scan: ConfigLiteralsFact | undefined,
): Evidence {
  if (ev.type !== 'file') return ev;
  const line = scan
    ? indexedKeyLine(scan, ev.path, key)
    : keyLine(scan, ev.path, key);
  return line ? { ...ev, startLine: line, endLine: line } : ev;
}

/** keyLine's answers for a scan, indexed once by path and key: evidence is moved to key lines for every env entry of every set. */
const keyLineIndex = new WeakMap<
  ConfigLiteralsFact,
  Map<string, Map<string, number>>
>();
function indexedKeyLine(
  scan: ConfigLiteralsFact,
  path: string,
  key: string,
): number | undefined {
  let index = keyLineIndex.get(scan);
  if (!index) {
    index = new Map();
    for (const k of scan.keyLines) {
      let byKey = index.get(k.path);
      if (!byKey) index.set(k.path, (byKey = new Map()));
      // keyLine answers with the first entry for a path and key.
      if (!byKey.has(k.key)) byKey.set(k.key, k.line);
    }
    keyLineIndex.set(scan, index);
  }
  return index.get(path)?.get(key);
}

/**
 * A note naming a credential's shape, a message per shape (the phrase
 * differs per language); a shape added to SHAPE_NAMES without its message
 * is said in English only.
 */
export function shapeNote(
  id: string,
  text: string,
  params: Record<string, string>,
): Note {
  return id in ENGINE_MESSAGES ? noted(id, params) : text;
}

/** Evidence for an inline credential; never the value. */
export function credentialEvidence(
  c: InlineCredential,
  scan?: ConfigLiteralsFact,
): Evidence {
  let note: Note = noted('f3-config.credential.literal-note', { name: c.name });
  if (c.form === 'url')
    note = noted('f3-config.credential.url-note', { name: c.name });
  else if (c.form === 'shape' && c.shape)
    note = shapeNote(
      `f3-config.credential.holds-${c.shape}-note`,
      `${c.name} holds ${SHAPE_NAMES[c.shape]}`,
      { name: c.name },
    );
  return atKey(
    objectEvidence(c.set, c.source, note, c.fieldPath),
    c.name,
    scan,
  );
}

/** Names of the Secrets a workload reads (env, envFrom, volumes, projected volumes). */
export function secretRefsOf(w: Workload): string[] {
  const names = new Set<string>();
  for (const c of w.containers) {
    for (const e of envOf(c))
      if (e.valueFrom?.secretKeyRef?.name)
        names.add(String(e.valueFrom.secretKeyRef.name));
    for (const e of c.container.envFrom ?? [])
      if (e?.secretRef?.name) names.add(String(e.secretRef.name));
  }
  for (const v of w.podSpec.volumes ?? []) {
    if (v?.secret?.secretName) names.add(String(v.secret.secretName));
    for (const s of v?.projected?.sources ?? [])
      if (s?.secret?.name) names.add(String(s.secret.name));
  }
  return [...names];
}

/** Names of the ConfigMaps a workload reads. */
export function configMapRefsOf(w: Workload): string[] {
  const names = new Set<string>();
  for (const c of w.containers) {
    for (const e of envOf(c))
      if (e.valueFrom?.configMapKeyRef?.name)
        names.add(String(e.valueFrom.configMapKeyRef.name));
    for (const e of c.container.envFrom ?? [])
      if (e?.configMapRef?.name) names.add(String(e.configMapRef.name));
  }
  for (const v of w.podSpec.volumes ?? []) {
    if (v?.configMap?.name) names.add(String(v.configMap.name));
    for (const s of v?.projected?.sources ?? [])
      if (s?.configMap?.name) names.add(String(s.configMap.name));
  }
  return [...names];
}

/** The first ConfigMap name the sets' workloads read, for snippets. */
export function firstConfigMapName(
  sets: ReadonlyArray<ObjectSet>,
): string | undefined {
  for (const set of sets) {
    for (const w of appWorkloads(set)) {
      const names = configMapRefsOf(w);
      if (names.length) return names[0];
    }
  }
  return undefined;
}
