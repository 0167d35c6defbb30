import { builtInChecks } from './checks.generated';
import type { CheckDefinition } from '../types';

export { AREAS, GROUPS, getArea } from './areas';
export { builtInChecks };

const byId = new Map(builtInChecks.map(c => [c.id, c]));

/** Looks a built-in check up by id. @public */
export function getBuiltInCheck(id: string): CheckDefinition | undefined {
  return byId.get(id);
}
