import type { MessageCatalog } from '../engineMessages';

/** Messages the engine itself writes, whatever the check. */
export const common: MessageCatalog = {
  'engine.not-analysed': {
    en: 'Not yet analysed',
    ko: '아직 분석하지 않음',
  },
  'engine.not-analysed-reason': {
    en: 'Not yet analysed: this version of the engine has no implementation for this check.',
    ko: '아직 분석하지 않음: 이 버전의 엔진에는 이 점검 항목의 구현이 없습니다.',
  },
  'engine.check-failed': {
    en: 'Check failed',
    ko: '점검 실패',
  },
  // A capped evidence list's last note; `note` is that note's message.
  'engine.note-and-more': {
    en: '{{note}} (and {{rest}} more)',
    ko: '{{note}} (외 {{rest}}개)',
  },
  // A list's last two items (ParamList `last`); `items` are the others, joined.
  'engine.list-and': {
    en: '{{items}} and {{last}}',
    ko: '{{items}} 및 {{last}}',
  },
  'engine.list-or': {
    en: '{{items}} or {{last}}',
    ko: '{{items}} 또는 {{last}}',
  },
  'engine.cannot-decide': {
    en: 'Cannot be decided',
    ko: '판단할 수 없음',
  },
};
