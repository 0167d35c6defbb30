/**
 * When a kustomization renders nothing at all (it cannot be read, or every
 * entry it lists is missing: files generated in CI, stale entries), a reader
 * still judges the manifests written beside it. These are the plain YAML
 * objects of its folder, the files a kustomization there would most likely
 * list: patches, generator inputs and transformer configurations it names
 * are not objects of their own, nor are files inside nested kustomizations.
 */
import { parseDocument } from 'yaml';
import { dirname, RepoSnapshot } from '../../sources/RepoSnapshot';
import { KUSTOMIZATION_FILE_NAMES } from '../../kustomize/paths';
import { readYamlObjects, type SourcedObject } from './yamlObjects';

/** Kustomization fields whose files are not resources. */
const NOT_RESOURCE_FIELDS = [
  'patches',
  'patchesStrategicMerge',
  'patchesJson6902',
  'configurations',
  'replacements',
  'transformers',
  'generators',
  'validators',
  'crds',
  'openapi',
];

/** Files a kustomization names in fields that do not list resources (relative to its folder). */
function namedNonResources(text: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  let doc: unknown;
  try {
    doc = parseDocument(text).toJS();
  } catch {
    return out;
  }
  if (typeof doc !== 'object' || doc === null) return out;
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.add(v.replace(/^\.\//, ''));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      visit(o.path);
      visit(o.files);
      visit(o.envs);
      visit(o.env);
    }
  };
  for (const field of NOT_RESOURCE_FIELDS)
    visit((doc as Record<string, unknown>)[field]);
  for (const field of ['configMapGenerator', 'secretGenerator'])
    visit((doc as Record<string, unknown>)[field]);
  return out;
}

function isKubernetesObject(o: SourcedObject): boolean {
  const { apiVersion, kind, metadata } = o.object;
  return (
    typeof apiVersion === 'string' &&
    !/^(kustomize\.config\.k8s\.io|config\.kubernetes\.io|builtin)\b/.test(
      apiVersion,
    ) &&
    typeof kind === 'string' &&
    typeof metadata?.name === 'string'
  );
}

/** The plain manifests of a kustomization's folder, and the files they come from. */
export function plainManifestsOf(
  repo: RepoSnapshot,
  dir: string,
): { objects: SourcedObject[]; files: string[] } {
  const prefix = dir ? `${dir}/` : '';
  const kustomization = KUSTOMIZATION_FILE_NAMES.map(n =>
    repo.read(`${prefix}${n}`),
  ).find(t => t !== undefined);
  const named = namedNonResources(kustomization);
  // Folders below holding a kustomization of their own are other units.
  const nested = repo
    .find((_p, name) => KUSTOMIZATION_FILE_NAMES.includes(name))
    .map(f => dirname(f.path))
    .filter(d => d !== dir && (dir === '' || d.startsWith(prefix)));
  const objects: SourcedObject[] = [];
  const files: string[] = [];
  for (const file of repo.find(
    p => p.startsWith(prefix) && /\.ya?ml$/i.test(p),
  )) {
    const rest = file.path.slice(prefix.length);
    if (file.text === undefined || KUSTOMIZATION_FILE_NAMES.includes(rest))
      continue;
    if (named.has(rest) || /(^|[/._-])patch(es)?([._-]|$)/i.test(rest))
      continue;
    if (nested.some(n => file.path.startsWith(`${n}/`))) continue;
    const found = readYamlObjects(file.path, file.text).objects.filter(
      isKubernetesObject,
    );
    if (found.length === 0) continue;
    objects.push(...found);
    files.push(file.path);
  }
  return { objects, files };
}
