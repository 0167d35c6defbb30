import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import type { Ecosystem } from '../../facts/dependencies/types';
import { capEvidence, fileEvidence, plural } from '../evidence';

const LOCK_ADVICE: Record<Ecosystem, string> = {
  python:
    'Pin with `==` or commit a lock file (uv.lock, poetry.lock, or a requirements.txt compiled by pip-compile/uv with hashes).',
  node: 'Commit the lock file of the package manager (package-lock.json, yarn.lock or pnpm-lock.yaml).',
  go: 'Commit go.sum.',
  java: 'Replace version ranges and LATEST/RELEASE with exact versions, or enable Gradle dependency locking.',
  dotnet:
    'Use exact versions or enable packages.lock.json (RestorePackagesWithLockFile).',
  rust: 'Commit Cargo.lock.',
  ruby: 'Commit Gemfile.lock.',
  php: 'Commit composer.lock.',
};

export const pinned: TwelveFactorCheck = {
  id: 'f2-dependencies.pinned',
  evaluate({ facts }) {
    const { manifests, lockFiles } = facts.get(dependenciesFactRef);
    if (manifests.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No dependency manifest',
        reason: 'No dependency manifest was found, so there is nothing to pin.',
      };
    }
    const locked = new Set(lockFiles.map(l => l.ecosystem));
    const evidence: Evidence[] = lockFiles.map(l =>
      fileEvidence(l.path, `${l.ecosystem} lock file committed`),
    );
    let total = 0;
    const unpinned: Array<{
      path: string;
      name: string;
      spec: string;
      line?: number;
      ecosystem: Ecosystem;
    }> = [];
    for (const m of manifests) {
      for (const d of m.dependencies) {
        if (d.dev) continue;
        total++;
        if (!d.pinned && !locked.has(m.ecosystem))
          unpinned.push({
            path: m.path,
            name: d.name,
            spec: d.spec,
            line: d.line,
            ecosystem: m.ecosystem,
          });
      }
    }
    if (total === 0) {
      return {
        verdict: 'pass',
        summary: 'No runtime dependencies declared',
        evidence,
      };
    }
    if (unpinned.length === 0) {
      const how =
        locked.size > 0
          ? `lock file${lockFiles.length > 1 ? 's' : ''} committed`
          : 'every version exact';
      return {
        verdict: 'pass',
        summary: `All ${plural(
          total,
          'direct dependency',
          'direct dependencies',
        )} pinned (${how})`,
        evidence,
      };
    }
    evidence.push(
      ...capEvidence(
        unpinned.map(u =>
          fileEvidence(
            u.path,
            `${u.name}${u.spec ? ` ${u.spec}` : ''} (not exact)`,
            u.line,
            u.line,
          ),
        ),
      ),
    );
    const ecosystems = [...new Set(unpinned.map(u => u.ecosystem))];
    const names = unpinned
      .slice(0, 5)
      .map(u => `${u.name}${u.spec}`)
      .join(', ');
    const remediation = {
      text: ecosystems.map(e => LOCK_ADVICE[e]).join(' '),
      ...(ecosystems.includes('python')
        ? {
            snippet: {
              language: 'shell' as const,
              content:
                '# Keep loose constraints in requirements.in and commit the compiled, fully pinned file:\n' +
                'uv pip compile requirements.in --generate-hashes -o requirements.txt',
            },
          }
        : {}),
    };
    const verdict = unpinned.length * 2 > total ? 'fail' : 'partial';
    return {
      verdict,
      summary: `${
        unpinned.length
      } of ${total} direct dependencies use ranges and no lock file is committed: ${names}${
        unpinned.length > 5 ? ', …' : ''
      }`,
      evidence,
      remediation,
    };
  },
};
