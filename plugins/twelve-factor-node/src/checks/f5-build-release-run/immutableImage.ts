import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { setEvidence } from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence, plural } from '../evidence';
import {
  imageUses,
  isImmutable,
  pinnedBy,
  releaseContext,
  tagEvidence,
  type ImageUse,
} from './images';

export const immutableImage: TwelveFactorCheck = {
  id: 'f5-build-release-run.immutable-image',
  evaluate({ facts, entity }) {
    const { ciFiles, unique, own, sets, deployTime } = releaseContext(
      facts,
      entity,
    );
    const outcomes: CheckOutcome[] = [];
    for (const set of sets) {
      const uses = imageUses(set, deployTime);
      if (uses.length === 0) continue;
      const mutable = uses.filter(u => !isImmutable(u.kind));
      if (mutable.length === 0) {
        outcomes.push({
          verdict: 'pass',
          summary: `${set.label}: every image is pinned (${[
            ...new Set(
              uses.map(u =>
                u.resolvedBy
                  ? `${u.ref.repository.split('/').pop()} by ${
                      u.resolvedBy.split(' ')[0]
                    } at deploy`
                  : `${u.ref.repository.split('/').pop()}:${
                      u.ref.tag ?? u.ref.digest
                    }`,
              ),
            ),
          ].join(', ')})`,
          evidence: uses.map(u =>
            setEvidence(
              set,
              u.w.source,
              `${u.ref.raw} (${pinnedBy(u)})`,
              `${u.c.fieldPath}.image`,
            ),
          ),
        });
        continue;
      }
      const verdict =
        mutable.length === uses.length && unique.length === 0
          ? 'fail'
          : 'partial';
      const shown = [...new Set(mutable.map(u => u.ref.raw))];
      outcomes.push({
        verdict,
        summary: `${set.label}: ${plural(mutable.length, 'container')} ${
          mutable.length === 1 ? 'runs' : 'run'
        } a mutable image (${shown.join(', ')})${
          unique.length ? ' although CI pushes a unique tag' : ''
        }`,
        evidence: capEvidence([
          ...mutable.map(u =>
            setEvidence(
              set,
              u.w.source,
              `${u.ref.raw} (mutable: ${
                u.kind === 'floating' ? `floating tag ${u.ref.tag}` : u.kind
              })`,
              `${u.c.fieldPath}.image`,
            ),
          ),
          ...unique.map(t => tagEvidence(ciFiles, t, `CI pushes ${t.tag}`)),
        ]),
        remediation: remediation(
          set.origin === 'repo' ? set.label : undefined,
          mutable,
          own,
          unique.length > 0,
        ),
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No container images',
        reason: `None of ${sets
          .map(s => s.label)
          .join(', ')} runs a container.`,
      };
    }
    return worstOf(outcomes);
  },
};

function remediation(
  target: string | undefined,
  mutable: ImageUse[],
  own: (r: ImageUse['ref']) => boolean,
  ciUnique: boolean,
) {
  const mine = [
    ...new Set(mutable.filter(u => own(u.ref)).map(u => u.ref.repository)),
  ];
  const others = [
    ...new Set(mutable.filter(u => !own(u.ref)).map(u => u.ref.raw)),
  ];
  const text = [
    mine.length
      ? `Deploy the service's image by the unique tag CI ${
          ciUnique ? 'already pushes' : 'should push'
        } (commit SHA or version), set per overlay by CI with \`kustomize edit set image\`; never deploy :latest.`
      : '',
    others.length
      ? `Pin ${others.join(', ')} to an exact version or a digest.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (!mine.length) return { text };
  const content = `images:\n${mine
    .map(
      r =>
        `  - name: ${r}\n    newTag: "<commit-sha>"  # CI: kustomize edit set image ${r}=${r}:<commit-sha>\n`,
    )
    .join('')}`;
  return {
    text,
    snippet: {
      language: 'yaml' as const,
      path: `${target ?? 'kubernetes/overlays/<env>'}/kustomization.yaml`,
      action: 'modify' as const,
      content,
    },
  };
}
