import type {
  MessagePart,
  RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact, CiSignal } from '../../facts/ci/types';
import { codeFactRef } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { advice, finding, noted } from '../messages';
import { automaticFiles, ciEvidence, sentences } from './pipeline';

/** Commands that compile, package or test the code. */
const BUILD =
  /\b(mvnw?|\.\/mvnw|gradlew?|\.\/gradlew|sbt|bazel)\b|\b(npm|yarn|pnpm)\s+(ci|install|build|test|run\s+(build|test|typecheck|compile))\b|\bgo\s+(build|test|vet)\b|\bdotnet\s+(build|publish|test)\b|\bcargo\s+(build|test)\b|\bmake\b|\bpip\s+install\b|\bpoetry\s+(install|build)\b|\buv\s+(sync|build)\b|\bpython\d?\s+-m\s+(build|pytest)\b|\bpytest\b|\btox\b|\bbundle\s+(install|exec)\b/;

/** Build steps of a pipeline: image builds, compiling/testing commands. */
export function buildSignals(ci: CiFact): CiSignal[] {
  const out: CiSignal[] = [...ci.builds, ...ci.tests];
  for (const s of ci.steps) {
    if (
      s.run &&
      BUILD.test(s.run) &&
      !out.some(
        o =>
          o.path === s.path &&
          o.line >= s.line &&
          o.line <= s.line + s.run!.split('\n').length,
      )
    ) {
      out.push({
        path: s.path,
        line: s.line,
        text: s.run.trim().split('\n')[0].slice(0, 160),
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

const TEST_COMMAND: Partial<Record<Language, string>> = {
  python: 'pip install -r requirements.txt && pytest',
  javascript: 'npm ci && npm test',
  go: 'go test ./...',
  java: 'mvn -B verify',
};
const TEST_IMAGE: Partial<Record<Language, string>> = {
  python: 'python:3.12-slim',
  javascript: 'node:22-alpine',
  go: 'golang:1.23',
  java: 'maven:3-eclipse-temurin-21',
};

function workflowFor(ci: CiFact, languages: Language[]): RemediationSnippet {
  const language = languages.find(l => TEST_COMMAND[l]);
  const test = language ? TEST_COMMAND[language] : undefined;
  const system = ci.files[0]?.system;
  if (system === 'gitlab-ci') {
    return {
      language: 'yaml',
      path: ci.files[0].path,
      action: 'modify',
      content: toYaml({
        ...(test
          ? {
              test: {
                stage: 'test',
                image: TEST_IMAGE[language!],
                script: [test],
              },
            }
          : {}),
        build: {
          stage: 'build',
          image: 'docker:27',
          services: ['docker:27-dind'],
          rules: [
            { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
            { if: '$CI_COMMIT_BRANCH' },
          ],
          script: ['docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .'],
        },
      }),
    };
  }
  return {
    language: 'yaml',
    path: '.github/workflows/build.yml',
    action: 'create',
    content: toYaml({
      name: 'build',
      on: { push: { branches: ['main'] }, pull_request: {} },
      jobs: {
        build: {
          'runs-on': 'ubuntu-latest',
          steps: [
            { uses: 'actions/checkout@v4' },
            ...(test ? [{ name: 'Test', run: test }] : []),
            {
              name: 'Build image',
              uses: 'docker/build-push-action@v6',
              with: {
                context: '.',
                push: false,
                tags: '${{ github.repository }}:${{ github.sha }}',
              },
            },
          ],
        },
      },
    }),
  };
}

export const automatedBuild: TwelveFactorCheck = {
  id: 'cn-cicd.automated-build',
  evaluate({ facts }) {
    const ci = facts.get(ciFactRef);
    const auto = new Set(automaticFiles(ci).map(f => f.path));
    const builds = buildSignals(ci);
    const automatic = builds.filter(b => auto.has(b.path));
    if (automatic.length) {
      const files = ci.files.filter(
        f => auto.has(f.path) && automatic.some(b => b.path === f.path),
      );
      return {
        verdict: 'pass',
        // `CI builds automatically: a on push (main); b on pull_request`: the first file in the first sentence.
        ...sentences(
          files.map(
            (f, i) =>
              [
                `cn-cicd.automated-build.${i ? 'also-' : ''}automatic${
                  f.branches.length ? '-branches' : ''
                }`,
                {
                  path: f.path,
                  triggers: f.triggers.join('/'),
                  ...(f.branches.length
                    ? { branches: f.branches.join(', ') }
                    : {}),
                },
              ] as const,
          ),
        ),
        evidence: capEvidence(
          ciEvidence(automatic, 'cn-cicd.automated-build.step-note'),
        ),
      };
    }
    const languages = facts.tryGet(codeFactRef)?.languages ?? [];
    let said: { summary: string; summaryMsg?: MessagePart[] } = finding(
      'cn-cicd.automated-build.no-step',
      { files: ci.files.map(f => f.path).join(', ') },
    );
    if (ci.files.length === 0) said = finding('cn-cicd.automated-build.no-ci');
    else if (builds.length && ci.files.every(f => f.triggers.length))
      said = finding('cn-cicd.automated-build.by-hand', {
        files: ci.files
          .map(f => `${f.path}: ${f.triggers.join('/')}`)
          .join('; '),
      });
    else if (builds.length)
      // A file without a trigger is said "no trigger" in the middle of the list: that summary stays English.
      said = {
        summary: `CI builds only when started by hand (${ci.files
          .map(f => `${f.path}: ${f.triggers.join('/') || 'no trigger'}`)
          .join('; ')})`,
      };
    return {
      verdict: 'fail',
      ...said,
      evidence: builds.length
        ? ciEvidence(builds, 'cn-cicd.automated-build.manual-step-note')
        : ci.files.map(f => ({
            type: 'file' as const,
            path: f.path,
            ...noted('cn-cicd.automated-build.no-step-note'),
          })),
      remediation: {
        ...advice('cn-cicd.automated-build.advice'),
        snippet: workflowFor(ci, languages),
      },
    };
  },
};
