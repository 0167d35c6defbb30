import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { ancillaryFolderReason } from './ancillary';
import { requireRepo } from './repo';

/** A CI system whose definitions the engine recognises. @public */
export type CiSystem =
  | 'github-actions'
  | 'gitlab-ci'
  | 'azure-pipelines'
  | 'jenkins'
  | 'circleci'
  | 'bitbucket-pipelines'
  | 'tekton'
  | 'buildkite'
  | 'drone'
  | 'cloud-build'
  | 'codefresh'
  | 'travis';

/** The CI definition files of a repository. @public */
export interface CiFilesFact {
  files: Array<{ path: string; system: CiSystem; text: string }>;
}

/** @public */
export const ciFilesFactRef = createFactRef<CiFilesFact>({
  id: 'repo.ci-files',
});

/** Which CI system a path belongs to, if any. */
export function ciSystemOf(path: string): CiSystem | undefined {
  // Every system but Jenkins names YAML files: other files are settled by one test (this runs for every file, in several facts).
  if (!path.endsWith('.yml') && !path.endsWith('.yaml'))
    return path.includes('Jenkinsfile') &&
      /(^|\/)Jenkinsfile(\.[\w-]+)?$/.test(path)
      ? 'jenkins'
      : undefined;
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-actions';
  // YAML under .gitlab/ is what .gitlab-ci.yml includes (include: local), wherever it sits there.
  if (/^\.gitlab-ci\.ya?ml$/.test(path) || /^\.gitlab\/.+\.ya?ml$/.test(path))
    return 'gitlab-ci';
  if (
    /(^|\/)azure-pipelines[\w.-]*\.ya?ml$/.test(path) ||
    /^\.azure-pipelines\/.+\.ya?ml$/.test(path) ||
    /^\.azuredevops\/.+\.ya?ml$/.test(path)
  )
    return 'azure-pipelines';
  if (/(^|\/)Jenkinsfile(\.[\w-]+)?$/.test(path)) return 'jenkins';
  if (/^\.circleci\/config\.ya?ml$/.test(path)) return 'circleci';
  if (/^bitbucket-pipelines\.ya?ml$/.test(path)) return 'bitbucket-pipelines';
  if (/^\.tekton\/.+\.ya?ml$/.test(path)) return 'tekton';
  if (/^\.buildkite\/.+\.ya?ml$/.test(path)) return 'buildkite';
  if (/^\.drone\.ya?ml$/.test(path)) return 'drone';
  if (path === '.travis.yml' || path === '.travis.yaml') return 'travis';
  if (path.includes('cloudbuild') && isCloudBuildPath(path))
    return 'cloud-build';
  if (path.includes('codefresh') && isCodefreshPath(path)) return 'codefresh';
  return undefined;
}

/**
 * Google Cloud Build: `cloudbuild*.yaml` anywhere (a monorepo keeps one per
 * service folder), or a YAML file in a `cloudbuild` folder
 * (`.github/cloudbuild/ci-pr.yaml`), which must then have `steps:` to count
 * (cloudBuildDefinition). Not in test, docs or example folders: Cloud Build
 * triggers are configured outside the repository, so a sample build file
 * there cannot be told from the service's.
 */
function isCloudBuildPath(path: string): boolean {
  return (
    (/(^|\/)cloudbuild[\w.-]*\.ya?ml$/.test(path) ||
      /(^|\/)cloudbuild\/[^/]+\.ya?ml$/.test(path)) &&
    ancillaryFolderReason(path) === undefined
  );
}

/**
 * Codefresh: `codefresh.yml` at the root, or a YAML file in a `codefresh/`
 * or `.codefresh/` folder (one pipeline per file), which must then have
 * steps to count (codefreshDefinition).
 */
function isCodefreshPath(path: string): boolean {
  return (
    /^codefresh\.ya?ml$/.test(path) ||
    (/(^|\/)\.?codefresh\/(?:[^/]+\/)*[^/]+\.ya?ml$/.test(path) &&
      ancillaryFolderReason(path) === undefined)
  );
}

/** Whether a Codefresh candidate is a pipeline: top-level `steps:`, or a pipeline spec (`kind: pipeline`) with `spec: steps:`. */
export function codefreshDefinition(text: string): boolean {
  return (
    /^steps\s*:/m.test(text) ||
    (/^kind\s*:\s*["']?pipeline\b/m.test(text) && /^\s+steps\s*:/m.test(text))
  );
}

/** Whether a Cloud Build candidate is one: a file named `cloudbuild*`, or any file with top-level `steps:`. */
export function cloudBuildDefinition(path: string, text: string): boolean {
  return (
    /(^|\/)cloudbuild[\w.-]*\.ya?ml$/.test(path) || /^steps\s*:/m.test(text)
  );
}

/** @public */
export const ciFilesExtractor: FactExtractor<CiFilesFact> = {
  ref: ciFilesFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const files: CiFilesFact['files'] = [];
    for (const f of repo.find(p => ciSystemOf(p) !== undefined)) {
      if (f.text === undefined) continue;
      const system = ciSystemOf(f.path)!;
      if (system === 'cloud-build' && !cloudBuildDefinition(f.path, f.text))
        continue;
      if (system === 'codefresh' && !codefreshDefinition(f.text)) continue;
      files.push({ path: f.path, system, text: f.text });
    }
    return { files };
  },
};
