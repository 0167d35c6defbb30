import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { FactReader, FactRef, UnknownVerdictError } from './facts';
import type { FactExtractor, ScanInput } from './types';
import { errorDetail, said } from './diagnostic';
import { unknownBecause } from './unknownReason';

type Slot =
  | { done: true; value: unknown }
  | { done: true; error: UnknownVerdictError }
  | { done: false };

/**
 * Computes facts on first use and remembers them (values and failures), so
 * every extractor runs at most once per scan, and only if some check needs it.
 */
export class FactStore implements FactReader {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly extractors: ReadonlyMap<string, FactExtractor<unknown>>,
    private readonly input: ScanInput,
    private readonly diagnostics: Diagnostic[],
  ) {}

  get<T>(ref: FactRef<T>): T {
    const slot = this.slots.get(ref.id);
    if (slot?.done) {
      if ('error' in slot) throw slot.error;
      return slot.value as T;
    }
    if (slot && !slot.done) {
      throw new Error(`Fact cycle through '${ref.id}'`);
    }
    const extractor = this.extractors.get(ref.id);
    if (!extractor) {
      throw new Error(`No extractor registered for fact '${ref.id}'`);
    }
    this.slots.set(ref.id, { done: false });
    try {
      const value = extractor.extract({
        input: this.input,
        facts: this,
        report: d => this.diagnostics.push(d),
      });
      this.slots.set(ref.id, { done: true, value });
      return value as T;
    } catch (e) {
      const error =
        e instanceof UnknownVerdictError
          ? e
          : unknownBecause('unknown.fact-failed', {
              fact: ref.id,
              ...errorDetail(e),
            });
      if (!(e instanceof UnknownVerdictError)) {
        this.diagnostics.push({
          level: 'error',
          source: `fact:${ref.id}`,
          ...said('diagnostic.fact.failed', errorDetail(e)),
        });
      }
      this.slots.set(ref.id, { done: true, error });
      throw error;
    }
  }

  tryGet<T>(ref: FactRef<T>): T | undefined {
    try {
      return this.get(ref);
    } catch (e) {
      if (e instanceof UnknownVerdictError) return undefined;
      throw e;
    }
  }
}
