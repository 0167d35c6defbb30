import type { TwelveFactorCheck } from '../../engine/types';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { fileEvidence, plural } from '../evidence';

export const declared: TwelveFactorCheck = {
  id: 'f2-dependencies.declared',
  evaluate({ facts }) {
    const { manifests } = facts.get(dependenciesFactRef);
    if (manifests.length === 0) {
      return {
        verdict: 'fail',
        summary: 'No dependency manifest found',
        remediation: {
          text: 'Declare every dependency in the manifest of the language (requirements.txt or pyproject.toml, package.json, go.mod, pom.xml, Cargo.toml, …) and commit it.',
        },
      };
    }
    const evidence = manifests.map(m =>
      fileEvidence(
        m.path,
        `${m.ecosystem}: ${plural(
          m.dependencies.length,
          'dependency',
          'dependencies',
        )}`,
      ),
    );
    const names = manifests
      .map(m => `${m.path} (${m.dependencies.length})`)
      .join(', ');
    return {
      verdict: 'pass',
      summary: `Dependencies declared in ${names}`,
      evidence,
    };
  },
};
