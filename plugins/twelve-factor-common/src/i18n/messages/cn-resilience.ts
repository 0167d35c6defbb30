import type { MessageCatalog } from '../engineMessages';

/** Resilience. */
export const cnResilience: MessageCatalog = {};
