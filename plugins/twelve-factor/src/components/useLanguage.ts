import { useApiHolder } from '@backstage/core-plugin-api';
import { appLanguageApiRef } from '@backstage/core-plugin-api/alpha';
import {
  CHECK_TITLES_KO,
  type AreaDefinition,
  type CheckDefinition,
} from '@internal/plugin-twelve-factor-common';

/** The app's current language ('en' when the app has no language API). */
export function useLanguage(): string {
  const api = useApiHolder().get(appLanguageApiRef);
  return api?.getLanguage().language ?? 'en';
}

/** An area's title in the current language. */
export function useAreaTitle(): (
  area: AreaDefinition | undefined,
  fallback: string,
) => string {
  const lang = useLanguage();
  return (area, fallback) => {
    if (!area) return fallback;
    return lang === 'ko' ? area.titleKo : area.title;
  };
}

/** A check's title in the current language (custom checks have English only). */
export function useCheckTitle(): (
  id: string,
  definition?: CheckDefinition,
) => string {
  const lang = useLanguage();
  return (id, definition) =>
    (lang === 'ko' ? CHECK_TITLES_KO[id] : undefined) ??
    definition?.title ??
    id;
}
