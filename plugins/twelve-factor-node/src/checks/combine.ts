import type { FactReader } from '../engine/facts';
import { mergeParts } from './messages';
import type {
  CheckContext,
  CheckOutcome,
  TwelveFactorCheck,
} from '../engine/types';

const SEVERITY = ['fail', 'partial', 'unknown', 'pass'] as const;

/** `kubernetes/overlays/dev: …` or `dev, prd: …`: what a set's summary starts with. */
const LABELLED = /^([^\s:;,]+(?:, [^\s:;,]+)*): (.+)$/s;

/**
 * Summaries that say the same of several sets (deploy targets, clusters,
 * Dockerfiles) once, with the sets listed: `dev: no HPA; prd: no HPA`
 * becomes `dev, prd: no HPA`. Order is kept; a summary without a label, or
 * with a finding of its own, stays as it is.
 */
export function mergeLabelled(summaries: ReadonlyArray<string>): string[] {
  const out: Array<{ labels: string[]; text: string } | string> = [];
  const byText = new Map<string, { labels: string[]; text: string }>();
  for (const summary of summaries) {
    const m = LABELLED.exec(summary);
    if (!m) {
      out.push(summary);
      continue;
    }
    const [, labels, text] = m;
    const existing = byText.get(text);
    if (existing) {
      for (const l of labels.split(', '))
        if (!existing.labels.includes(l)) existing.labels.push(l);
      continue;
    }
    const entry = { labels: labels.split(', '), text };
    byText.set(text, entry);
    out.push(entry);
  }
  return out.map(e =>
    typeof e === 'string' ? e : `${e.labels.join(', ')}: ${e.text}`,
  );
}

/**
 * Combines the outcomes of judging several things (Dockerfiles, deploy
 * targets, clusters): the worst verdict wins, with the summaries of the
 * outcomes that have it, every outcome's evidence, and the first remediation.
 */
export function worstOf(outcomes: ReadonlyArray<CheckOutcome>): CheckOutcome {
  if (outcomes.length === 0)
    throw new Error('worstOf needs at least one outcome');
  // Plain loops, no spreads: every check combines its sets through here.
  let rank: number = SEVERITY.length;
  for (const o of outcomes) {
    const r = SEVERITY.indexOf(o.verdict as (typeof SEVERITY)[number]);
    if (r !== -1 && r < rank) rank = r;
  }
  const worst = SEVERITY[rank];
  const evidence: NonNullable<CheckOutcome['evidence']> = [];
  const summaries: string[] = [];
  const summaryMsgs: Array<CheckOutcome['summaryMsg']> = [];
  let remediation: CheckOutcome['remediation'];
  const reasons: string[] = [];
  const reasonMsgs: Array<CheckOutcome['reasonMsg']> = [];
  for (const o of outcomes) {
    if (o.evidence) for (const e of o.evidence) evidence.push(e);
    if (o.verdict !== worst) continue;
    if (!summaries.includes(o.summary)) summaries.push(o.summary);
    summaryMsgs.push(o.summaryMsg);
    remediation ??= o.remediation;
    if (worst === 'unknown') {
      reasons.push(o.reason ?? o.summary);
      reasonMsgs.push(o.reason ? o.reasonMsg : o.summaryMsg);
    }
  }
  const combined: CheckOutcome = {
    verdict: worst,
    summary: mergeLabelled(summaries).join('; '),
    evidence,
  };
  // Messages only when every part has one: a half-translated finding reads worse than English.
  const summaryMsg = mergeParts(summaryMsgs);
  if (summaryMsg) combined.summaryMsg = summaryMsg;
  if (remediation) combined.remediation = remediation;
  if (worst === 'unknown') {
    combined.reason = reasons.join('; ');
    const reasonMsg = mergeParts(reasonMsgs);
    if (reasonMsg) combined.reasonMsg = reasonMsg;
  }
  return combined;
}

/**
 * A check's evaluate, run once per scan (per fact reader, which is per
 * scan). For checks whose judgement a second row of the catalog repeats
 * under its own id (f8-concurrency.hpa and cn-scalability.horizontal): the
 * second row gets the first one's outcome instead of judging every set again.
 * Each caller gets its own copy of the outcome (and of its evidence list),
 * so that what the engine does with one row cannot touch the other.
 */
export function oncePerScan(
  evaluate: TwelveFactorCheck['evaluate'],
): (ctx: CheckContext) => CheckOutcome | Promise<CheckOutcome> {
  const done = new WeakMap<
    FactReader,
    { outcome: CheckOutcome | Promise<CheckOutcome> } | { error: unknown }
  >();
  const copy = (o: CheckOutcome): CheckOutcome => ({
    ...o,
    ...(o.evidence ? { evidence: [...o.evidence] } : {}),
  });
  return ctx => {
    let slot = done.get(ctx.facts);
    if (!slot) {
      try {
        slot = { outcome: evaluate(ctx) };
      } catch (error) {
        slot = { error };
      }
      done.set(ctx.facts, slot);
    }
    if ('error' in slot) throw slot.error;
    return slot.outcome instanceof Promise
      ? slot.outcome.then(copy)
      : copy(slot.outcome);
  };
}
