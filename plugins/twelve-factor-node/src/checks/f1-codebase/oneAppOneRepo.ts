import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { localDevFactRef } from '../../facts/localDev';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { isVariantDockerfile } from '../cn-containerization/dockerfiles';
import { fileEvidence } from '../evidence';

/** `a/b/../c` → `a/c`; '' for the root. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const label = (dir: string) => (dir === '' ? 'the repository root' : `${dir}/`);

export const oneAppOneRepo: TwelveFactorCheck = {
  id: 'f1-codebase.one-app-one-repo',
  evaluate({ facts, entity }) {
    const build = facts.get(containerBuildFactRef);
    // Every directory the repository builds an image from is one deployable.
    const units = new Map<string, Evidence[]>();
    const add = (dir: string, ev: Evidence) =>
      units.set(dir, [...(units.get(dir) ?? []), ev]);
    // Dockerfiles for local development, tests or build tooling (a code generator, a CI runner) are no deployable of their own.
    for (const df of build.dockerfiles) {
      if (!isVariantDockerfile(df.path))
        add(dirname(df.path), fileEvidence(df.path, 'Dockerfile'));
    }
    for (const b of build.otherBuilds)
      add(dirname(b.path), fileEvidence(b.path, `${b.kind} image build`));
    const processTypes: string[] = [];
    for (const cf of facts.tryGet(localDevFactRef)?.composeFiles ?? []) {
      for (const s of cf.services) {
        if (s.build === undefined) continue;
        const dir = normalize(`${dirname(cf.path)}/${s.build}`);
        if (units.has(dir)) processTypes.push(s.name);
        else
          add(
            dir,
            fileEvidence(
              cf.path,
              `compose service ${s.name} builds ${s.build}`,
              s.line,
              s.line,
            ),
          );
      }
    }
    if (units.size === 0) {
      const dirs = [
        ...new Set(
          (facts.tryGet(dependenciesFactRef)?.manifests ?? []).map(m =>
            dirname(m.path),
          ),
        ),
      ];
      if (dirs.length <= 1) {
        return {
          verdict: 'pass',
          summary: `One codebase${
            dirs.length ? ` (dependencies declared in ${label(dirs[0])})` : ''
          }; the repository builds no container image of another app`,
          evidence: [],
        };
      }
      return {
        verdict: 'unknown',
        summary: 'Several dependency manifests and no container build',
        reason: `Dependency manifests in ${dirs
          .map(label)
          .join(
            ', ',
          )} but no Dockerfile or compose build tells whether they are one deployable or several.`,
      };
    }
    const ev = [...units.values()].flat();
    if (units.size === 1) {
      const [dir] = units.keys();
      return {
        verdict: 'pass',
        summary: `The repository builds one deployable, from ${label(dir)}${
          processTypes.length
            ? ` (compose services ${processTypes.join(
                ', ',
              )} run the same image)`
            : ''
        }`,
        evidence: ev,
      };
    }
    // Several deployables: each needs its own build in CI (a monorepo with per-app pipelines is fine).
    const steps = facts.tryGet(ciFactRef)?.steps ?? [];
    const builtByCi = (dir: string) =>
      dir !== '' &&
      steps.some(s =>
        [
          s.run ?? '',
          s.with?.context ?? '',
          s.with?.file ?? '',
          s.with?.dockerfile ?? '',
          s.with?.Dockerfile ?? '',
        ].some(t =>
          new RegExp(
            `(^|[\\s=./"'])${dir.replace(
              /[.*+?^${}()|[\]\\]/g,
              '\\$&',
            )}(/|\\b)`,
          ).test(t),
        ),
      );
    const without = [...units.keys()].filter(d => !builtByCi(d));
    if (without.length === 0) {
      return {
        verdict: 'pass',
        summary: `${units.size} deployables (${[...units.keys()]
          .map(label)
          .join(', ')}), each with its own CI build`,
        evidence: ev,
      };
    }
    return {
      verdict: 'partial',
      summary: `${units.size} deployables share the repository (${[
        ...units.keys(),
      ]
        .map(label)
        .join(', ')}); ${without.map(label).join(', ')} ${
        without.length === 1 ? 'has' : 'have'
      } no build definition of its own`,
      evidence: ev,
      remediation: {
        text: `Give each app its own repository and catalog component, or at least its own CI build (path filter, own image tag) so that ${entity.metadata.name} releases only its own artifact.`,
        snippet: {
          language: 'yaml',
          path: `.github/workflows/${basename(without[0] || 'root')}.yml`,
          action: 'create',
          content: `on:\n  push:\n    paths: ['${
            without[0] ? `${without[0]}/` : ''
          }**']\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          context: ${
            without[0] || '.'
          }\n          push: true\n          tags: <registry>/${basename(
            without[0] || entity.metadata.name,
          )}:\${{ github.sha }}\n`,
        },
      },
    };
  },
};
