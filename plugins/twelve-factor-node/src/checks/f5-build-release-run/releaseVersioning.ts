import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { ciFilesFactRef } from '../../facts/ciFiles';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { capEvidence, fileEvidence, type Note } from '../evidence';
import { objectEvidence } from '../setMessages';
import { advice, finding, noted } from '../messages';
import {
  ciTags,
  deployTimeImages,
  imageUses,
  memberCodeRoot,
  pinnedNote,
  ownImage,
  releaseTriggers,
  tagEvidence,
  type ImageUse,
} from './images';
import { pipelineSnippet } from './ciSnippets';

export const releaseVersioning: TwelveFactorCheck = {
  id: 'f5-build-release-run.release-versioning',
  evaluate({ facts, entity }) {
    const ci = facts.get(ciFactRef);
    const ciFiles = facts.get(ciFilesFactRef);
    const triggers = releaseTriggers(ciFiles);
    const tags = ciTags(ci);
    const own = ownImage(entity, tags, memberCodeRoot(facts));
    let sets: ObjectSet[] = [];
    try {
      sets = objectSets(facts, { cluster: false });
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
    }
    const deployTime = deployTimeImages(facts);
    const deployed: ImageUse[] = sets
      .flatMap(set => imageUses(set, deployTime))
      .filter(u => own(u.ref));
    const ev = (u: ImageUse, note: Note): Evidence =>
      objectEvidence(u.set, u.w.source, note, `${u.c.fieldPath}.image`);
    const semver: Evidence[] = [
      ...triggers.map(t =>
        fileEvidence(
          t.path,
          noted('f5-build-release-run.release-versioning.trigger-note', {
            line: t.text,
          }),
          t.line,
          t.line,
        ),
      ),
      ...tags
        .filter(t => t.kind === 'semver')
        .map(t =>
          tagEvidence(
            ciFiles,
            t,
            noted('f5-build-release-run.release-versioning.version-tag-note', {
              tag: t.tag,
            }),
          ),
        ),
      ...deployed
        .filter(u => u.kind === 'semver')
        .map(u =>
          ev(
            u,
            noted('f5-build-release-run.release-versioning.semver-note', {
              image: u.ref.raw,
            }),
          ),
        ),
    ];
    const sha: Evidence[] = [
      ...tags
        .filter(t => t.kind === 'sha')
        .map(t =>
          tagEvidence(
            ciFiles,
            t,
            noted('f5-build-release-run.release-versioning.commit-tag-note', {
              tag: t.tag,
            }),
          ),
        ),
      ...deployed
        .filter(
          u =>
            u.kind === 'sha' ||
            u.kind === 'digest' ||
            u.kind === 'version' ||
            u.kind === 'deploy-time',
        )
        .map(u => ev(u, pinnedNote(u, true))),
    ];
    const latest: Evidence[] = [
      ...tags
        .filter(t => t.kind === 'latest')
        .map(t =>
          tagEvidence(
            ciFiles,
            t,
            noted('f5-build-release-run.immutable-image.ci-pushes-note', {
              tag: t.tag,
            }),
          ),
        ),
      ...deployed
        .filter(
          u =>
            u.kind === 'latest' ||
            u.kind === 'untagged' ||
            u.kind === 'floating',
        )
        .map(u =>
          ev(
            u,
            noted('f5-build-release-run.immutable-image.pinned-deployed-note', {
              image: u.ref.raw,
              kind: u.kind,
            }),
          ),
        ),
    ];
    if (semver.length && !latest.length) {
      return {
        verdict: 'pass',
        ...finding('f5-build-release-run.release-versioning.semver'),
        evidence: capEvidence([...semver, ...sha]),
      };
    }
    const remediation = {
      ...advice('f5-build-release-run.release-versioning.advice'),
      snippet: pipelineSnippet(facts, entity, ci.files[0]?.system),
    };
    if (semver.length || sha.length) {
      // Without :latest, semantic versions would have passed: only commit-SHA tags are left.
      let id = 'f5-build-release-run.release-versioning.sha-only';
      if (latest.length)
        id = semver.length
          ? 'f5-build-release-run.release-versioning.semver-and-latest'
          : 'f5-build-release-run.release-versioning.sha-and-latest';
      return {
        verdict: 'partial',
        ...finding(id),
        evidence: capEvidence([...latest, ...semver, ...sha]),
        remediation,
      };
    }
    return {
      verdict: 'fail',
      ...finding(
        latest.length
          ? 'f5-build-release-run.release-versioning.latest-only'
          : 'f5-build-release-run.release-versioning.none',
      ),
      evidence: capEvidence(latest),
      remediation,
    };
  },
};
