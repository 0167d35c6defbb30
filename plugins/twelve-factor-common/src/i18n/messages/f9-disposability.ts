import type { MessageCatalog } from '../engineMessages';

/** IX. Disposability. */
export const f9Disposability: MessageCatalog = {};
