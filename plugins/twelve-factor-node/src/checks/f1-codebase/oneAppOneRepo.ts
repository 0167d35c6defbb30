import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { localDevFactRef } from '../../facts/localDev';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { isVariantDockerfile } from '../cn-containerization/dockerfiles';
import { fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';

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

const label = (dir: string) => `${dir}/`;

/**
 * Folders as message parameters: `{name}` lists them, or, when the
 * repository root is among them (the message then says it, a `-root` one),
 * `{before}` and `{after}` list the folders either side of it.
 */
function folders(
  dirs: string[],
  [name, before, after]: readonly [string, string, string],
): { root: boolean; params: Record<string, string> } {
  const i = dirs.indexOf('');
  if (i < 0)
    return { root: false, params: { [name]: dirs.map(label).join(', ') } };
  const head = dirs.slice(0, i).map(label);
  const tail = dirs.slice(i + 1).map(label);
  return {
    root: true,
    params: {
      [before]: head.length ? `${head.join(', ')}, ` : '',
      [after]: tail.length ? `, ${tail.join(', ')}` : '',
    },
  };
}

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
        add(
          dirname(df.path),
          fileEvidence(
            df.path,
            noted('f1-codebase.one-app-one-repo.dockerfile-note'),
          ),
        );
    }
    for (const b of build.otherBuilds)
      add(
        dirname(b.path),
        fileEvidence(
          b.path,
          noted('f1-codebase.one-app-one-repo.image-build-note', {
            kind: b.kind,
          }),
        ),
      );
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
              noted('f1-codebase.one-app-one-repo.compose-build-note', {
                service: s.name,
                context: s.build,
              }),
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
        let one = finding('f1-codebase.one-app-one-repo.one-codebase');
        if (dirs.length)
          one =
            dirs[0] === ''
              ? finding('f1-codebase.one-app-one-repo.one-codebase-root')
              : finding('f1-codebase.one-app-one-repo.one-codebase-in', {
                  dir: label(dirs[0]),
                });
        return { verdict: 'pass', ...one, evidence: [] };
      }
      const listed = folders(dirs, ['dirs', 'before', 'after']);
      return {
        verdict: 'unknown',
        ...finding('f1-codebase.one-app-one-repo.manifests-no-build'),
        ...because(
          listed.root
            ? 'f1-codebase.one-app-one-repo.manifests-no-build-root-reason'
            : 'f1-codebase.one-app-one-repo.manifests-no-build-reason',
          listed.params,
        ),
      };
    }
    const ev = [...units.values()].flat();
    if (units.size === 1) {
      const [dir] = units.keys();
      const id = `f1-codebase.one-app-one-repo.one-deployable${
        dir === '' ? '-root' : ''
      }${processTypes.length ? '-services' : ''}`;
      const params: Record<string, string> = {};
      if (dir !== '') params.dir = label(dir);
      if (processTypes.length) params.services = processTypes.join(', ');
      return {
        verdict: 'pass',
        ...finding(id, Object.keys(params).length ? params : undefined),
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
      // The root is never built by CI (builtByCi), so it is never listed here.
      return {
        verdict: 'pass',
        ...finding('f1-codebase.one-app-one-repo.each-built', {
          n: units.size,
          dirs: [...units.keys()].map(label).join(', '),
        }),
        evidence: ev,
      };
    }
    // The root, when it is a deployable, is one of those without a build.
    const all = folders([...units.keys()], ['dirs', 'before', 'after']);
    const unbuilt = folders(without, [
      'without',
      'withoutBefore',
      'withoutAfter',
    ]);
    return {
      verdict: 'partial',
      ...finding(
        `f1-codebase.one-app-one-repo.shared${all.root ? '-root' : ''}${
          without.length === 1 ? '' : '-many'
        }`,
        { n: units.size, ...all.params, ...unbuilt.params },
      ),
      evidence: ev,
      remediation: {
        ...advice('f1-codebase.one-app-one-repo.own-build-advice', {
          name: entity.metadata.name,
        }),
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
