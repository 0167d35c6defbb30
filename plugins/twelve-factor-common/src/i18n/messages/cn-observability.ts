import type { MessageCatalog } from '../engineMessages';

/** Observability. */
export const cnObservability: MessageCatalog = {};
