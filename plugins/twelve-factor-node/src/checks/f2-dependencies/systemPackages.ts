import type { TwelveFactorCheck } from '../../engine/types';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { documentationFactRef } from '../../facts/documentation';
import { isVariantDockerfile } from '../cn-containerization/dockerfiles';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { snippetComment } from '../snippets';

const HEADING = snippetComment('##', 'snippet.system-dependencies');
const INSTALLS = snippetComment('', 'snippet.image-installs');

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
        ...finding(
          dockerfiles.length
            ? 'f2-dependencies.system-packages.none-installed'
            : 'f2-dependencies.system-packages.no-dockerfile',
        ),
        evidence: dockerfiles.map(d =>
          fileEvidence(
            d.path,
            noted('f2-dependencies.system-packages.no-installs-note'),
          ),
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
        ...finding('f2-dependencies.system-packages.documented', {
          packages: packages.join(', '),
        }),
        evidence: [
          ...evidence,
          ...docs.files.map(f =>
            fileEvidence(
              f,
              noted('f2-dependencies.system-packages.documents-note'),
            ),
          ),
        ],
      };
    }
    return {
      verdict: 'partial',
      ...finding('f2-dependencies.system-packages.undocumented', {
        packages: undocumented.join(', '),
      }),
      evidence: capEvidence(evidence),
      remediation: {
        ...advice('f2-dependencies.system-packages.undocumented-advice'),
        snippet: {
          language: 'text',
          path: docs.files[0] ?? 'README.md',
          action: docs.files.length ? 'modify' : 'create',
          comments: [HEADING, INSTALLS],
          content: `${HEADING.text}\n\n${INSTALLS.text}\n\n${undocumented
            .map(p => `- \`${p}\``)
            .join('\n')}\n`,
        },
      },
    };
  },
};
