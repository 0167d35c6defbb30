/**
 * Backend plugin that scores catalog entities against the Twelve-Factor App
 * and cloud-native principles.
 *
 * @packageDocumentation
 */
export { twelveFactorPlugin as default } from './plugin';
