import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { ancillaryFolderReason } from '../ancillary';
import { scopeOf } from '../../sources/scope';
import { requireCodeRepo } from '../repo';
import { parseDockerfile } from './parseDockerfile';
import type { ContainerBuildFact } from './types';
import { said } from '../../engine/diagnostic';

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

/** Spring Boot's Maven or Gradle plugin, which builds an OCI image with buildpacks. */
const SPRING_BOOT_PLUGIN =
  /<artifactId>spring-boot-maven-plugin<\/artifactId>|id\s*\(?\s*["']org\.springframework\.boot["']|apply\s+plugin\s*:\s*["']org\.springframework\.boot["']/;

/** Jib's base image and user, from its Maven `<configuration>` or Gradle `jib { }` block. */
function jibSettings(text: string): { baseImage?: string; user?: string } {
  const at = text.search(/jib-maven-plugin|com\.google\.cloud\.tools\.jib/);
  const rest = text.slice(at);
  const block = rest.slice(0, Math.max(rest.search(/<\/plugin>/), 0) || 4000);
  const gradle = /\bjib\s*\{/.exec(text);
  const g = gradle ? text.slice(gradle.index, gradle.index + 4000) : '';
  const base =
    /<from>\s*<image>\s*([^<\s]+)\s*<\/image>/.exec(block)?.[1] ??
    /\bfrom\s*\{[^}]*?\bimage\s*=\s*["']([^"']+)["']/.exec(g)?.[1];
  const user =
    /<container>[\s\S]*?<user>\s*([^<\s]+)\s*<\/user>[\s\S]*?<\/container>/.exec(
      block,
    )?.[1] ??
    /\bcontainer\s*\{[^}]*?\buser\s*=\s*["']([^"']+)["']/.exec(g)?.[1];
  return {
    ...(base ? { baseImage: base } : {}),
    ...(user ? { user } : {}),
  };
}

/** @public */
export const containerBuildExtractor: FactExtractor<ContainerBuildFact> = {
  ref: containerBuildFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx);
    const fact: ContainerBuildFact = { dockerfiles: [], otherBuilds: [] };
    // Folders are judged inside the code root: a member kept in `examples/x` is still a service.
    const root = scopeOf(ctx.input)?.codeRoot;
    const ancillaryReason = (path: string) =>
      ancillaryFolderReason(
        root && path.startsWith(`${root}/`)
          ? path.slice(root.length + 1)
          : path,
      );
    for (const file of repo.find((_p, name) => isDockerfileName(name))) {
      // A dev container, a test image or an example builds no image of the service.
      const ancillary = ancillaryReason(file.path);
      if (ancillary) {
        (fact.leftOut ??= []).push({ path: file.path, reason: ancillary });
        continue;
      }
      if (file.text === undefined) {
        ctx.report({
          level: 'warning',
          source: 'dockerfile',
          path: file.path,
          ...said('diagnostic.dockerfile.not-read', {
            reason: String(file.skipped),
          }),
        });
        continue;
      }
      fact.dockerfiles.push(parseDockerfile(file.path, file.text));
    }
    const springBoot: string[] = [];
    for (const file of repo.find((_p, name) => OTHER_BUILD_FILES.has(name))) {
      if (ancillaryReason(file.path)) continue;
      const name = basename(file.path);
      const text = file.text ?? '';
      if (name === 'project.toml' && /\[(_|io\.buildpacks)/.test(text)) {
        fact.otherBuilds.push({ kind: 'buildpacks', path: file.path });
      } else if (name === '.ko.yaml') {
        const base = /^\s*defaultBaseImage\s*:\s*["']?([^"'\s#]+)/m.exec(text);
        fact.otherBuilds.push({
          kind: 'ko',
          path: file.path,
          ...(base ? { baseImage: base[1] } : {}),
        });
      } else if (/jib-maven-plugin|com\.google\.cloud\.tools\.jib/.test(text)) {
        fact.otherBuilds.push({
          kind: 'jib',
          path: file.path,
          ...jibSettings(text),
        });
      } else if (SPRING_BOOT_PLUGIN.test(text)) {
        springBoot.push(file.path);
      }
    }
    // Spring Boot's build plugin builds the image with buildpacks (spring-boot:build-image, bootBuildImage) when nothing else does.
    if (fact.dockerfiles.length === 0 && fact.otherBuilds.length === 0)
      for (const path of springBoot)
        fact.otherBuilds.push({
          kind: 'buildpacks',
          path,
          how: 'Spring Boot build-image',
        });
    return fact;
  },
};
