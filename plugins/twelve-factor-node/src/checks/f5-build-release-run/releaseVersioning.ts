import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { ciFilesFactRef } from '../../facts/ciFiles';
import {
  objectSets,
  setEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { capEvidence, fileEvidence } from '../evidence';
import {
  ciTags,
  deployTimeImages,
  imageUses,
  memberCodeRoot,
  pinnedBy,
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
    const ev = (u: ImageUse, note: string): Evidence =>
      setEvidence(
        u.set,
        u.w.source,
        `${u.ref.raw} (${note})`,
        `${u.c.fieldPath}.image`,
      );
    const semver: Evidence[] = [
      ...triggers.map(t =>
        fileEvidence(
          t.path,
          `releases on version tags: ${t.text}`,
          t.line,
          t.line,
        ),
      ),
      ...tags
        .filter(t => t.kind === 'semver')
        .map(t => tagEvidence(ciFiles, t, `CI pushes version tag ${t.tag}`)),
      ...deployed
        .filter(u => u.kind === 'semver')
        .map(u => ev(u, 'semantic version deployed')),
    ];
    const sha: Evidence[] = [
      ...tags
        .filter(t => t.kind === 'sha')
        .map(t => tagEvidence(ciFiles, t, `CI pushes commit tag ${t.tag}`)),
      ...deployed
        .filter(
          u =>
            u.kind === 'sha' ||
            u.kind === 'digest' ||
            u.kind === 'version' ||
            u.kind === 'deploy-time',
        )
        .map(u => ev(u, `${pinnedBy(u)} deployed`)),
    ];
    const latest: Evidence[] = [
      ...tags
        .filter(t => t.kind === 'latest')
        .map(t => tagEvidence(ciFiles, t, `CI pushes ${t.tag}`)),
      ...deployed
        .filter(
          u =>
            u.kind === 'latest' ||
            u.kind === 'untagged' ||
            u.kind === 'floating',
        )
        .map(u => ev(u, `${u.kind} deployed`)),
    ];
    if (semver.length && !latest.length) {
      return {
        verdict: 'pass',
        summary:
          'Releases carry semantic versions (version tags in CI and in the deployed manifests)',
        evidence: capEvidence([...semver, ...sha]),
      };
    }
    const remediation = {
      text: 'Cut releases from version tags (vX.Y.Z): CI builds on the tag, pushes :vX.Y.Z (and the commit SHA), and the overlays deploy that tag; stop pushing and deploying :latest.',
      snippet: pipelineSnippet(facts, entity, ci.files[0]?.system),
    };
    if (semver.length || sha.length) {
      const what = semver.length ? 'semantic versions' : 'commit-SHA tags';
      return {
        verdict: 'partial',
        summary: latest.length
          ? `Releases have ${what}, but :latest is also pushed or deployed`
          : `Releases are identified by ${what} only; no semantic version`,
        evidence: capEvidence([...latest, ...semver, ...sha]),
        remediation,
      };
    }
    return {
      verdict: 'fail',
      summary: latest.length
        ? 'No release identifier: only :latest (or untagged) images are pushed and deployed'
        : 'No release identifier: CI tags no image and no manifest names a version',
      evidence: capEvidence(latest),
      remediation,
    };
  },
};
