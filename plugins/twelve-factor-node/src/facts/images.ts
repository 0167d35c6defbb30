/*
 * Image references and the backing services (datastores, caches, brokers)
 * an image or an operator's object runs: shared by the checks and by the
 * scoping of a monorepo's manifests.
 */
import type { SourcedObject } from './manifests/yamlObjects';

/**
 * Results of pure string functions below, which checks call for every
 * container of every set: a few distinct images and commands per scan,
 * asked about hundreds of times. Bounded, as the strings come from manifests.
 */
function memoized<T>(f: (s: string) => T): (s: string) => T {
  const results = new Map<string, T>();
  return s => {
    if (results.has(s)) return results.get(s)!;
    const r = f(s);
    if (results.size >= 2048) results.clear();
    results.set(s, r);
    return r;
  };
}

const repositoryOf = memoized(image =>
  image.replace(/@.*$/, '').replace(/:[^/:]*$/, ''),
);

/** Repository of an image reference without registry port confusion, tag or digest. */
export function imageRepository(image: unknown): string {
  return repositoryOf(String(image ?? ''));
}

/** Last path segment of an image repository (`bitnami/redis:7` → `redis`). */
export function imageName(image: unknown): string {
  return imageRepository(image).split('/').pop() ?? '';
}

const BACKING_IMAGES: Array<[RegExp, string]> = [
  [
    /(^|\/)(postgres|postgresql|postgis|timescaledb|pgvector|spilo[\w-]*)$/,
    'postgresql',
  ],
  [/(^|\/)(mysql|mariadb|percona-server|percona)$/, 'mysql'],
  [/(^|\/)(mongo|mongodb|mongodb-community-server)$/, 'mongodb'],
  [
    /(^|\/)(redis|redis-stack|redis-stack-server|valkey|keydb|dragonfly)$/,
    'redis',
  ],
  [/(^|\/)memcached$/, 'memcached'],
  [/(^|\/)rabbitmq$/, 'rabbitmq'],
  [/(^|\/)(kafka|cp-kafka|redpanda|zookeeper|cp-zookeeper)$/, 'kafka'],
  [/(^|\/)(elasticsearch|opensearch)$/, 'elasticsearch'],
  [/(^|\/)(nats|nats-streaming)$/, 'nats'],
  [/(^|\/)minio$/, 'object-storage'],
  [/(^|\/)(mssql\/server|mssql-server-linux)$/, 'sqlserver'],
  [/(^|\/)(cassandra|scylla)$/, 'cassandra'],
  [/(^|\/)(clickhouse-server|clickhouse)$/, 'clickhouse'],
  [/(^|\/)(etcd|influxdb|neo4j|couchdb)$/, 'datastore'],
];

const backingKindOf = memoized((image: string): string | undefined => {
  const repo = imageRepository(image).toLowerCase();
  for (const [re, kind] of BACKING_IMAGES) if (re.test(repo)) return kind;
  return undefined;
});

/** The backing-service kind an image runs, if it is one. */
export function backingKindOfImage(image: unknown): string | undefined {
  if (!image) return undefined;
  return backingKindOf(String(image));
}

/** Operator-managed backing services (CloudNativePG Cluster, Strimzi Kafka…), which are no workloads. */
const OPERATOR_KINDS: Array<{ group: RegExp; kinds: RegExp; kind: string }> = [
  {
    group:
      /postgresql\.cnpg\.io|acid\.zalan\.do|crunchydata\.com|stackgres\.io/,
    kinds: /^(Cluster|postgresql|PostgresCluster|SGCluster)$/,
    kind: 'postgresql',
  },
  {
    group: /mongodb|percona\.com/,
    kinds: /^(MongoDBCommunity|MongoDB|PerconaServerMongoDB)$/,
    kind: 'mongodb',
  },
  {
    group: /redis|spotahome/,
    kinds: /^(Redis|RedisCluster|RedisFailover|RedisReplication)$/,
    kind: 'redis',
  },
  { group: /kafka\.strimzi\.io/, kinds: /^Kafka$/, kind: 'kafka' },
  { group: /rabbitmq\.com/, kinds: /^RabbitmqCluster$/, kind: 'rabbitmq' },
  {
    group: /elastic\.co|opensearch/,
    kinds: /^(Elasticsearch|OpenSearchCluster)$/,
    kind: 'elasticsearch',
  },
  {
    group: /mysql\.oracle\.com|percona\.com|mariadb/,
    kinds: /^(InnoDBCluster|PerconaXtraDBCluster|MariaDB)$/,
    kind: 'mysql',
  },
];

/** Backing services run by operators in a set of objects. */
export function operatorBackingServices(
  objects: ReadonlyArray<SourcedObject>,
): Array<{ source: SourcedObject; kind: string }> {
  const out: Array<{ source: SourcedObject; kind: string }> = [];
  for (const source of objects) {
    const { apiVersion = '', kind } = source.object;
    const hit = OPERATOR_KINDS.find(
      o => o.group.test(String(apiVersion)) && o.kinds.test(String(kind)),
    );
    if (hit) out.push({ source, kind: hit.kind });
  }
  return out;
}
