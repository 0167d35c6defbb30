import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectEvidence } from '../setMessages';
import { worstOf } from '../combine';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { snippetComment } from '../snippets';
import {
  imageUses,
  isImmutable,
  pinnedNote,
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
        const pinned = [
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
        ].join(', ');
        outcomes.push({
          verdict: 'pass',
          // Images pinned at deploy are named in an English phrase ("x by skaffold at deploy"): that summary stays English.
          ...(uses.some(u => u.resolvedBy)
            ? { summary: `${set.label}: every image is pinned (${pinned})` }
            : finding(
                'f5-build-release-run.immutable-image.all-pinned',
                { images: pinned },
                [set.label],
              )),
          evidence: uses.map(u =>
            objectEvidence(
              set,
              u.w.source,
              pinnedNote(u),
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
        ...finding(
          unique.length
            ? 'f5-build-release-run.immutable-image.mutable-ci-unique'
            : 'f5-build-release-run.immutable-image.mutable',
          { n: mutable.length, images: shown.join(', ') },
          [set.label],
        ),
        evidence: capEvidence([
          ...mutable.map(u =>
            objectEvidence(
              set,
              u.w.source,
              u.kind === 'floating'
                ? noted('f5-build-release-run.immutable-image.floating-note', {
                    image: u.ref.raw,
                    tag: String(u.ref.tag),
                  })
                : noted('f5-build-release-run.immutable-image.mutable-note', {
                    image: u.ref.raw,
                    kind: u.kind,
                  }),
              `${u.c.fieldPath}.image`,
            ),
          ),
          ...unique.map(t =>
            tagEvidence(
              ciFiles,
              t,
              noted('f5-build-release-run.immutable-image.ci-pushes-note', {
                tag: t.tag,
              }),
            ),
          ),
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
        ...finding('f5-build-release-run.immutable-image.no-images'),
        ...because('f5-build-release-run.immutable-image.no-images-reason', {
          targets: sets.map(s => s.label).join(', '),
        }),
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
  const sentences: Array<[string, Record<string, string>?]> = [];
  if (mine.length)
    sentences.push([
      ciUnique
        ? 'f5-build-release-run.immutable-image.own-pushed-advice'
        : 'f5-build-release-run.immutable-image.own-advice',
    ]);
  if (others.length)
    sentences.push([
      'f5-build-release-run.immutable-image.pin-advice',
      { images: others.join(', ') },
    ]);
  const text = advice(sentences);
  if (!mine.length) return text;
  const comments = mine.map(r =>
    snippetComment('#', 'snippet.ci-command', {
      command: `kustomize edit set image ${r}=${r}:<commit-sha>`,
    }),
  );
  const content = `images:\n${mine
    .map(
      (r, i) =>
        `  - name: ${r}\n    newTag: "<commit-sha>"  ${comments[i].text}\n`,
    )
    .join('')}`;
  return {
    ...text,
    snippet: {
      language: 'yaml' as const,
      path: `${target ?? 'kubernetes/overlays/<env>'}/kustomization.yaml`,
      action: 'modify' as const,
      content,
      comments,
    },
  };
}
