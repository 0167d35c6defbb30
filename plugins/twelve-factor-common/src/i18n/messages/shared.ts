import type { MessageCatalog } from '../engineMessages';

/** Texts shared by several checks (checks/*.ts outside the area folders). */
export const shared: MessageCatalog = {
  // An object's note in a file (setMessages.ts); `note` is that note already in Korean.
  'shared.object-note': {
    en: '{{object}}: {{note}}',
    ko: '리소스 {{object}}: {{note}}',
  },
};
