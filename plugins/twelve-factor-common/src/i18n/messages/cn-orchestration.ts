import type { MessageCatalog } from '../engineMessages';

/** Orchestration. */
export const cnOrchestration: MessageCatalog = {};
