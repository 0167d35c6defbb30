/**
 * Test utilities for adopters and for this plugin family's own tests: a
 * Kubernetes API server over HTTPS that serves cluster dumps, and a planter
 * of credentials for tests that assert no output repeats one.
 *
 * @packageDocumentation
 */
export * from './kubeApiServer';
export {
  credentialValues,
  plantCredentials,
  plantedLeaks,
} from './plantCredentials';
export type { PlantedCredential, PlantedRepo } from './plantCredentials';
