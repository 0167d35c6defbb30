import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { capEvidence, fileEvidence } from '../evidence';
import { ownImageName, pipelineSnippet } from './ciSnippets';
import { ciTags, commandLine } from './images';
import { ciFilesFactRef } from '../../facts/ciFiles';

/** Cloud Build steps that build the image and push it (`images:`), tagged with the commit SHA. */
function cloudBuildSnippet(path: string, image: string): RemediationSnippet {
  const tagged = image.includes('/')
    ? `${image}:$COMMIT_SHA`
    : `$_REGISTRY/${image}:$COMMIT_SHA`;
  return {
    language: 'yaml',
    path,
    action: 'modify',
    content: `steps:\n  - id: build-image\n    name: gcr.io/cloud-builders/docker\n    args: ['build', '-t', '${tagged}', '.']\nimages:\n  - '${tagged}'\n`,
  };
}

export const ciPipeline: TwelveFactorCheck = {
  id: 'f5-build-release-run.ci-pipeline',
  evaluate({ facts, entity }) {
    const ci = facts.get(ciFactRef);
    const ciFiles = facts.tryGet(ciFilesFactRef);
    // Evidence at the line that holds a CI command.
    const at = (
      sig: { path: string; line: number; text: string },
      note: string,
    ) => {
      const line = commandLine(ciFiles, sig);
      return fileEvidence(sig.path, note, line, line);
    };
    if (ci.files.length === 0) {
      return {
        verdict: 'fail',
        summary: 'No CI definition: releases are built by hand',
        remediation: {
          text: 'Let CI build, test and push every release image, tagged with the commit SHA.',
          snippet: pipelineSnippet(facts, entity),
        },
      };
    }
    const system = ci.files[0].system;
    const pushed = ci.builds.filter(b => b.pushes);
    if (pushed.length) {
      const tags = ciTags(ci);
      // A push on release tags only (or on main only) still publishes every release: it counts, and the evidence says when.
      const always = pushed.some(b => !b.pushCondition);
      return {
        verdict: 'pass',
        summary: `CI builds and pushes the image (${[
          ...new Set(pushed.map(b => b.path)),
        ].join(', ')}${
          always
            ? ''
            : `; only when ${[
                ...new Set(pushed.map(b => b.pushCondition)),
              ].join(' or ')}`
        })`,
        evidence: pushed.map(b => {
          const pushedTags = tags
            .filter(t => t.path === b.path && t.line === b.line)
            .map(t => t.tag);
          return at(
            b,
            `${b.text}${
              pushedTags.length ? ` → pushes ${pushedTags.join(', ')}` : ''
            }${
              b.pushCondition ? ` (pushes only when ${b.pushCondition})` : ''
            }`,
          );
        }),
      };
    }
    const evidence = capEvidence([
      ...ci.builds.map(b => at(b, `builds, does not push: ${b.text}`)),
      ...ci.tests.map(t => at(t, `tests: ${t.text}`)),
      ...(ci.builds.length + ci.tests.length === 0
        ? ci.files.map(f =>
            fileEvidence(f.path, `${f.system} pipeline without an image build`),
          )
        : []),
    ]);
    const cloudBuild = ci.files.find(f => f.system === 'cloud-build');
    const remediation = {
      text: 'Add a step that builds the image and pushes it to the registry, tagged with the commit SHA (and the version for release tags), so that what is deployed is what CI built.',
      snippet:
        system === 'cloud-build' && cloudBuild
          ? cloudBuildSnippet(cloudBuild.path, ownImageName(facts, entity))
          : pipelineSnippet(facts, entity, system),
    };
    if (ci.builds.length) {
      return {
        verdict: 'partial',
        summary: `CI builds the image but does not push it (${ci.builds
          .map(b => b.path)
          .join(', ')})`,
        evidence,
        remediation,
      };
    }
    return {
      verdict: 'partial',
      summary: ci.tests.length
        ? `CI runs tests only (${[...new Set(ci.tests.map(t => t.path))].join(
            ', ',
          )}); no image is built`
        : `CI (${ci.files.map(f => f.path).join(', ')}) builds no image`,
      evidence,
      remediation,
    };
  },
};
