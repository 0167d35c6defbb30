import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the twelve-factor plugin. */
  twelveFactor?: {
    /**
     * How long a stored scorecard is served before a request triggers a new
     * scan. Default 10 minutes.
     */
    maxAge?: HumanDuration | string;
    /** Where the backend reads entities' repositories from. */
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
