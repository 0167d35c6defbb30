/**
 * Where the tab sends a reader who wants an unknown decided: Backstage's
 * own documentation of what to connect.
 */
export const CONNECT_CLUSTER_DOCS =
  'https://backstage.io/docs/features/kubernetes/configuration';

export const SOURCE_LOCATION_DOCS =
  'https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiosource-location';
