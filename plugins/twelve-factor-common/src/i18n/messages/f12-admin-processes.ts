import type { MessageCatalog } from '../engineMessages';

/** XII. Admin processes. */
export const f12AdminProcesses: MessageCatalog = {};
