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
  for (const set of sets)
    collectObjectCredentials(
      set.objects.map(o => o.object),
      values,
    );
  return new Redactor(values);
}
