import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact } from '../../facts/ci/types';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { workloadsOf } from '../../facts/manifests/workloads';
import { imageRepository } from '../cn-orchestration/kube';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
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
): { text: ReturnType<typeof advice>; snippet: RemediationSnippet } {
  const build = ci.builds[0];
  const path = build?.path ?? ci.files[0]?.path;
  const system = ci.files.find(f => f.path === path)?.system;
  const image =
    builtImage(ci) ??
    (deployed ? `${imageRepository(deployed)}:TAG` : 'REGISTRY/IMAGE:TAG');
  const cmd = `trivy image --exit-code 1 --severity CRITICAL,HIGH --ignore-unfixed ${image}`;
  let where = advice('cn-security.image-scanning.advice-in-pipeline');
  if (build)
    where = advice('cn-security.image-scanning.advice-after-build', {
      path: build.path,
      line: build.line,
    });
  else if (path !== undefined)
    where = advice('cn-security.image-scanning.advice-in', { path });
  const step = [...ci.steps]
    .reverse()
    .find(s => s.path === build?.path && s.line <= (build?.line ?? 0) && s.job);
  switch (system) {
    case 'github-actions':
      return {
        text: where,
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
        text: where,
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
        text: where,
        snippet: {
          language: 'text',
          path,
          action: 'modify',
          content: `stage('Scan image') {\n    steps {\n        sh '${cmd}'\n    }\n}\n`,
        },
      };
    case 'azure-pipelines':
      return {
        text: where,
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
        text: where,
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
        ...finding('cn-security.image-scanning.scanned', {
          tools: tools.join(', '),
        }),
        evidence: capEvidence(
          ci.scanners.map(s =>
            fileEvidence(
              s.path,
              noted('cn-security.image-scanning.scanner-note', {
                tool: s.tool,
                text: s.text,
              }),
              s.line,
              s.line,
            ),
          ),
        ),
      };
    }
    const deployed = facts
      .tryGet(manifestsFactRef)
      ?.targets.flatMap(t => workloadsOf(t.objects))
      .flatMap(w => w.containers.map(c => c.container.image))[0];
    const { text, snippet } = trivyFor(ci, deployed);
    const files = ci.files.map(f => f.path).join(', ');
    let said = finding('cn-security.image-scanning.no-ci');
    if (ci.files.length)
      said = ci.builds.length
        ? finding('cn-security.image-scanning.no-scanner-builds', { files })
        : finding('cn-security.image-scanning.no-scanner', { files });
    return {
      verdict: 'fail',
      ...said,
      evidence: ci.builds.length
        ? ci.builds.map(b =>
            fileEvidence(
              b.path,
              noted('cn-security.image-scanning.built-note', { text: b.text }),
              b.line,
              b.line,
            ),
          )
        : ci.files.map(f =>
            fileEvidence(
              f.path,
              noted('cn-security.image-scanning.no-scanner-note'),
            ),
          ),
      remediation: {
        ...text,
        snippet,
      },
    };
  },
};
