import type {
  EngineMessage,
  Evidence,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { catalogFactRef } from '../../facts/catalog';
import { ciFilesFactRef, type CiSystem } from '../../facts/ciFiles';
import { advice, finding, paramList, noted } from '../messages';
import { toYaml } from '../snippets';
import { pipelineSnippet } from '../f5-build-release-run/ciSnippets';

const CI_NAMES: Record<CiSystem, string> = {
  'github-actions': 'GitHub Actions',
  'gitlab-ci': 'GitLab CI',
  'azure-pipelines': 'Azure Pipelines',
  jenkins: 'Jenkins',
  circleci: 'CircleCI',
  'bitbucket-pipelines': 'Bitbucket Pipelines',
  tekton: 'Tekton',
  buildkite: 'Buildkite',
  drone: 'Drone',
  'cloud-build': 'Google Cloud Build',
  codefresh: 'Codefresh',
  travis: 'Travis CI',
};

/** The VCS host a location points at, when it is a known one. */
function vcsOf(location: string): string | undefined {
  if (/github/i.test(location)) return 'GitHub';
  if (/gitlab/i.test(location)) return 'GitLab';
  if (/dev\.azure\.com|visualstudio\.com/i.test(location)) return 'Azure Repos';
  if (/bitbucket/i.test(location)) return 'Bitbucket';
  return undefined;
}

/**
 * The CI systems as message parameters, and the suffix of the message that
 * says them: one `system`, or `first` and the `others` (said "A and B").
 */
function ciSystems(names: string[]): {
  suffix: string;
  params: EngineMessage['params'];
} {
  const systems = [...new Set(names)];
  return systems.length === 1
    ? { suffix: '', params: { system: systems[0] } }
    : {
        suffix: '-several',
        params: {
          first: systems[0],
          others: paramList(systems.slice(1), { last: 'and' }),
        },
      };
}

const ciDefinition = (path: string, system: CiSystem) => ({
  type: 'file' as const,
  path,
  ...noted('f1-codebase.version-control.ci-definition-note', {
    system: CI_NAMES[system],
  }),
});

export const versionControl: TwelveFactorCheck = {
  id: 'f1-codebase.version-control',
  evaluate({ facts, entity }) {
    const catalog = facts.get(catalogFactRef);
    const ciFiles = facts.tryGet(ciFilesFactRef);
    if (!catalog.sourceLocation && ciFiles) {
      // The repository was read (a local folder, a configured mirror): it is a codebase in version control; the entity just does not say where.
      const unlocated: Evidence = {
        type: 'catalog',
        field: 'metadata.annotations["backstage.io/source-location"]',
        ...noted('f1-codebase.version-control.unlocated-note'),
      };
      const { files } = ciFiles;
      if (files.length) {
        const ci = ciSystems(files.map(f => CI_NAMES[f.system]));
        return {
          verdict: 'pass',
          ...finding(
            `f1-codebase.version-control.read-ci${ci.suffix}`,
            ci.params,
          ),
          evidence: [
            ...files.map(f => ciDefinition(f.path, f.system)),
            unlocated,
          ],
        };
      }
      return {
        verdict: 'partial',
        ...finding('f1-codebase.version-control.read-no-ci'),
        evidence: [unlocated],
        remediation: {
          ...advice('f1-codebase.version-control.add-ci-advice'),
          snippet: pipelineSnippet(facts, entity),
        },
      };
    }
    if (!catalog.sourceLocation) {
      return {
        verdict: 'fail',
        ...finding('f1-codebase.version-control.no-location'),
        evidence: [
          {
            type: 'catalog',
            field: 'metadata.annotations["backstage.io/source-location"]',
            ...noted('f1-codebase.version-control.no-location-note'),
          },
        ],
        remediation: {
          ...advice('f1-codebase.version-control.no-location-advice'),
          snippet: {
            language: 'yaml',
            path: 'catalog-info.yaml',
            action: 'modify',
            content: toYaml({
              metadata: {
                name: entity.metadata.name,
                annotations: {
                  'backstage.io/source-location': `url:https://github.com/<org>/${entity.metadata.name}/tree/main/`,
                },
              },
            }),
          },
        },
      };
    }
    const host = vcsOf(catalog.sourceLocation);
    // An unknown host is said as "a repository": messages of their own (`-repo`).
    const code = host
      ? 'f1-codebase.version-control.code'
      : 'f1-codebase.version-control.code-repo';
    const where = {
      ...(host ? { host } : {}),
      location: catalog.sourceLocation,
    };
    const located: Evidence = {
      type: 'catalog',
      field: catalog.field ?? 'metadata.annotations',
      value: catalog.sourceLocation,
      ...noted(`${code}-note`, host ? { host } : undefined),
    };
    const { files } = ciFiles ?? facts.get(ciFilesFactRef);
    if (files.length) {
      const ci = ciSystems(files.map(f => CI_NAMES[f.system]));
      return {
        verdict: 'pass',
        ...finding(`${code}-ci${ci.suffix}`, { ...where, ...ci.params }),
        evidence: [located, ...files.map(f => ciDefinition(f.path, f.system))],
      };
    }
    return {
      verdict: 'partial',
      ...finding(`${code}-no-ci`, where),
      evidence: [located],
      remediation: {
        ...advice('f1-codebase.version-control.add-ci-advice'),
        snippet: pipelineSnippet(facts, entity),
      },
    };
  },
};
