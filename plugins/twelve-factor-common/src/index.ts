/**
 * Isomorphic types, the check catalog, the score math and the permissions of
 * the twelve-factor plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './catalog';
export * from './scoring/score';
export * from './permissions';
export * from './entity';
export * from './fleet';
export { CHECK_TITLES_KO } from './i18n/checkTitlesKo';
export { priorityOf } from './i18n/priority';
export type { Priority } from './i18n/priority';
