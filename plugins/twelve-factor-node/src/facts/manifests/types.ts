import type { LeftOut } from '../ancillary';
import type { SourcedObject } from './yamlObjects';

/** One deployable unit of the repository's manifests. @public */
export interface DeployTarget {
  /**
   * The folder that defines it, e.g. `kubernetes/overlays/prd` or `k8s`; for
   * a Helm chart its folder (default values) or the environment's values
   * file over the chart's (`charts/app/values-prod.yaml`).
   */
  id: string;
  kind: 'kustomize' | 'plain' | 'helm';
  /** The objects it deploys, as they would be applied. */
  objects: SourcedObject[];
  /**
   * Helm: kinds the chart's own templates write that these values do not
   * render (an HPA behind `autoscaling.enabled: false`): offered, switched off.
   */
  offered?: Array<{ kind: string; path: string; line: number }>;
}

/** What the repository deploys. @public */
export interface ManifestsFact {
  targets: DeployTarget[];
  /**
   * Helm charts found (folders holding Chart.yaml), each rendered as one
   * deploy target per environment values file (or with its default values).
   */
  helmCharts: string[];
  /** Remote resources a kustomization names and the renderer did not fetch. */
  skippedRemote: string[];
  /**
   * Manifests, kustomizations and charts not read as the service's own (test
   * fixtures, docs and examples, local-only stacks, vendored charts), with why.
   */
  leftOut: LeftOut[];
  /**
   * Set for a monorepo member (ScanInput.codeRoot): the targets keep only
   * the entity's objects and those pointing at them (see
   * facts/monorepo/manifests.ts).
   */
  scope?: ManifestsScope;
}

/** How a monorepo member's share of the repository's manifests was chosen. @public */
export interface ManifestsScope {
  /** The entity's folder. */
  codeRoot: string;
  /** How its own objects are recognised: its folder, labels, the manifests annotation, images built from its folder. */
  matchedBy: string[];
  /** Deploy targets that deploy nothing of the entity. */
  otherTargets: string[];
  /** Where the objects left out (other services') are written: file and document line. */
  otherObjects: Array<{ path: string; line?: number }>;
}
