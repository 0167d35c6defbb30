import { randomUUID } from 'node:crypto';
import express, { NextFunction, Request, Response } from 'express';
import pinoHttp from 'pino-http';
import { catalogApi, paymentsApi } from './clients';
import { config } from './config';
import { logger } from './logger';
import { httpMetrics, metricsHandler, upstreamErrors } from './metrics';
import { redis, sessionMiddleware } from './session';

const app = express();
app.set('trust proxy', 1);
app.disable('x-powered-by');

let shuttingDown = false;

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/readyz', async (_req, res) => {
  if (shuttingDown) {
    res.status(503).json({ status: 'shutting down' });
    return;
  }
  try {
    await redis.ping();
    res.json({ status: 'ready' });
  } catch (err) {
    logger.warn({ err }, 'readiness check failed');
    res.status(503).json({ status: 'redis unavailable' });
  }
});

app.get('/metrics', metricsHandler);

app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' } }));
app.use(httpMetrics);
app.use(express.json({ limit: '100kb' }));
app.use(sessionMiddleware);

app.get('/api/config', (_req, res) => {
  res.json({ cdnOrigin: config.cdnOrigin });
});

app.get('/api/products', async (req, res, next) => {
  try {
    const cached = await redis.get('sf:products:featured');
    if (cached && !req.query.q) {
      res.type('application/json').send(cached);
      return;
    }
    const { data } = await catalogApi.get('/v1/products', { params: { q: req.query.q, limit: 48 } });
    res.json(data);
  } catch (err) {
    upstreamErrors.inc({ upstream: 'catalog-api' });
    next(err);
  }
});

app.get('/api/cart', (req, res) => {
  res.json({ items: req.session.cart ?? [] });
});

app.post('/api/cart/items', (req, res) => {
  const { sku, quantity } = req.body as { sku?: string; quantity?: number };
  if (!sku || !quantity || quantity < 1) {
    res.status(400).json({ error: 'sku and a positive quantity are required' });
    return;
  }
  const cart = req.session.cart ?? [];
  const line = cart.find((item) => item.sku === sku);
  if (line) line.quantity += quantity;
  else cart.push({ sku, quantity });
  req.session.cart = cart;
  res.status(201).json({ items: cart });
});

app.post('/api/checkout', async (req, res, next) => {
  const cart = req.session.cart ?? [];
  if (cart.length === 0) {
    res.status(400).json({ error: 'cart is empty' });
    return;
  }
  try {
    const { data: quote } = await catalogApi.post('/v1/quotes', { items: cart });
    const { data: payment } = await paymentsApi.post(
      '/v1/payments',
      { amountMinor: quote.totalMinor, currency: quote.currency, source: req.body?.paymentSource },
      { headers: { 'Idempotency-Key': randomUUID(), Authorization: req.get('Authorization') ?? '' } },
    );
    req.session.cart = [];
    res.status(201).json({ paymentId: payment.id, status: payment.status });
  } catch (err) {
    upstreamErrors.inc({ upstream: 'payments-api' });
    next(err);
  }
});

// eslint-disable-next-line @typescript-eslint/no-unused-vars
app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  req.log?.error({ err }, 'request failed');
  res.status(502).json({ error: 'upstream unavailable, please retry' });
});

const server = app.listen(config.port, () => {
  logger.info({ port: config.port }, 'storefront-web listening');
});

function shutdown(signal: string): void {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down: draining connections');
  const force = setTimeout(() => {
    logger.error('graceful shutdown timed out, exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  server.close(async (err) => {
    await redis.quit().catch(() => undefined);
    logger.info('shutdown complete');
    process.exit(err ? 1 : 0);
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
