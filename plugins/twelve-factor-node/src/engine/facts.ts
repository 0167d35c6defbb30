import type { EngineMessage } from '@internal/plugin-twelve-factor-common';

/*
 * Typed facts. A fact is a small, typed piece of knowledge derived from raw
 * material (a repository snapshot, cluster objects). Checks ask for facts by
 * ref; when a fact cannot be derived the check becomes `unknown` with the
 * reason, without each check having to handle it.
 */

/** A typed handle on a fact. @public */
export interface FactRef<T> {
  readonly id: string;
  /** Phantom field carrying the fact's type; never set at run time. */
  readonly $$type?: T;
}

/** Creates a fact ref. @public */
export function createFactRef<T>(options: { id: string }): FactRef<T> {
  return { id: options.id };
}

/**
 * Thrown when a fact (or a check) cannot be decided from the material at
 * hand. The engine turns it into an `unknown` verdict with this reason.
 * @public
 */
export class UnknownVerdictError extends Error {
  readonly name = 'UnknownVerdictError';

  /**
   * @param message - the reason, in English
   * @param msg - the reason as a message, for other languages (see unknownBecause)
   */
  constructor(message: string, readonly msg?: EngineMessage) {
    super(message);
  }
}

/** Read access to facts, for checks. @public */
export interface FactReader {
  /** The fact's value; throws UnknownVerdictError when it cannot be derived. */
  get<T>(ref: FactRef<T>): T;
  /** The fact's value, or undefined when it cannot be derived. */
  tryGet<T>(ref: FactRef<T>): T | undefined;
}
