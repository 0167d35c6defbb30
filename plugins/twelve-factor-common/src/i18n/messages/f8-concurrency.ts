import type { MessageCatalog } from '../engineMessages';

/** VIII. Concurrency. */
export const f8Concurrency: MessageCatalog = {};
