import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { LONG_RUNNING_KINDS } from '../../facts/manifests/workloads';
import { objectEvidence } from '../setMessages';
import { worstOf } from '../combine';
import { capEvidence } from '../evidence';
import { advice, because, finding, paramList, msg, noted } from '../messages';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  imageUses,
  isImmutable,
  releaseContext,
  tagEvidence,
  type ImageUse,
} from './images';

function remediation(u: ImageUse) {
  const ns = u.w.namespace ?? u.set.namespace;
  return {
    ...advice('f5-build-release-run.rollback.advice', {
      image: u.ref.repository,
      command: `kubectl rollout undo ${u.w.kind.toLowerCase()}/${u.w.name}${
        ns ? ` -n ${ns}` : ''
      }`,
    }),
    snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
      podSpecPatch(
        {
          apiVersion: u.w.source.object.apiVersion,
          kind: u.w.kind,
          name: u.w.name,
        },
        {
          containers: [
            {
              name: u.c.container.name,
              image: `${u.ref.repository}:<commit-sha>`,
              imagePullPolicy: 'IfNotPresent',
            },
          ],
        },
      ),
    ),
  };
}

export const rollback: TwelveFactorCheck = {
  id: 'f5-build-release-run.rollback',
  evaluate({ facts, entity }) {
    const { ciFiles, unique, own, sets, deployTime } = releaseContext(
      facts,
      entity,
    );
    const outcomes: CheckOutcome[] = [];
    for (const set of sets) {
      const all = imageUses(set, deployTime).filter(u =>
        LONG_RUNNING_KINDS.has(u.w.kind),
      );
      if (all.length === 0) continue;
      // Rolling back the service means its own images; fall back to every image when none is recognisably its own.
      const uses = all.some(u => own(u.ref))
        ? all.filter(u => own(u.ref))
        : all;
      const mutable = uses.filter(u => !isImmutable(u.kind));
      if (mutable.length === 0) {
        const workloads = [...new Set(uses.map(u => u.w.name))].join(', ');
        const versions = [
          ...new Set(
            uses.map(u =>
              u.resolvedBy
                ? `tags written at deploy by ${u.resolvedBy.split(' ')[0]}`
                : u.ref.tag ?? u.ref.digest,
            ),
          ),
        ].join(', ');
        outcomes.push({
          verdict: 'pass',
          // Tags written at deploy are named in an English phrase: that summary stays English.
          ...(uses.some(u => u.resolvedBy)
            ? {
                summary: `${set.label}: ${workloads} reference explicit versions (${versions}), so a revert or rollout undo restores the previous image`,
              }
            : finding(
                'f5-build-release-run.rollback.explicit',
                { workloads, versions },
                [set.label],
              )),
          evidence: uses.map(u =>
            objectEvidence(
              u.set,
              u.w.source,
              noted('f5-build-release-run.rollback.policy-note', {
                image: u.ref.raw,
                policy: String(u.c.container.imagePullPolicy ?? 'IfNotPresent'),
              }),
              `${u.c.fieldPath}.image`,
            ),
          ),
        });
        continue;
      }
      const always = mutable.filter(u => u.pullAlways);
      const names = [...new Set(mutable.map(u => u.w.name))].join(', ');
      // An image without a tag is said as such in the reader's language.
      const tags = [...new Set(mutable.map(u => u.ref.tag))];
      const tag = paramList(
        tags.map(t => t ?? msg('f5-build-release-run.rollback.untagged')),
      );
      outcomes.push({
        verdict: unique.length ? 'partial' : 'fail',
        ...finding(
          `f5-build-release-run.rollback.mutable${
            always.length ? '-always' : ''
          }${unique.length ? '-ci-unique' : ''}`,
          { workloads: names, tag },
          [set.label],
        ),
        evidence: capEvidence([
          ...mutable.map(u =>
            objectEvidence(
              u.set,
              u.w.source,
              !u.c.container.imagePullPolicy && u.pullAlways
                ? noted('f5-build-release-run.rollback.default-always-note', {
                    image: u.ref.raw,
                  })
                : noted('f5-build-release-run.rollback.policy-note', {
                    image: u.ref.raw,
                    policy: String(
                      u.c.container.imagePullPolicy ?? 'IfNotPresent',
                    ),
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
        remediation: remediation(mutable[0]),
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f5-build-release-run.rollback.no-workloads'),
        ...because('f5-build-release-run.rollback.no-workloads-reason', {
          targets: sets.map(s => s.label).join(', '),
        }),
      };
    }
    return worstOf(outcomes);
  },
};
