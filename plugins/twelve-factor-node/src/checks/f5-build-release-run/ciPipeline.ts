import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { capEvidence, fileEvidence, type Note } from '../evidence';
import { advice, finding, paramList, noted } from '../messages';
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

/** A pushing build's command, with the tags it pushes and when. */
function pushNote(
  command: string,
  tags: string[],
  condition: string | undefined,
): Note {
  if (!tags.length && !condition) return command;
  if (!condition)
    return noted('f5-build-release-run.ci-pipeline.push-tags-note', {
      command,
      tags: tags.join(', '),
    });
  if (!tags.length)
    return noted('f5-build-release-run.ci-pipeline.push-when-note', {
      command,
      condition,
    });
  return noted('f5-build-release-run.ci-pipeline.push-tags-when-note', {
    command,
    tags: tags.join(', '),
    condition,
  });
}

export const ciPipeline: TwelveFactorCheck = {
  id: 'f5-build-release-run.ci-pipeline',
  evaluate({ facts, entity }) {
    const ci = facts.get(ciFactRef);
    const ciFiles = facts.tryGet(ciFilesFactRef);
    // Evidence at the line that holds a CI command.
    const at = (
      sig: { path: string; line: number; text: string },
      note: Note,
    ) => {
      const line = commandLine(ciFiles, sig);
      return fileEvidence(sig.path, note, line, line);
    };
    if (ci.files.length === 0) {
      return {
        verdict: 'fail',
        ...finding('f5-build-release-run.ci-pipeline.none'),
        remediation: {
          ...advice('f5-build-release-run.ci-pipeline.none-advice'),
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
      const files = [...new Set(pushed.map(b => b.path))].join(', ');
      return {
        verdict: 'pass',
        ...(always
          ? finding('f5-build-release-run.ci-pipeline.pushes', { files })
          : finding('f5-build-release-run.ci-pipeline.pushes-when', {
              files,
              conditions: paramList(
                [...new Set(pushed.map(b => b.pushCondition!))],
                { last: 'or' },
              ),
            })),
        evidence: pushed.map(b => {
          const pushedTags = tags
            .filter(t => t.path === b.path && t.line === b.line)
            .map(t => t.tag);
          return at(b, pushNote(b.text, pushedTags, b.pushCondition));
        }),
      };
    }
    const evidence = capEvidence([
      ...ci.builds.map(b =>
        at(
          b,
          noted('f5-build-release-run.ci-pipeline.build-note', {
            command: b.text,
          }),
        ),
      ),
      ...ci.tests.map(t =>
        at(
          t,
          noted('f5-build-release-run.ci-pipeline.test-note', {
            command: t.text,
          }),
        ),
      ),
      ...(ci.builds.length + ci.tests.length === 0
        ? ci.files.map(f =>
            fileEvidence(
              f.path,
              noted('f5-build-release-run.ci-pipeline.no-build-note', {
                system: f.system,
              }),
            ),
          )
        : []),
    ]);
    const cloudBuild = ci.files.find(f => f.system === 'cloud-build');
    const remediation = {
      ...advice('f5-build-release-run.ci-pipeline.push-advice'),
      snippet:
        system === 'cloud-build' && cloudBuild
          ? cloudBuildSnippet(cloudBuild.path, ownImageName(facts, entity))
          : pipelineSnippet(facts, entity, system),
    };
    if (ci.builds.length) {
      return {
        verdict: 'partial',
        ...finding('f5-build-release-run.ci-pipeline.no-push', {
          files: ci.builds.map(b => b.path).join(', '),
        }),
        evidence,
        remediation,
      };
    }
    return {
      verdict: 'partial',
      ...(ci.tests.length
        ? finding('f5-build-release-run.ci-pipeline.tests-only', {
            files: [...new Set(ci.tests.map(t => t.path))].join(', '),
          })
        : finding('f5-build-release-run.ci-pipeline.no-image', {
            files: ci.files.map(f => f.path).join(', '),
          })),
      evidence,
      remediation,
    };
  },
};
