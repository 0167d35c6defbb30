import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';

export const declared: TwelveFactorCheck = {
  id: 'f2-dependencies.declared',
  evaluate({ facts }) {
    const { manifests } = facts.get(dependenciesFactRef);
    // A repository of manifests only (a GitOps configuration repository) declares its services' dependencies where their code is.
    if (manifests.length === 0 && facts.tryGet(codeFactRef)?.files === 0)
      return {
        verdict: 'unknown',
        ...finding('f2-dependencies.declared.no-code'),
        ...because('f2-dependencies.declared.no-code-reason'),
      };
    if (manifests.length === 0) {
      return {
        verdict: 'fail',
        ...finding('f2-dependencies.declared.none'),
        remediation: advice('f2-dependencies.declared.none-advice'),
      };
    }
    const evidence = manifests.map(m =>
      fileEvidence(
        m.path,
        noted('f2-dependencies.declared.manifest-note', {
          ecosystem: m.ecosystem,
          n: m.dependencies.length,
        }),
      ),
    );
    const names = manifests
      .map(m => `${m.path} (${m.dependencies.length})`)
      .join(', ');
    return {
      verdict: 'pass',
      ...finding('f2-dependencies.declared.in', { manifests: names }),
      evidence,
    };
  },
};
