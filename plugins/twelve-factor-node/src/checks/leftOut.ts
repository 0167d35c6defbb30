/*
 * Saying what was left out. The manifests and local-dev facts set aside
 * material that is not the service's own (facts/ancillary.ts); every check
 * that judges from those facts names it in its evidence, e.g. "left out:
 * otel/collector.yaml (local observability stack)", so that a reader sees
 * what was not counted and can disagree.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../engine/types';
import { leftOutNotes, type LeftOut } from '../facts/ancillary';
import { localDevFactRef } from '../facts/localDev';
import { configLiteralsFactRef } from '../facts/configLiterals';
import { manifestsFactRef } from '../facts/manifests/extractor';
import { repoAddressesFactRef } from '../facts/repoAddresses';
import { finding } from './messages';
import { perObject } from './memo';

/** Which facts' left-out material a check reads. */
export type LeftOutSource = 'manifests' | 'local-dev' | 'addresses' | 'config';

/**
 * Checks that judge from the local set-up (compose files, env files, dev
 * tools) as well as, or instead of, the manifests.
 */
const LOCAL_DEV_CHECKS = new Set([
  'f1-codebase.one-app-one-repo',
  'f4-backing-services.external-db',
  'f4-backing-services.cache-separate',
  'f4-backing-services.urls-from-env',
  'f4-backing-services.swappable',
  'f10-dev-prod-parity.same-stack',
  'f10-dev-prod-parity.same-database',
  'f10-dev-prod-parity.container-dev',
  'f10-dev-prod-parity.staging',
  'f10-dev-prod-parity.env-overlays',
  'cn-scalability.database',
  'cn-scalability.cache',
]);

/** Checks that read the addresses written in the repository's configuration. */
const ADDRESS_CHECKS = new Set([
  'cn-orchestration.service-discovery',
  'cn-scalability.database',
  'cn-scalability.cache',
]);

/** Checks whose verdict never depends on the repository's Kubernetes objects (a snippet may still name an image). */
const NO_MANIFESTS = new Set([
  'f1-codebase.version-control',
  'f1-codebase.one-app-one-repo',
  'f5-build-release-run.build-stage',
  'f5-build-release-run.ci-pipeline',
  'f11-logs.stdout',
  'f11-logs.structured',
  'f11-logs.runtime-level',
  'cn-containerization.containerized',
  'cn-containerization.multi-stage',
  'cn-containerization.non-root-user',
  'cn-containerization.minimal-base',
  'cn-security.image-scanning',
  'cn-cicd.automated-build',
]);

/** The left-out material a check reads, by its id and area. */
export function leftOutSources(id: string): LeftOutSource[] {
  const area = id.split('.')[0];
  // Dependencies are read from manifests of their own.
  if (area === 'f2-dependencies') return [];
  const sources: LeftOutSource[] = [];
  // Configuration is read from the repository's files as well as its manifests.
  if (area === 'f3-config') sources.push('config');
  if (!NO_MANIFESTS.has(id)) sources.push('manifests');
  if (LOCAL_DEV_CHECKS.has(id)) sources.push('local-dev');
  if (ADDRESS_CHECKS.has(id)) sources.push('addresses');
  return sources;
}

/** The evidence notes of one scan's left-out material, per source, made once per scan. */
const notesOf = perObject((facts: FactReader) => {
  const notes = new Map<LeftOutSource, Evidence[]>();
  const add = (source: LeftOutSource, leftOut: LeftOut[] | undefined) => {
    if (!leftOut?.length) return;
    notes.set(
      source,
      leftOutNotes(leftOut).map(n => ({
        type: 'file' as const,
        path: n.path,
        note: n.note,
        ...(n.noteMsg ? { noteMsg: n.noteMsg } : {}),
      })),
    );
  };
  add('manifests', facts.tryGet(manifestsFactRef)?.leftOut);
  add('local-dev', facts.tryGet(localDevFactRef)?.leftOut);
  add('config', facts.tryGet(configLiteralsFactRef)?.leftOut);
  // Not every engine registers the addresses fact.
  try {
    add('addresses', facts.tryGet(repoAddressesFactRef)?.leftOut);
  } catch {
    // No extractor for it: nothing was read, so nothing was left out.
  }
  return notes;
});

function withNotes(
  outcome: CheckOutcome,
  facts: FactReader,
  sources: LeftOutSource[],
): CheckOutcome {
  const all = notesOf(facts);
  if (all.size === 0) return outcome;
  const extra: Evidence[] = [];
  const seen = new Set<string>();
  for (const s of sources)
    for (const e of all.get(s) ?? [])
      if (e.note && !seen.has(e.note)) {
        seen.add(e.note);
        extra.push({ ...e });
      }
  if (extra.length === 0) return outcome;
  return { ...outcome, evidence: [...(outcome.evidence ?? []), ...extra] };
}

/**
 * The check, with the left-out material of the facts it reads added to its
 * evidence (an `unknown` it throws becomes an outcome, so that the note is
 * kept there too).
 */
export function withLeftOutEvidence(
  check: TwelveFactorCheck,
): TwelveFactorCheck {
  const sources = leftOutSources(check.id);
  if (sources.length === 0) return check;
  const evaluate = check.evaluate;
  return {
    ...check,
    evaluate(ctx) {
      let outcome: ReturnType<TwelveFactorCheck['evaluate']>;
      try {
        outcome = evaluate.call(check, ctx);
      } catch (e) {
        if (
          !(e instanceof UnknownVerdictError) ||
          notesOf(ctx.facts).size === 0
        )
          throw e;
        outcome = {
          verdict: 'unknown',
          ...finding('engine.cannot-decide'),
          reason: e.message,
          ...(e.msg ? { reasonMsg: [e.msg] } : {}),
        };
      }
      return outcome instanceof Promise
        ? outcome.then(o => withNotes(o, ctx.facts, sources))
        : withNotes(outcome, ctx.facts, sources);
    },
  };
}
