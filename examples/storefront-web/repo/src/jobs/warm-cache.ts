// One-off seed job: loads the featured products from catalog-api into Redis
// so the first visitors after a deploy do not all hit the catalog.
import { catalogApi } from '../clients';
import { logger } from '../logger';
import { redis } from '../session';

const TTL_SECONDS = 15 * 60;

async function main(): Promise<void> {
  const { data } = await catalogApi.get('/v1/products', { params: { featured: true, limit: 48 } });
  await redis.set('sf:products:featured', JSON.stringify(data), 'EX', TTL_SECONDS);
  const count = Array.isArray(data?.items) ? data.items.length : 0;
  logger.info({ count, ttlSeconds: TTL_SECONDS }, 'featured products cached');
}

main()
  .then(() => redis.quit())
  .then(() => process.exit(0))
  .catch((err) => {
    logger.error({ err }, 'cache warm-up failed');
    process.exit(1);
  });
