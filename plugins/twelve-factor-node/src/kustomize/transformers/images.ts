/**
 * The `images:` transformer. Like kustomize it runs two passes: the legacy
 * one that updates `image` in every list named `containers` or
 * `initContainers` anywhere in an object (except CRDs), then the field-spec
 * pass. An image matches when its name equals the entry's name, optionally
 * followed by a tag and/or a sha256 digest.
 */
import { IMAGE_FIELDS } from '../defaults';
import { FieldSpec, visitFieldSpec } from '../fieldspec';
import type { ImageSpec } from '../kustfile';
import { isEmptyObject, isMap, Res } from '../resource';

/** Splits `[host[:port]/]path[:tag][@digest]` as kustomize's image.Split does. */
export function splitImage(image: string): {
  name: string;
  tag: string;
  digest: string;
} {
  let slashIndex = image.indexOf('/');
  let search = image;
  if (slashIndex > 0) search = image.slice(slashIndex);
  else slashIndex = 0;
  let id = search.indexOf('@');
  let ic = search.indexOf(':');
  if (ic < 0 && id < 0) return { name: image, tag: '', digest: '' };
  if (id >= 0 && (id < ic || ic < 0)) {
    id += slashIndex;
    return { name: image.slice(0, id), tag: '', digest: image.slice(id + 1) };
  }
  if (id >= 0 && ic >= 0) {
    id += slashIndex;
    ic += slashIndex;
    return {
      name: image.slice(0, ic),
      tag: image.slice(ic + 1, id),
      digest: image.slice(id + 1),
    };
  }
  ic += slashIndex;
  return { name: image.slice(0, ic), tag: image.slice(ic + 1), digest: '' };
}

function matcher(name: string): RegExp | undefined {
  // kustomize builds this regexp from the raw name (no escaping).
  try {
    return new RegExp(
      `^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`,
    );
  } catch {
    return undefined;
  }
}

function updateImage(value: unknown, spec: ImageSpec, re: RegExp): unknown {
  if (typeof value !== 'string' || !re.test(value)) return value;
  let { name, tag, digest } = splitImage(value);
  if (spec.newName) name = spec.newName;
  if (spec.newTag && spec.digest) {
    tag = spec.newTag;
    digest = spec.digest;
  } else if (spec.newTag) {
    tag = spec.newTag;
    digest = '';
  } else if (spec.digest) {
    tag = '';
    digest = spec.digest;
  }
  let out = name;
  if (tag) out += `:${tag}`;
  if (digest) out += `@${digest}`;
  return out;
}

function walkContainers(node: unknown, spec: ImageSpec, re: RegExp): void {
  if (Array.isArray(node)) {
    for (const el of node) walkContainers(el, spec, re);
    return;
  }
  if (!isMap(node)) return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    walkContainers(v, spec, re);
    if (
      (key === 'containers' || key === 'initContainers') &&
      Array.isArray(v)
    ) {
      for (const c of v)
        if (isMap(c) && c.image !== undefined)
          c.image = updateImage(c.image, spec, re);
    }
  }
}

export function applyImages(
  list: Res[],
  images: ImageSpec[],
  fieldSpecs: FieldSpec[] = IMAGE_FIELDS,
): void {
  for (const spec of images) {
    const re = matcher(spec.name);
    if (!re) continue;
    for (const r of list) {
      if (isEmptyObject(r.obj) || r.obj.kind === 'CustomResourceDefinition')
        continue;
      walkContainers(r.obj, spec, re);
    }
    for (const r of list) {
      if (isEmptyObject(r.obj)) continue;
      for (const fs of fieldSpecs) {
        visitFieldSpec(r.obj, fs, undefined, (parent, key) => {
          parent[key] = updateImage(parent[key], spec, re);
        });
      }
    }
  }
}
