import {
  createApiRef,
  useApiHolder,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { useEntity } from '@backstage/plugin-catalog-react';

/**
 * The Kubernetes plugin's client, looked up by its id so that this plugin
 * need not depend on the Kubernetes plugin: when an app installs it, the
 * entity has a Kubernetes tab showing the objects the evidence names.
 */
const kubernetesApiRef = createApiRef<unknown>({
  id: 'plugin.kubernetes.service',
});

/**
 * The entity page's path function, or undefined in an app without the
 * catalog's entity route (a test, a custom page): there is nowhere to link.
 */
function useEntityPage():
  | ((params: { kind: string; namespace: string; name: string }) => string)
  | undefined {
  try {
    // Called on every render, so the hooks inside keep their order.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * Where cluster evidence opens: the entity's Kubernetes tab when the app
 * has the Kubernetes plugin (at `tabPath`, `kubernetes` in Backstage's
 * example entity pages), else nowhere (the kubectl command is offered).
 */
export function useKubernetesView(
  tabPath = 'kubernetes',
): (e: Evidence) => string | undefined {
  const installed = !!useApiHolder().get(kubernetesApiRef);
  const { entity } = useEntity();
  const entityPage = useEntityPage();
  if (!installed || !entityPage) return () => undefined;
  const page = entityPage({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
  return e => (e.type === 'cluster-object' ? `${page}/${tabPath}` : undefined);
}
