/**
 * Isomorphic types, the check catalog, the score math and the permissions of
 * the twelve-factor plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './waivers';
export * from './catalog';
export * from './scoring/score';
export * from './permissions';
export * from './entity';
export * from './fleet';
/**
 * The HTTP API's types, generated from the backend's OpenAPI schema: the
 * models under the schema's names, and per operation its path, query, body
 * and response types (`TwelveFactorOpenApi.GetFleet['query']`).
 * @public
 */
export * as TwelveFactorOpenApi from './schema/openapi/generated';
export { CHECK_TITLES_KO } from './i18n/checkTitlesKo';
export * from './i18n/engineMessages';
export * from './i18n/renderMessages';
export * from './i18n/leadSentence';
export { ENGINE_MESSAGES } from './i18n/messages';
export * from './i18n/renderDiagnostics';
export * from './i18n/renderSnippets';
export type { DiagnosticMessageId } from './i18n/messages/diagnostics';
export type { SnippetCommentId } from './i18n/messages/snippetComments';
export type { UnknownMessageId } from './i18n/messages/unknowns';
export { priorityOf } from './i18n/priority';
export type { Priority } from './i18n/priority';
