import type { MessageCatalog } from '../engineMessages';

/** IV. Backing services. */
export const f4BackingServices: MessageCatalog = {};
