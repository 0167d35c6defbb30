import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { fileEvidence, plural } from '../evidence';

export const declared: TwelveFactorCheck = {
  id: 'f2-dependencies.declared',
  evaluate({ facts }) {
    const { manifests } = facts.get(dependenciesFactRef);
    // A repository of manifests only (a GitOps configuration repository) declares its services' dependencies where their code is.
    if (manifests.length === 0 && facts.tryGet(codeFactRef)?.files === 0)
      return {
        verdict: 'unknown',
        summary: 'No source code and no dependency manifest',
        reason:
          'The repository holds no source code in a known language, so there is nothing whose dependencies it should declare: they are declared where the code is.',
      };
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
