import pino from 'pino';
import { config } from './config';

// JSON lines on stdout; the cluster's Fluent Bit DaemonSet ships them.
// The level comes from LOG_LEVEL and needs a restart to change.
export const logger = pino({
  level: config.logLevel,
  base: { service: 'storefront-web', env: config.nodeEnv },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
});
