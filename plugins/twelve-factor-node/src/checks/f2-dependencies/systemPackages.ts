import type { TwelveFactorCheck } from '../../engine/types';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { documentationFactRef } from '../../facts/documentation';
import { isVariantDockerfile } from '../cn-containerization/dockerfiles';
import { capEvidence, fileEvidence } from '../evidence';

/** Whether lower-cased documentation names a package as a word of its own (`libpq5`, not `libpq5-dev`). */
function mentions(text: string, name: string): boolean {
  // Most packages are not named at all: a substring search rules them out before building a regex.
  if (!text.includes(name)) return false;
  return new RegExp(
    `(^|[^a-z0-9-])${name.replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    )}([^a-z0-9-]|$)`,
  ).test(text);
}

export const systemPackages: TwelveFactorCheck = {
  id: 'f2-dependencies.system-packages',
  evaluate({ facts }) {
    facts.get(dependenciesFactRef);
    const all = facts.get(containerBuildFactRef).dockerfiles;
    // The release image decides; a debug or dev variant's tools (procps in Dockerfile.debug) ship nowhere.
    const release = all.filter(d => !isVariantDockerfile(d.path));
    const dockerfiles = release.length ? release : all;
    const docs = facts.get(documentationFactRef);
    const installs = dockerfiles.flatMap(df =>
      df.stages.flatMap(s =>
        s.packageInstalls.map(i => ({ ...i, path: df.path })),
      ),
    );
    if (installs.length === 0) {
      return {
        verdict: 'pass',
        summary: dockerfiles.length
          ? 'No system packages installed in the Dockerfile'
          : 'No Dockerfile installs system packages',
        evidence: dockerfiles.map(d =>
          fileEvidence(d.path, 'no package installs'),
        ),
      };
    }
    const packages = [...new Set(installs.flatMap(i => i.packages))];
    const text = docs.text.toLowerCase();
    const undocumented = packages.filter(p => !mentions(text, p.toLowerCase()));
    const evidence = installs.map(i =>
      fileEvidence(
        i.path,
        `${i.manager} install ${i.packages.join(' ')}`,
        i.line,
        i.line,
      ),
    );
    if (undocumented.length === 0) {
      return {
        verdict: 'pass',
        summary: `System packages (${packages.join(', ')}) are documented`,
        evidence: [
          ...evidence,
          ...docs.files.map(f => fileEvidence(f, 'documents them')),
        ],
      };
    }
    return {
      verdict: 'partial',
      summary: `System packages installed in the Dockerfile but not documented: ${undocumented.join(
        ', ',
      )}`,
      evidence: capEvidence(evidence),
      remediation: {
        text: 'Name the system packages the image needs, and why, in the README so that local set-ups and base-image upgrades do not miss them.',
        snippet: {
          language: 'text',
          path: docs.files[0] ?? 'README.md',
          action: docs.files.length ? 'modify' : 'create',
          content: `## System dependencies\n\nThe image installs these OS packages:\n\n${undocumented
            .map(p => `- \`${p}\``)
            .join('\n')}\n`,
        },
      },
    };
  },
};
