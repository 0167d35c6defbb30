import type { MessageCatalog } from '../engineMessages';

/** Containerization. */
export const cnContainerization: MessageCatalog = {};
