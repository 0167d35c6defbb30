import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import type { Ecosystem } from '../../facts/dependencies/types';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { snippetComment } from '../snippets';

const PIP_COMPILE = snippetComment('#', 'snippet.pip-compile');

/** The advice per ecosystem: f2-dependencies.pinned.advice-<ecosystem>. */
const lockAdvice = (e: Ecosystem) =>
  [`f2-dependencies.pinned.advice-${e}`] as const;

export const pinned: TwelveFactorCheck = {
  id: 'f2-dependencies.pinned',
  evaluate({ facts }) {
    const { manifests, lockFiles } = facts.get(dependenciesFactRef);
    if (manifests.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f2-dependencies.pinned.no-manifest'),
        ...because('f2-dependencies.pinned.no-manifest-reason'),
      };
    }
    const locked = new Set(lockFiles.map(l => l.ecosystem));
    const evidence: Evidence[] = lockFiles.map(l =>
      fileEvidence(
        l.path,
        noted('f2-dependencies.pinned.lock-note', { ecosystem: l.ecosystem }),
      ),
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
        ...finding('f2-dependencies.pinned.no-runtime'),
        evidence,
      };
    }
    if (unpinned.length === 0) {
      let id = 'f2-dependencies.pinned.all-exact';
      if (locked.size > 0)
        id =
          lockFiles.length > 1
            ? 'f2-dependencies.pinned.all-locked-files'
            : 'f2-dependencies.pinned.all-locked';
      return {
        verdict: 'pass',
        ...finding(id, { n: total }),
        evidence,
      };
    }
    evidence.push(
      ...capEvidence(
        unpinned.map(u =>
          fileEvidence(
            u.path,
            noted('f2-dependencies.pinned.not-exact-note', {
              dependency: `${u.name}${u.spec ? ` ${u.spec}` : ''}`,
            }),
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
      ...advice(ecosystems.map(lockAdvice)),
      ...(ecosystems.includes('python')
        ? {
            snippet: {
              language: 'shell' as const,
              comments: [PIP_COMPILE],
              content:
                `${PIP_COMPILE.text}\n` +
                'uv pip compile requirements.in --generate-hashes -o requirements.txt',
            },
          }
        : {}),
    };
    const verdict = unpinned.length * 2 > total ? 'fail' : 'partial';
    return {
      verdict,
      ...finding('f2-dependencies.pinned.ranges', {
        unpinned: unpinned.length,
        total,
        names: `${names}${unpinned.length > 5 ? ', …' : ''}`,
      }),
      evidence,
      remediation,
    };
  },
};
