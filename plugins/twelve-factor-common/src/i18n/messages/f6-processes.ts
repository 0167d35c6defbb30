import type { MessageCatalog } from '../engineMessages';

/** VI. Processes. */
export const f6Processes: MessageCatalog = {};
