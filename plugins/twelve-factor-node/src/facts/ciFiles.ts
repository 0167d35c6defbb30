import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
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
  | 'drone';

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
  if (
    /^\.gitlab-ci\.ya?ml$/.test(path) ||
    /^\.gitlab\/ci\/.+\.ya?ml$/.test(path)
  )
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
  return undefined;
}

/** @public */
export const ciFilesExtractor: FactExtractor<CiFilesFact> = {
  ref: ciFilesFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const files: CiFilesFact['files'] = [];
    for (const f of repo.find(p => ciSystemOf(p) !== undefined)) {
      if (f.text !== undefined)
        files.push({ path: f.path, system: ciSystemOf(f.path)!, text: f.text });
    }
    return { files };
  },
};
