// Settings from the environment; the ConfigMap of each overlay sets them.
export const config = {
  port: Number(process.env.PORT ?? 3000),
  cartUrl: process.env.CART_URL ?? 'http://cart:8080',
  checkoutUrl: process.env.CHECKOUT_URL ?? 'http://checkout:8000',
  upstreamTimeoutMs: Number(process.env.UPSTREAM_TIMEOUT_MS ?? 2500),
  sessionSecret: process.env.SESSION_SECRET ?? '',
};
