import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the twelve-factor plugin. */
  twelveFactor?: {
    /**
     * A stored scorecard older than this is queued for a new scan when it is
     * read (reading never waits for a scan). Default 10 minutes.
     */
    maxAge?: HumanDuration | string;
    /**
     * What is scored. Entities outside the filter (teams, systems, APIs,
     * other kinds) are never scored: reading one answers 400 and nothing is
     * stored.
     */
    entities?: {
      /**
       * Catalog filters, as in the catalog's entity queries: an entity
       * matches when it matches any of them, and a filter when every key
       * has one of its values (case-insensitive). Default
       * `[{ kind: Component }]`.
       */
      filter?:
        | { [key: string]: string | string[] }
        | Array<{ [key: string]: string | string[] }>;
      /**
       * Score only entities with something to read: a
       * `backstage.io/source-location`, a Kubernetes annotation
       * (`backstage.io/kubernetes-id` or `kubernetes-label-selector`), or a
       * local source entry. Default true.
       */
      requireSource?: boolean;
    };
    /** Scans nobody waits for: the first scan of a service opened before the fleet scan reached it, stale scorecards. */
    queue?: {
      /** Services waiting at most; beyond, the next fleet scan reaches them. Default 1000. */
      maxSize?: number;
      /** Scans at once per backend replica. Default 2. */
      concurrency?: number;
    };
    /**
     * Replicas take an entity's lease (in the database) before scanning it,
     * so that one scans it and the others serve its result. The holder
     * renews the lease while it scans.
     */
    scanLease?: {
      /**
       * How long a lease lasts unless renewed: how long a replica that died
       * mid-scan keeps the others from scanning the entity. Default 30
       * seconds.
       */
      ttl?: HumanDuration | string;
    };
    /**
     * Reads (the scorecard GET, the fleet view) ask the permission framework
     * for the caller's conditional decision and apply it to each entity. A
     * caller's decision is reused for this long, so that a tab's requests
     * do not each cost a round trip to the permission backend. A changed
     * policy or group membership shows in reads this much later.
     */
    permissionCache?: {
      /** Default 10 seconds; 0 asks on every read. */
      ttl?: HumanDuration | string;
    };
    /** The plugin's OpenTelemetry metrics (see the README's Metrics section). */
    metrics?: {
      /**
       * Report the average scores per owning group (`owner` attribute of
       * `twelve_factor.group.score`). Owners are bounded by the teams in the
       * catalog; turn this off to keep one series per score group for the
       * whole fleet. Default true.
       */
      ownerAttributes?: boolean;
    };
    /** The catalog's view of the scored services (owners, systems, domains) for the fleet view. */
    catalogSync?: {
      /** Default 5 minutes; the fleet scan syncs too. */
      frequency?: HumanDuration | string;
      /** Delay after start-up before the first sync. Default 5 seconds. */
      initialDelay?: HumanDuration | string;
    };
    /** Waivers granted from the portal (the tab's "Waive" action). */
    waivers?: {
      /**
       * The longest a waiver may run, in days from the day it is granted.
       * Default 180.
       */
      maxDays?: number;
      /**
       * How often lapsed waivers are looked for: each expiry is recorded
       * through the auditor and the entity re-scanned. Default 1 hour.
       */
      expiryCheckFrequency?: HumanDuration | string;
    };
    /** The stored history of scans. */
    history?: {
      /**
       * Scans older than this are deleted after each fleet scan; each
       * entity's latest scan is always kept. Default 90 days.
       */
      maxAge?: HumanDuration | string;
    };
    /** When the whole catalog is re-scored. */
    schedule?: {
      /** Default 30 minutes. */
      frequency?: HumanDuration | string;
      /** Default 30 minutes. */
      timeout?: HumanDuration | string;
      /** Delay after start-up before the first fleet scan. Default 30 seconds. */
      initialDelay?: HumanDuration | string;
    };
    /** Bounds on reading live clusters. */
    collection?: {
      /** Timeout of one API request. Default 15 seconds. */
      requestTimeout?: HumanDuration | string;
      /** Timeout of collecting one cluster. Default 2 minutes. */
      scanTimeout?: HumanDuration | string;
      /** Objects per LIST page. Default 500. */
      pageSize?: number;
    };
    /**
     * Clusters to read. The clusters of the Kubernetes plugin
     * (`kubernetes.clusterLocatorMethods`, types `config` and `catalog`) are
     * read too; an entry here with the same name overrides one there.
     */
    clusters?: Array<{
      name: string;
      /** The API server, e.g. https://aks-prod.example.com:443 */
      url?: string;
      /** serviceAccount (default), kubeconfig or inCluster. */
      authProvider?: 'serviceAccount' | 'kubeconfig' | 'inCluster';
      /**
       * Bearer token of a service account bound to the twelve-factor-reader
       * ClusterRole (deploy/rbac/clusterrole.yaml).
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** A file holding the token (e.g. a projected volume). */
      serviceAccountTokenFile?: string;
      /**
       * The cluster's CA, PEM or base64 PEM.
       * @visibility secret
       */
      caData?: string;
      caFile?: string;
      skipTLSVerify?: boolean;
      /** For authProvider kubeconfig; the default kubeconfig when unset. */
      kubeconfigPath?: string;
      kubeconfigContext?: string;
      /** Collect only these namespaces (one LIST per kind and namespace). */
      namespaces?: string[];
    }>;
    /** Bounds on what a scan reads from a repository. */
    limits?: {
      /** Files larger than this are listed but not read. Default 1 MiB. */
      maxFileBytes?: number;
      /**
       * The same for manifests (.yaml, .yml, .json and Kustomization files),
       * which Kustomize renders need whole. Default 8 MiB.
       */
      maxManifestBytes?: number;
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
        /** The repository's folder. */
        path: string;
        /**
         * The entity's folder in it when the repository holds several
         * services (a monorepo), e.g. `src/cart`. Default: the folder of the
         * entity's `backstage.io/source-location` when `path` holds it.
         */
        codeRoot?: string;
      }>;
      /**
       * Read the folder of the catalog file of entities registered from
       * local files (`file:` locations). Meant for development. A catalog
       * file in its service's folder of a monorepo (the folder its source
       * location points at) makes the folder above that the repository.
       */
      fromFileLocations?: boolean;
    };
  };
}
