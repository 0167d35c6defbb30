import {
  builtInChecks,
  CheckDefinition,
  CheckResult,
  computeScores,
  Diagnostic,
  getArea,
  Scorecard,
  Waiver,
} from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from './facts';
import { FactStore } from './FactStore';
import type {
  CheckOutcome,
  FactExtractor,
  ScanInput,
  TwelveFactorCheck,
} from './types';
import { applyWaivers } from './waivers';
import { withUnknownCause } from './unknownCauses';
import { entityRefOf } from './entityRef';
import { readWaivers } from '../facts/waivers';
import { applyClusterGaps } from './clusterGaps';
import { addDriftEvidence } from './driftEvidence';
import { driftFactRef } from '../facts/drift';
import { scanRedactor } from './scanRedactor';
import { scopeDiagnostics, scopeScanInput } from '../sources/scope';
import { errorDetail, said } from './diagnostic';

/** What the engine is built from. @public */
export interface TwelveFactorEngineOptions {
  /** Check implementations; ids of the built-in catalog without one report `unknown`. */
  checks: ReadonlyArray<TwelveFactorCheck>;
  extractors: ReadonlyArray<FactExtractor<any>>;
}

/** Options of one evaluation. @public */
export interface EvaluateOptions {
  /** Waivers from outside the repository; the repository's `.twelve-factor.yaml` is read too and wins per check. */
  waivers?: ReadonlyArray<Waiver>;
  /** The scan time; defaults to now. */
  now?: Date;
  /** Diagnostics gathered before evaluation (e.g. while loading the repository). */
  diagnostics?: ReadonlyArray<Diagnostic>;
}

/**
 * The remediation as plain data. A snippet's content may be computed on
 * first read (lazySnippet in checks/snippets.ts); copying it here, inside the
 * check's try block, writes it once for the remediation that is kept, and a
 * failure to write it fails the check as it would have while evaluating.
 */
function plainRemediation(
  docsUrl: string,
  remediation: NonNullable<CheckOutcome['remediation']>,
): CheckResult['remediation'] {
  const plain = { docsUrl, ...remediation };
  // Assigned after the spread, the copy keeps the snippet's place among the fields.
  if (remediation.snippet) plain.snippet = { ...remediation.snippet };
  return plain;
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return typeof (v as PromiseLike<T> | undefined)?.then === 'function';
}

const NOT_YET_ANALYSED =
  'Not yet analysed: this version of the engine has no implementation for this check.';

/**
 * Runs checks over facts and assembles the scorecard. One engine serves many
 * scans; it holds no per-scan state.
 * @public
 */
export class TwelveFactorEngine {
  private readonly definitions: CheckDefinition[];
  private readonly definitionById: Map<string, CheckDefinition>;
  private readonly implementations: Map<string, TwelveFactorCheck>;
  private readonly extractors: Map<string, FactExtractor<unknown>>;

  constructor(options: TwelveFactorEngineOptions) {
    this.definitions = [...builtInChecks];
    this.definitionById = new Map(this.definitions.map(d => [d.id, d]));
    this.implementations = new Map();
    for (const check of options.checks) {
      if (this.implementations.has(check.id)) {
        throw new Error(`Check '${check.id}' is registered twice`);
      }
      if (!this.definitionById.has(check.id)) {
        if (!check.definition) {
          throw new Error(
            `Check '${check.id}' is not in the catalog and brings no definition`,
          );
        }
        if (!getArea(check.definition.area)) {
          throw new Error(
            `Check '${check.id}' names unknown area '${check.definition.area}'`,
          );
        }
        const def = { ...check.definition, id: check.id };
        this.definitions.push(def);
        this.definitionById.set(def.id, def);
      }
      this.implementations.set(check.id, check);
    }
    this.extractors = new Map();
    for (const ex of options.extractors) {
      if (this.extractors.has(ex.ref.id)) {
        throw new Error(`Fact '${ex.ref.id}' has two extractors`);
      }
      this.extractors.set(ex.ref.id, ex);
    }
  }

  /** Every check the engine reports on: the built-in catalog, then custom checks. */
  checkDefinitions(): ReadonlyArray<CheckDefinition> {
    return this.definitions;
  }

  /** The weight of a check id. */
  readonly weightOf = (id: string): number | undefined =>
    this.definitionById.get(id)?.weight;

  async evaluate(
    given: ScanInput,
    options: EvaluateOptions = {},
  ): Promise<Scorecard> {
    const now = options.now ?? new Date();
    const diagnostics: Diagnostic[] = [...(options.diagnostics ?? [])];
    // A monorepo member: every fact sees the repository without the other services' folders.
    const { input, scope } = scopeScanInput(given);
    if (scope) diagnostics.push(...scopeDiagnostics(scope));
    const facts = new FactStore(this.extractors, input, diagnostics);
    const ctx = { entity: input.entity, facts };

    const results: CheckResult[] = [];
    const scanned = {
      repository: !!input.repo,
      clusters: !!input.clusters?.length,
    };
    for (const def of this.definitions) {
      const run = this.runOne(def, ctx, diagnostics);
      // Built-in checks are synchronous: awaiting only real promises spares a microtask turn per check.
      const result = isThenable(run) ? await run : run;
      results.push(
        withUnknownCause(
          applyClusterGaps(result, def, input.clusters),
          def,
          scanned,
        ),
      );
    }
    // Drift needs both sides; without them there is simply no drift section.
    const drift =
      input.repo && input.clusters?.length
        ? facts.tryGet(driftFactRef)?.targets
        : undefined;
    const withDrift = drift ? addDriftEvidence(results, drift) : results;
    const fromRepo = readWaivers(
      input.repo,
      this.definitionById,
      scope?.codeRoot,
    );
    diagnostics.push(...fromRepo.diagnostics);
    const waived = applyWaivers(
      withDrift,
      [...(options.waivers ?? []), ...fromRepo.waivers],
      now,
    );
    const scores = computeScores(waived, this.weightOf);
    // Every output passes the scan's one redaction step: no credential value leaves the engine.
    return scanRedactor(input, facts).scorecard({
      entityRef: entityRefOf(input.entity),
      generatedAt: now.toISOString(),
      overall: scores.overall,
      groups: scores.groups,
      areas: scores.areas,
      results: waived,
      diagnostics,
      ...(drift ? { drift } : {}),
      inputs: {
        repository: scanned.repository,
        clusters: (input.clusters ?? []).map(c => c.name),
      },
    });
  }

  private runOne(
    def: CheckDefinition,
    ctx: Parameters<TwelveFactorCheck['evaluate']>[0],
    diagnostics: Diagnostic[],
  ): CheckResult | Promise<CheckResult> {
    const impl = this.implementations.get(def.id);
    if (!impl) {
      return {
        checkId: def.id,
        area: def.area,
        verdict: 'unknown',
        needs: 'implementation',
        summary: 'Not yet analysed',
        summaryMsg: [{ id: 'engine.not-analysed' }],
        reason: NOT_YET_ANALYSED,
        reasonMsg: [{ id: 'engine.not-analysed-reason' }],
        evidence: [],
      };
    }
    try {
      const outcome = impl.evaluate(ctx);
      if (isThenable(outcome)) {
        return Promise.resolve(outcome).then(
          o => this.toResult(def, o, diagnostics),
          e => this.failedResult(def, e, diagnostics),
        );
      }
      return this.toResult(def, outcome, diagnostics);
    } catch (e) {
      return this.failedResult(def, e, diagnostics);
    }
  }

  /** A check's outcome as a result; writing the kept snippet may still fail, which fails the check. */
  private toResult(
    def: CheckDefinition,
    outcome: CheckOutcome,
    diagnostics: Diagnostic[],
  ): CheckResult {
    try {
      if (outcome.verdict === 'unknown' && !outcome.reason) {
        outcome.reason = outcome.summary;
        if (outcome.summaryMsg) outcome.reasonMsg = outcome.summaryMsg;
      }
      const { verdict, summary, summaryMsg, reason, reasonMsg } = outcome;
      const evidence = outcome.evidence ?? [];
      // Field order as stored and shown: reason before evidence.
      const result: CheckResult = {
        checkId: def.id,
        area: def.area,
        verdict,
        summary,
        ...(summaryMsg ? { summaryMsg } : {}),
        ...(reason ? { reason } : {}),
        ...(reason && reasonMsg ? { reasonMsg } : {}),
        evidence,
      };
      if (outcome.remediation)
        result.remediation = plainRemediation(def.docsUrl, outcome.remediation);
      return result;
    } catch (e) {
      return this.failedResult(def, e, diagnostics);
    }
  }

  /** The result of a check that threw: unknown, and a diagnostic unless it threw to say it cannot decide. */
  private failedResult(
    def: CheckDefinition,
    e: unknown,
    diagnostics: Diagnostic[],
  ): CheckResult {
    const base = { checkId: def.id, area: def.area };
    if (e instanceof UnknownVerdictError) {
      return {
        ...base,
        verdict: 'unknown',
        summary: 'Cannot be decided',
        summaryMsg: [{ id: 'engine.cannot-decide' }],
        reason: e.message,
        ...(e.msg ? { reasonMsg: [e.msg] } : {}),
        evidence: [],
      };
    }
    // A bug in one check must not take the scan down with it.
    diagnostics.push({
      level: 'error',
      source: `check:${def.id}`,
      ...said('diagnostic.check.failed', errorDetail(e)),
    });
    return {
      ...base,
      verdict: 'unknown',
      needs: 'error',
      summary: 'Check failed',
      summaryMsg: [{ id: 'engine.check-failed' }],
      reason: `The check raised an error: ${(e as Error).message}`,
      evidence: [],
    };
  }
}
