import type { MessageCatalog } from '../engineMessages';

/** Scalability. */
export const cnScalability: MessageCatalog = {};
