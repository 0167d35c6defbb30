import type { MessageCatalog } from '../engineMessages';

/** XI. Logs. */
export const f11Logs: MessageCatalog = {};
