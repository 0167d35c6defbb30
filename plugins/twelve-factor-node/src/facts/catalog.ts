// Spelled out rather than imported: @backstage/catalog-model costs ~400 ms
// of start-up in the CLI for two constants.
const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
const ANNOTATION_VIEW_URL = 'backstage.io/view-url';
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';

/** What the catalog entity says about where the code lives. @public */
export interface CatalogFact {
  /** `backstage.io/source-location`, without the `url:` prefix. */
  sourceLocation?: string;
  /** The annotation the location came from. */
  field?: string;
  /** Other components of the same system, by name. */
  system?: string;
}

/** @public */
export const catalogFactRef = createFactRef<CatalogFact>({
  id: 'catalog.entity',
});

const SCM_ANNOTATIONS = [
  'github.com/project-slug',
  'gitlab.com/project-slug',
  'dev.azure.com/project-repo',
  'bitbucket.org/project-slug',
];

/** @public */
export const catalogExtractor: FactExtractor<CatalogFact> = {
  ref: catalogFactRef,
  extract({ input }) {
    const a = input.entity.metadata.annotations ?? {};
    const system = (input.entity.spec as any)?.system;
    for (const field of [
      ANNOTATION_SOURCE_LOCATION,
      ANNOTATION_VIEW_URL,
      ...SCM_ANNOTATIONS,
    ]) {
      if (a[field]) {
        return {
          sourceLocation: a[field].replace(/^url:/, ''),
          field: `metadata.annotations["${field}"]`,
          ...(system ? { system: String(system) } : {}),
        };
      }
    }
    return system ? { system: String(system) } : {};
  },
};
