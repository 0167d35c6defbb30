import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the twelve-factor plugin. */
  twelveFactor?: {
    /**
     * How long a stored scorecard is served before a request triggers a new
     * scan. Default 10 minutes.
     */
    maxAge?: HumanDuration | string;
    /** Bounds on what a scan reads from a repository. */
    limits?: {
      /** Files larger than this are listed but not read. Default 1 MiB. */
      maxFileBytes?: number;
      /** Reading stops after this many files. Default 20000. */
      maxFiles?: number;
    };
    /**
     * Cluster dumps (`kubectl get … -o yaml` output) to score against, for
     * air-gapped installs. Secrets in them are reduced to metadata on load.
     */
    clusterDumps?: Array<{
      /** The cluster's name, shown in evidence. */
      name: string;
      /** Path relative to the backend's working directory. */
      path: string;
    }>;
    /**
     * Where the backend reads entities' repositories from. Entities with a
     * `backstage.io/source-location` are read through the UrlReader
     * (configure `integrations:`); these local sources take precedence.
     */
    sources?: {
      /**
       * Local directories holding entities' repositories, for examples,
       * tests and air-gapped installs. Paths are relative to the backend's
       * working directory.
       */
      local?: Array<{
        /** e.g. `component:default/auto-builder-cms` */
        entityRef: string;
        path: string;
      }>;
      /**
       * Read the folder of the catalog file of entities registered from
       * local files (`file:` locations). Meant for development.
       */
      fromFileLocations?: boolean;
    };
  };
}
