import type { MessageCatalog } from '../engineMessages';

/** V. Build, release, run. */
export const f5BuildReleaseRun: MessageCatalog = {};
