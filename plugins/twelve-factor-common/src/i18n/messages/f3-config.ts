import type { MessageCatalog } from '../engineMessages';

/** III. Config. */
export const f3Config: MessageCatalog = {};
