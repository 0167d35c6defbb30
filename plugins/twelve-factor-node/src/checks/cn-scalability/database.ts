import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { advice, because, finding } from '../messages';
import { lazySnippet, toYaml } from '../snippets';
import { optionalFact } from '../cn-orchestration/kube';
import {
  imageName,
  judgeStores,
  managedHostPatterns,
  mentions,
  type StoreSpec,
} from './datastores';

/** Database operators and cloud-provider resources. One row per product; extend here. */
const DATABASE: StoreSpec = {
  key: 'database',
  resources: [
    {
      apiVersion: /^postgresql\.cnpg\.io\//,
      kind: /^Cluster$/,
      product: 'CloudNativePG',
    },
    {
      apiVersion: /^acid\.zalan\.do\//,
      kind: /^postgresql$/,
      product: 'Zalando Postgres Operator',
    },
    {
      apiVersion: /^postgres-operator\.crunchydata\.com\//,
      kind: /^PostgresCluster$/,
      product: 'Crunchy PGO',
    },
    {
      apiVersion: /^stackgres\.io\//,
      kind: /^SGCluster$/,
      product: 'StackGres',
    },
    {
      apiVersion: /^(pgv2|pxc|psmdb|ps)\.percona\.com\//,
      product: 'Percona Operator',
    },
    {
      apiVersion: /^mysql\.oracle\.com\//,
      kind: /^InnoDBCluster$/,
      product: 'MySQL Operator',
    },
    {
      apiVersion: /^moco\.cybozu\.com\//,
      kind: /^MySQLCluster$/,
      product: 'MOCO',
    },
    {
      apiVersion: /^(k8s\.mariadb\.com|mariadb\.mmontes\.io)\//,
      kind: /^MariaDB$/,
      product: 'MariaDB Operator',
      single: s => Number(s.replicas ?? 1) < 2 && !s.galera?.enabled,
    },
    {
      apiVersion: /^mongodbcommunity\.mongodb\.com\//,
      product: 'MongoDB Community Operator',
    },
    {
      apiVersion: /^kubedb\.com\//,
      kind: /^(Postgres|MySQL|MariaDB|MongoDB)$/,
      product: 'KubeDB',
    },
    {
      apiVersion: /^planetscale\.com\//,
      kind: /^VitessCluster$/,
      product: 'Vitess',
    },
    {
      apiVersion: /^(crdb\.cockroachlabs\.com)\//,
      product: 'CockroachDB Operator',
    },
    {
      apiVersion:
        /^(k8ssandra\.io|cassandra\.datastax\.com|scylla\.scylladb\.com)\//,
      product: 'Cassandra/Scylla Operator',
    },
    {
      apiVersion: /^(dbforpostgresql|dbformysql|sql|documentdb)\.azure\.com\//,
      product: 'Azure Service Operator (managed)',
    },
    {
      apiVersion: /^(rds|dynamodb|docdb)\.services\.k8s\.aws\//,
      product: 'AWS Controllers for Kubernetes (managed)',
    },
    {
      apiVersion:
        /^(sql|spanner|alloydb|firestore)\.cnrm\.cloud\.google\.com\//,
      product: 'Config Connector (managed)',
    },
    {
      apiVersion:
        /^(database|rds|sql|dbforpostgresql|dbformysql)\.[a-z.]*crossplane\.io\//,
      product: 'Crossplane (managed)',
    },
  ],
  ...managedHostPatterns(
    [
      String.raw`postgres\.database\.azure\.com`,
      String.raw`mysql\.database\.azure\.com`,
      String.raw`mariadb\.database\.azure\.com`,
      String.raw`database\.windows\.net`,
      String.raw`documents\.azure\.com`,
      String.raw`mongo\.cosmos\.azure\.com`,
      String.raw`postgres\.cosmos\.azure\.com`,
      String.raw`rds\.amazonaws\.com`,
      String.raw`docdb\.amazonaws\.com`,
      String.raw`dsql\.[a-z0-9-]+\.on\.aws`,
      String.raw`mongodb\.net`,
      String.raw`neon\.tech`,
      String.raw`supabase\.co`,
      String.raw`aivencloud\.com`,
      String.raw`psdb\.cloud`,
      String.raw`cockroachlabs\.cloud`,
      String.raw`db\.ondigitalocean\.com`,
      String.raw`tsdb\.cloud\.timescale\.com`,
    ],
    // Cloud SQL's unix socket path.
    String.raw`\/cloudsql\/[a-z0-9:-]+`,
  ),
  image: repo =>
    /^(postgres|postgresql|postgresql-repmgr|mysql|mariadb|mariadb-galera|mongo|mongodb|percona|percona-server|percona-server-mongodb|cockroach|timescaledb|timescaledb-ha|postgis|cassandra|neo4j|couchdb|clickhouse-server|spilo-\d+)$/.test(
      imageName(repo),
    ) || /mssql\/server/.test(repo),
  replicated: w =>
    /repmgr|patroni|spilo|galera|timescaledb-ha/.test(
      w.containers.map(c => String(c.container.image)).join(' '),
    ) || mentions(w, /--replSet\b|wsrep_|--join=/),
};

export const database: TwelveFactorCheck = {
  id: 'cn-scalability.database',
  evaluate({ facts }) {
    const outcome = judgeStores(facts, DATABASE, partial => ({
      ...(partial[0].object
        ? advice('cn-scalability.database.single-advice', {
            object: `${partial[0].object.kind}/${partial[0].object.name}`,
          })
        : advice('cn-scalability.database.single-advice-unnamed')),
      snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
        toYaml({
          apiVersion: 'postgresql.cnpg.io/v1',
          kind: 'Cluster',
          metadata: {
            name: partial[0].object?.name ?? 'app-db',
            ...(partial[0].object?.namespace
              ? { namespace: partial[0].object.namespace }
              : {}),
          },
          spec: {
            instances: 3,
            storage: { size: '20Gi' },
            bootstrap: { initdb: { database: 'app', owner: 'app' } },
          },
        }),
      ),
    }));
    if (outcome) return outcome;
    // A database the code talks to, but neither a managed host nor a pod shows where it runs.
    const caps = optionalFact(facts, codeFactRef)?.capabilities ?? {};
    const drivers = (
      ['db-postgres', 'db-mysql', 'db-mongo', 'db-sqlserver'] as const
    ).flatMap(c => (caps[c] ?? []).map(m => m.dependency));
    if (drivers.length)
      return {
        verdict: 'unknown',
        ...finding('cn-scalability.database.not-visible'),
        ...because('cn-scalability.database.not-visible-reason', {
          drivers: [...new Set(drivers)].join(', '),
        }),
      };
    return {
      verdict: 'unknown',
      ...finding('cn-scalability.database.none'),
      ...because('cn-scalability.database.none-reason'),
    };
  },
};
