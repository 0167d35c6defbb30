/**
 * namePrefix / nameSuffix. Every object is renamed except CRDs, APIServices
 * and Namespaces; the previous name is recorded so references can be fixed
 * afterwards, and the prefix/suffix is remembered to disambiguate references
 * when the same base is included twice.
 */
import { NAME_PREFIX_FIELDS, NAME_SUFFIX_FIELDS } from '../defaults';
import { FieldSpec, visitFieldSpec } from '../fieldspec';
import { gvkSelected } from '../gvk';
import { orgId, Res, scalarText, storePreviousId } from '../resource';

const SKIP = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

function affix(
  list: Res[],
  value: string,
  mode: 'prefix' | 'suffix',
  fieldSpecs: FieldSpec[],
): void {
  if (!value) return;
  for (const r of list) {
    const id = orgId(r);
    if (SKIP.some(s => gvkSelected(id, s))) continue;
    for (const fs of fieldSpecs) {
      if (!gvkSelected(id, fs)) continue;
      if (fs.path === 'metadata/name') {
        if (mode === 'prefix') r.prefixes.push(value);
        else r.suffixes.push(value);
        storePreviousId(r);
      }
      visitFieldSpec(r.obj, fs, 'scalar', (parent, key) => {
        const cur = scalarText(parent[key]);
        parent[key] = mode === 'prefix' ? `${value}${cur}` : `${cur}${value}`;
      });
    }
  }
}

/** Field specs beyond metadata/name come from `configurations`. */
export function applyNamePrefix(
  list: Res[],
  prefix: string,
  fieldSpecs: FieldSpec[] = NAME_PREFIX_FIELDS,
): void {
  affix(list, prefix, 'prefix', fieldSpecs);
}

export function applyNameSuffix(
  list: Res[],
  suffix: string,
  fieldSpecs: FieldSpec[] = NAME_SUFFIX_FIELDS,
): void {
  affix(list, suffix, 'suffix', fieldSpecs);
}
