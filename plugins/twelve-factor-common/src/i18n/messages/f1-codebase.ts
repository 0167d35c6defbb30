import type { MessageCatalog } from '../engineMessages';

/** I. Codebase. */
export const f1Codebase: MessageCatalog = {};
