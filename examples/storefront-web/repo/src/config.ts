// All configuration comes from the environment (Kubernetes ConfigMap/Secret in
// the cluster, .env.* files locally via `node --env-file`). Nothing here
// defaults to an environment-specific address.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (Number.isNaN(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export const config = {
  nodeEnv: process.env.NODE_ENV ?? 'development',
  port: int('PORT', 3000),
  logLevel: process.env.LOG_LEVEL ?? 'info',
  redisUrl: required('REDIS_URL'),
  redisPassword: process.env.REDIS_PASSWORD,
  sessionSecret: required('SESSION_SECRET'),
  catalogApiUrl: required('CATALOG_API_URL'),
  paymentsApiUrl: required('PAYMENTS_API_URL'),
  cdnOrigin: process.env.CDN_ORIGIN ?? '',
  upstreamTimeoutMs: int('UPSTREAM_TIMEOUT_MS', 3000),
  upstreamRetries: int('UPSTREAM_RETRIES', 3),
  shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 20000),
};

export type Config = typeof config;
