import type { MessageCatalog } from '../engineMessages';

/** VII. Port binding. */
export const f7PortBinding: MessageCatalog = {};
