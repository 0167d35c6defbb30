import type { MessageCatalog } from '../engineMessages';

/** X. Dev/prod parity. */
export const f10DevProdParity: MessageCatalog = {};
