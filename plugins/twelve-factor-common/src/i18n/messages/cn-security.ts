import type { MessageCatalog } from '../engineMessages';

/** Security. */
export const cnSecurity: MessageCatalog = {};
