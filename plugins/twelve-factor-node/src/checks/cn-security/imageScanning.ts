import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact } from '../../facts/ci/types';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { workloadsOf } from '../../facts/manifests/workloads';
import { imageRepository } from '../cn-orchestration/kube';
import { capEvidence, fileEvidence } from '../evidence';
import { toYaml } from '../snippets';

/** The image a build produces, as written in the pipeline (`-t` value or the action's first tag). */
export function builtImage(ci: CiFact): string | undefined {
  const b = ci.builds[0];
  if (!b) return undefined;
  const tag =
    /(?:^|\s)(?:-t|--tag)[=\s]+(\S*\$\{\{[^}]*\}\}\S*|"[^"]+"|'[^']+'|\S+)/.exec(
      b.text,
    )?.[1] ?? b.tags[0];
  return tag?.replace(/^["']|["']$/g, '');
}

/** A Trivy scan written for the pipeline's CI system and image (the one CI builds, else the one the manifests run). */
function trivyFor(
  ci: CiFact,
  deployed: string | undefined,
): { where: string; snippet: RemediationSnippet } {
  const build = ci.builds[0];
  const path = build?.path ?? ci.files[0]?.path;
  const system = ci.files.find(f => f.path === path)?.system;
  const image =
    builtImage(ci) ??
    (deployed ? `${imageRepository(deployed)}:TAG` : 'REGISTRY/IMAGE:TAG');
  const cmd = `trivy image --exit-code 1 --severity CRITICAL,HIGH --ignore-unfixed ${image}`;
  const where = build
    ? `after the image build in ${build.path} (line ${build.line}), before it is pushed or deployed`
    : `in ${path ?? 'your pipeline'}, after the image build`;
  const step = [...ci.steps]
    .reverse()
    .find(s => s.path === build?.path && s.line <= (build?.line ?? 0) && s.job);
  switch (system) {
    case 'github-actions':
      return {
        where,
        snippet: {
          language: 'yaml',
          path,
          action: 'modify',
          content: toYaml([
            {
              name: 'Scan image with Trivy',
              uses: 'aquasecurity/trivy-action@0.28.0',
              // Shell variables of a run step are env entries for an action input.
              with: {
                'image-ref': image.replace(
                  /\$\{?([A-Z_][A-Z0-9_]*)\}?/g,
                  '${{ env.$1 }}',
                ),
                severity: 'CRITICAL,HIGH',
                'ignore-unfixed': true,
                'exit-code': '1',
              },
            },
          ]),
        },
      };
    case 'gitlab-ci':
      return {
        where,
        snippet: {
          language: 'yaml',
          path,
          action: 'modify',
          content: toYaml({
            container_scanning: {
              stage: 'build',
              ...(step?.job ? { needs: [step.job] } : {}),
              image: { name: 'aquasec/trivy:0.58.1', entrypoint: [''] },
              script: [cmd],
            },
          }),
        },
      };
    case 'jenkins':
      return {
        where,
        snippet: {
          language: 'text',
          path,
          action: 'modify',
          content: `stage('Scan image') {\n    steps {\n        sh '${cmd}'\n    }\n}\n`,
        },
      };
    case 'azure-pipelines':
      return {
        where,
        snippet: {
          language: 'yaml',
          path,
          action: 'modify',
          content: toYaml([
            { script: cmd, displayName: 'Scan image with Trivy' },
          ]),
        },
      };
    default:
      return {
        where,
        snippet: {
          language: 'shell',
          ...(path ? { path } : {}),
          action: 'modify',
          content: `${cmd}\n`,
        },
      };
  }
}

export const imageScanning: TwelveFactorCheck = {
  id: 'cn-security.image-scanning',
  evaluate({ facts }) {
    const ci = facts.get(ciFactRef);
    if (ci.scanners.length) {
      const tools = [...new Set(ci.scanners.map(s => s.tool))];
      return {
        verdict: 'pass',
        summary: `CI scans images with ${tools.join(', ')}`,
        evidence: capEvidence(
          ci.scanners.map(s =>
            fileEvidence(s.path, `${s.tool}: ${s.text}`, s.line, s.line),
          ),
        ),
      };
    }
    const deployed = facts
      .tryGet(manifestsFactRef)
      ?.targets.flatMap(t => workloadsOf(t.objects))
      .flatMap(w => w.containers.map(c => c.container.image))[0];
    const { where, snippet } = trivyFor(ci, deployed);
    return {
      verdict: 'fail',
      summary: ci.files.length
        ? `CI (${ci.files
            .map(f => f.path)
            .join(', ')}) runs no image vulnerability scanner${
            ci.builds.length ? ' although it builds images' : ''
          }`
        : 'No CI pipeline, so no image is scanned',
      evidence: ci.builds.length
        ? ci.builds.map(b =>
            fileEvidence(
              b.path,
              `image built here, not scanned: ${b.text}`,
              b.line,
              b.line,
            ),
          )
        : ci.files.map(f => fileEvidence(f.path, 'no scanner step')),
      remediation: {
        text: `Scan the image with Trivy ${where}; the step fails the pipeline on fixable CRITICAL/HIGH vulnerabilities.`,
        snippet,
      },
    };
  },
};
