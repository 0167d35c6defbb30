import RedisStore from 'connect-redis';
import session from 'express-session';
import Redis from 'ioredis';
import { config } from './config';
import { logger } from './logger';

// Sessions and carts live in Redis, so any replica can serve any request
// (no sticky sessions needed).
export const redis = new Redis(config.redisUrl, {
  password: config.redisPassword,
  connectTimeout: 2000,
  commandTimeout: 1000,
  maxRetriesPerRequest: 2,
});

redis.on('error', (err) => logger.error({ err }, 'redis error'));

export const sessionMiddleware = session({
  store: new RedisStore({ client: redis, prefix: 'sf:sess:' }),
  name: 'sf.sid',
  secret: config.sessionSecret,
  resave: false,
  saveUninitialized: false,
  cookie: {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.nodeEnv === 'production',
    maxAge: 7 * 24 * 60 * 60 * 1000,
  },
});

declare module 'express-session' {
  interface SessionData {
    cart: Array<{ sku: string; quantity: number }>;
  }
}
