/*
 * Test helper: the app's language and translation APIs for a reader who
 * picked Korean. The Korean comes from the plugin's own translation
 * resources, loaded as the app loads them (their loaders); lookups work as
 * Backstage's i18next-based API does for the plugin's keys: nested keys by
 * dots, `_one`/`_other` by `count` with Korean plural rules, `{{name}}`
 * filled in unescaped, and the English defaults for a key Korean lacks.
 */
import {
  appLanguageApiRef,
  translationApiRef,
  type AppLanguageApi,
  type TranslationApi,
  type TranslationRef,
  type TranslationResource,
} from '@backstage/core-plugin-api/alpha';

type Messages = Record<string, string>;

interface LoadedResource {
  id: string;
  resources: Array<{
    language: string;
    loader(): Promise<{ messages: Record<string, string | null> }>;
  }>;
}

const PLURAL = new Intl.PluralRules('ko');

/** An observable that never says anything: the language and the messages do not change. */
const silent: any = {
  subscribe: () => ({ unsubscribe() {}, closed: false }),
  [(Symbol as any).observable ?? '@@observable']() {
    return silent;
  },
};

function say(
  messages: Messages,
  key: string,
  options: Record<string, unknown> = {},
): string {
  let template: string | undefined;
  if (typeof options.count === 'number')
    template = messages[`${key}_${PLURAL.select(options.count)}`];
  template ??= messages[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    options[name] === undefined ? whole : String(options[name]),
  );
}

/** The [api, implementation] pairs for TestApiProvider, Korean loaded from these resources. */
export async function koreanApis(
  resources: ReadonlyArray<TranslationResource | undefined>,
): Promise<
  [
    [typeof appLanguageApiRef, AppLanguageApi],
    [typeof translationApiRef, TranslationApi],
  ]
> {
  const korean = new Map<string, Messages>();
  for (const resource of resources as unknown as ReadonlyArray<
    LoadedResource | undefined
  >) {
    const ko = resource?.resources.find(r => r.language === 'ko');
    if (!resource || !ko) continue;
    const { messages } = await ko.loader();
    korean.set(
      resource.id,
      Object.fromEntries(
        Object.entries(messages).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      ),
    );
  }
  const language: AppLanguageApi = {
    getAvailableLanguages: () => ({ languages: ['en', 'ko'] }),
    setLanguage: () => {},
    getLanguage: () => ({ language: 'ko' }),
    language$: () => silent,
  };
  const translation: TranslationApi = {
    getTranslation(ref: TranslationRef) {
      const defaults: Messages = (ref as any).getDefaultMessages();
      const messages = { ...defaults, ...korean.get(ref.id) };
      return {
        ready: true,
        t: ((key: string, options?: Record<string, unknown>) =>
          say(messages, key, options)) as any,
      };
    },
    translation$: () => silent,
  };
  return [
    [appLanguageApiRef, language],
    [translationApiRef, translation],
  ];
}
