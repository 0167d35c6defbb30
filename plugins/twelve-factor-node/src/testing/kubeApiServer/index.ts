/**
 * A test Kubernetes API server: HTTPS, bearer-token auth, discovery, read-only
 * list/get over cluster dumps, with fault injection and a request log. See
 * README.md beside this file.
 */
export { startKubeApiServer } from './server';
export type { KubeApiServer, KubeApiServerOptions } from './server';
export type { DumpSource } from './dump';
export { loadDumps, parseDumpText } from './dump';
export type { ForbidRule } from './auth';
export type { FaultRule, FaultHandle, DownMode } from './faults';
export type { RecordedRequest } from './requestLog';
export type { KubeconfigOptions } from './kubeconfig';
export type { KubeObject, ResourceType } from './types';
export { ObjectStore, objectKey } from './store';
