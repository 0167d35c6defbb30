import type { MessageCatalog } from '../engineMessages';

/** CI/CD. */
export const cnCicd: MessageCatalog = {};
