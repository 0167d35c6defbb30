import { randomUUID } from 'node:crypto';
import express from 'express';
import session from 'express-session';
import { cartApi, checkoutApi } from './clients';
import { config } from './config';

declare module 'express-session' {
  interface SessionData {
    cartId?: string;
  }
}

const app = express();
app.set('trust proxy', 1);
app.use(express.json({ limit: '50kb' }));
// Sessions are kept in this process (the default memory store); the Ingress
// affinity cookie brings each shopper back to the same pod.
app.use(
  session({
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
  }),
);

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/api/cart', async (req, res, next) => {
  try {
    req.session.cartId ??= randomUUID();
    const { data } = await cartApi.get(`/v1/carts/${req.session.cartId}`);
    res.json(data);
  } catch (err) {
    next(err);
  }
});

app.post('/api/cart/lines', async (req, res, next) => {
  try {
    req.session.cartId ??= randomUUID();
    await cartApi.post(`/v1/carts/${req.session.cartId}/lines`, req.body);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

app.post('/api/checkout', async (req, res, next) => {
  try {
    const { data } = await checkoutApi.post('/v1/orders', { cart_id: req.session.cartId });
    req.session.cartId = undefined;
    res.status(201).json(data);
  } catch (err) {
    next(err);
  }
});

const server = app.listen(config.port, () => {
  console.log(`storefront listening on port ${config.port}`);
});

process.on('SIGTERM', () => {
  console.log('SIGTERM received, closing the server');
  server.close(() => process.exit(0));
});
