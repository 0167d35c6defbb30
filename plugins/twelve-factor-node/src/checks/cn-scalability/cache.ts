import type { TwelveFactorCheck } from '../../engine/types';
import { advice, because, finding } from '../messages';
import { lazySnippet, toYaml } from '../snippets';
import {
  imageName,
  judgeStores,
  managedHostPatterns,
  mentions,
  type StoreSpec,
} from './datastores';
import { replicasOf } from '../cn-orchestration/kube';

/** Cache operators and cloud-provider resources. One row per product; extend here. */
const CACHE: StoreSpec = {
  key: 'cache',
  resources: [
    {
      apiVersion: /^databases\.spotahome\.com\//,
      kind: /^RedisFailover$/,
      product: 'Redis Operator (Sentinel)',
    },
    {
      apiVersion: /^redis\.redis\.opstreelabs\.in\//,
      kind: /^(RedisCluster|RedisReplication|RedisSentinel)$/,
      product: 'OT Redis Operator',
    },
    {
      apiVersion: /^redis\.redis\.opstreelabs\.in\//,
      kind: /^Redis$/,
      product: 'OT Redis Operator (standalone)',
      single: () => true,
    },
    {
      apiVersion: /^dragonflydb\.io\//,
      kind: /^Dragonfly$/,
      product: 'Dragonfly Operator',
      single: s => Number(s.replicas ?? 1) < 2,
    },
    {
      apiVersion: /^app\.redislabs\.com\//,
      product: 'Redis Enterprise Operator',
    },
    {
      apiVersion: /^cache\.azure\.com\//,
      product: 'Azure Cache for Redis (Azure Service Operator)',
    },
    {
      apiVersion: /^(elasticache|memorydb)\.services\.k8s\.aws\//,
      product: 'ElastiCache (ACK)',
    },
    {
      apiVersion: /^redis\.cnrm\.cloud\.google\.com\//,
      product: 'Memorystore (Config Connector)',
    },
    {
      apiVersion: /^cache\.[a-z.]*crossplane\.io\//,
      product: 'managed cache (Crossplane)',
    },
  ],
  ...managedHostPatterns([
    String.raw`redis\.cache\.windows\.net`,
    String.raw`redisenterprise\.cache\.azure\.net`,
    String.raw`redis\.azure\.net`,
    String.raw`cache\.amazonaws\.com`,
    String.raw`memorydb\.[a-z0-9-]+\.amazonaws\.com`,
    String.raw`redis-cloud\.com`,
    String.raw`redislabs\.com`,
    String.raw`upstash\.io`,
    String.raw`aivencloud\.com`,
    String.raw`db\.ondigitalocean\.com`,
  ]),
  image: repo =>
    /^(redis|redis-stack|redis-stack-server|redis-cluster|redis-sentinel|valkey|valkey-cluster|keydb|memcached|dragonfly)$/.test(
      imageName(repo),
    ),
  replicated: w =>
    // Sentinel or cluster mode, replicas following a primary, or memcached shards (clients hash keys over them).
    mentions(
      w,
      /sentinel|redis-cluster|valkey-cluster|cluster-enabled|--replicaof|--slaveof|REDIS_REPLICATION_MODE|--cluster_mode|--replication/i,
    ) ||
    (replicasOf(w) > 1 &&
      w.containers.some(c => /memcached/.test(String(c.container.image)))),
};

export const cache: TwelveFactorCheck = {
  id: 'cn-scalability.cache',
  evaluate({ facts }) {
    const outcome = judgeStores(facts, CACHE, partial => {
      const single = partial[0].object;
      return {
        ...(single
          ? advice('cn-scalability.cache.single-advice', {
              object: `${single.kind}/${single.name}`,
            })
          : advice('cn-scalability.cache.single-advice-unnamed')),
        snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
          toYaml({
            apiVersion: 'databases.spotahome.com/v1',
            kind: 'RedisFailover',
            metadata: {
              name: single?.name ?? 'redis',
              ...(single?.namespace ? { namespace: single.namespace } : {}),
            },
            spec: {
              sentinel: {
                replicas: 3,
                resources: {
                  requests: { cpu: '50m', memory: '64Mi' },
                  limits: { memory: '128Mi' },
                },
              },
              redis: {
                replicas: 3,
                resources: {
                  requests: { cpu: '100m', memory: '256Mi' },
                  limits: { memory: '512Mi' },
                },
              },
            },
          }),
        ),
      };
    });
    if (outcome) return outcome;
    return {
      verdict: 'unknown',
      ...finding('cn-scalability.cache.none'),
      ...because('cn-scalability.cache.none-reason'),
    };
  },
};
