import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** `group:default/team` → `team`; other namespaces and kinds are kept. */
export function shortRef(ref: string, defaultKind: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const k = kind.toLocaleLowerCase('en-US');
    return `${k === defaultKind ? '' : `${k}:`}${
      namespace === 'default' ? '' : `${namespace}/`
    }${name}`;
  } catch {
    return ref;
  }
}

/** Trims slashes off a configured tab path. */
export function normalizeTabPath(path: string | undefined): string {
  return (path ?? 'twelve-factor').replace(/^\/+|\/+$/g, '');
}

/**
 * Links to entity pages and to the Twelve-Factor tab of a service, optionally
 * opened at one area (`?area=<id>`).
 */
export function useEntityLinks(tabPath: string) {
  const entityRoute = useRouteRef(entityRouteRef);
  const entityLink = useCallback(
    (ref: string) => {
      const { kind, namespace, name } = parseEntityRef(ref);
      return entityRoute({
        kind: kind.toLocaleLowerCase('en-US'),
        namespace,
        name,
      });
    },
    [entityRoute],
  );
  const tabLink = useCallback(
    (ref: string, area?: string) =>
      `${entityLink(ref)}/${tabPath}${
        area ? `?area=${encodeURIComponent(area)}` : ''
      }`,
    [entityLink, tabPath],
  );
  return { entityLink, tabLink };
}
