import type { MessageCatalog } from '../engineMessages';

/** Texts shared by several checks (checks/*.ts outside the area folders). */
export const shared: MessageCatalog = {};
