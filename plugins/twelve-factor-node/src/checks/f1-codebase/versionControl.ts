import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { catalogFactRef } from '../../facts/catalog';
import { ciFilesFactRef, type CiSystem } from '../../facts/ciFiles';
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

/** The VCS host a location points at. */
function vcsOf(location: string): string {
  if (/github/i.test(location)) return 'GitHub';
  if (/gitlab/i.test(location)) return 'GitLab';
  if (/dev\.azure\.com|visualstudio\.com/i.test(location)) return 'Azure Repos';
  if (/bitbucket/i.test(location)) return 'Bitbucket';
  return 'a repository';
}

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
        note: 'not set; judged from the repository that was read',
      };
      const { files } = ciFiles;
      if (files.length) {
        const systems = [...new Set(files.map(f => CI_NAMES[f.system]))];
        return {
          verdict: 'pass',
          summary: `The repository read for this scan has ${systems.join(
            ' and ',
          )} CI (the entity names no source location)`,
          evidence: [
            ...files.map(f => ({
              type: 'file' as const,
              path: f.path,
              note: `${CI_NAMES[f.system]} definition`,
            })),
            unlocated,
          ],
        };
      }
      return {
        verdict: 'partial',
        summary:
          'The repository read for this scan has no CI definition (the entity names no source location)',
        evidence: [unlocated],
        remediation: {
          text: 'Add a CI pipeline that tests and builds every change.',
          snippet: pipelineSnippet(facts, entity),
        },
      };
    }
    if (!catalog.sourceLocation) {
      return {
        verdict: 'fail',
        summary:
          'The catalog entity has no source location, and no repository was read',
        evidence: [
          {
            type: 'catalog',
            field: 'metadata.annotations["backstage.io/source-location"]',
            note: 'not set (nor a GitHub/GitLab/Azure DevOps/Bitbucket project annotation)',
          },
        ],
        remediation: {
          text: 'Record where the code lives on the catalog entity, so that the codebase (and its CI) can be found from the service.',
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
    const vcs = vcsOf(catalog.sourceLocation);
    const located: Evidence = {
      type: 'catalog',
      field: catalog.field ?? 'metadata.annotations',
      value: catalog.sourceLocation,
      note: `code in ${vcs}`,
    };
    const { files } = ciFiles ?? facts.get(ciFilesFactRef);
    if (files.length) {
      const systems = [...new Set(files.map(f => CI_NAMES[f.system]))];
      return {
        verdict: 'pass',
        summary: `Code in ${vcs} (${
          catalog.sourceLocation
        }) with ${systems.join(' and ')} CI`,
        evidence: [
          located,
          ...files.map(f => ({
            type: 'file' as const,
            path: f.path,
            note: `${CI_NAMES[f.system]} definition`,
          })),
        ],
      };
    }
    return {
      verdict: 'partial',
      summary: `Code in ${vcs} (${catalog.sourceLocation}), but no CI definition in the repository`,
      evidence: [located],
      remediation: {
        text: 'Add a CI pipeline that tests and builds every change.',
        snippet: pipelineSnippet(facts, entity),
      },
    };
  },
};
