import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { requireCodeRepo } from '../repo';
import { parseDockerfile } from './parseDockerfile';
import type { ContainerBuildFact } from './types';

/** The repository's container build definitions. @public */
export const containerBuildFactRef = createFactRef<ContainerBuildFact>({
  id: 'repo.container-build',
});

/** Dockerfile, Containerfile, Dockerfile.<x>, <x>.Dockerfile, <x>.dockerfile. */
export function isDockerfileName(name: string): boolean {
  // Every such name contains one of these words; checking them first spares most files both patterns.
  if (!name.includes('ockerfile') && !name.includes('ontainerfile'))
    return false;
  return (
    /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(name) ||
    /\.(Dockerfile|dockerfile|Containerfile)$/.test(name)
  );
}

/** Build definitions of the other container builders (buildpacks, ko, Jib). */
const OTHER_BUILD_FILES = new Set([
  'project.toml',
  '.ko.yaml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
]);

/** @public */
export const containerBuildExtractor: FactExtractor<ContainerBuildFact> = {
  ref: containerBuildFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx);
    const fact: ContainerBuildFact = { dockerfiles: [], otherBuilds: [] };
    for (const file of repo.find((_p, name) => isDockerfileName(name))) {
      if (file.text === undefined) {
        ctx.report({
          level: 'warning',
          source: 'dockerfile',
          path: file.path,
          message: `Dockerfile not read (${file.skipped})`,
        });
        continue;
      }
      fact.dockerfiles.push(parseDockerfile(file.path, file.text));
    }
    for (const file of repo.find((_p, name) => OTHER_BUILD_FILES.has(name))) {
      const name = basename(file.path);
      if (
        name === 'project.toml' &&
        /\[(_|io\.buildpacks)/.test(file.text ?? '')
      ) {
        fact.otherBuilds.push({ kind: 'buildpacks', path: file.path });
      } else if (name === '.ko.yaml') {
        fact.otherBuilds.push({ kind: 'ko', path: file.path });
      } else if (
        /jib-maven-plugin|com\.google\.cloud\.tools\.jib/.test(file.text ?? '')
      ) {
        fact.otherBuilds.push({ kind: 'jib', path: file.path });
      }
    }
    return fact;
  },
};
