import type { Entity } from '@backstage/catalog-model';
import {
  collectObjectCredentials,
  collectRepoCredentials,
  Redactor,
} from '../credentials';
import { objectSets } from '../facts/objectSets';
import type { FactReader } from './facts';
import type { ScanInput } from './types';

/**
 * The redactor of one scan: it knows every credential value of the
 * repository, of the entity and of the objects judged (the repository's
 * deploy targets and the entity's cluster namespaces).
 */
export function scanRedactor(input: ScanInput, facts: FactReader): Redactor {
  const values = new Set<string>();
  if (input.repo) collectRepoCredentials(input.repo, values);
  collectObjectCredentials(
    [input.entity as Entity & Record<string, any>],
    values,
  );
  let sets: ReturnType<typeof objectSets> = [];
  try {
    sets = objectSets(facts);
  } catch {
    // No object sets (or they failed, which the checks already reported): the repository's values still count.
  }
  // Object names are printed as they are (evidence names them): a credential equal to one hides nothing.
  const names = new Set<string>();
  for (const set of sets) {
    collectObjectCredentials(
      set.objects.map(o => o.object),
      values,
    );
    for (const o of set.objects) {
      const name = o.object.metadata?.name;
      if (typeof name === 'string') names.add(name);
    }
  }
  return new Redactor(values, [
    ...publicWords(input.entity as Entity),
    ...names,
  ]);
}

/**
 * The entity's own names, public to every reader of its scorecard: its name
 * and title, and the repository's owner and name (from github.com/project-slug
 * or the source location), with their `-`/`_`-separated parts.
 */
function publicWords(entity: Entity): string[] {
  const a = entity.metadata.annotations ?? {};
  const names = [entity.metadata.name, entity.metadata.title ?? ''];
  const slug =
    a['github.com/project-slug'] ??
    a['gitlab.com/project-slug'] ??
    /^(?:url:)?https?:\/\/[^/]+\/([^/]+\/[^/]+)/.exec(
      a['backstage.io/source-location'] ?? '',
    )?.[1] ??
    '';
  names.push(...slug.replace(/\.git$/, '').split('/'));
  const words = new Set<string>();
  for (const n of names.filter(Boolean)) {
    words.add(n);
    for (const part of n.split(/[-_.\s]+/))
      if (part.length >= 4) words.add(part);
  }
  return [...words];
}
