/**
 * State shared by one render: the snapshot it reads, the diagnostics it
 * collects and the remote references it skipped. Nothing here throws;
 * problems are reported and the render goes on with what it has.
 */
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import type { RepoSnapshot } from '../sources/RepoSnapshot';

export class RenderContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly skippedRemote: string[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly snapshot: RepoSnapshot) {}

  /** Adds a diagnostic (once: bases shared by several overlays repeat their problems). */
  report(level: Diagnostic['level'], message: string, path?: string): void {
    const key = `${level}|${path ?? ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(
      path === undefined
        ? { level, source: 'kustomize', message }
        : { level, source: 'kustomize', message, path },
    );
  }

  remote(ref: string, path: string): void {
    if (!this.skippedRemote.includes(ref)) this.skippedRemote.push(ref);
    this.report(
      'warning',
      `Remote reference '${ref}' not fetched; its resources are missing from the render`,
      path,
    );
  }
}
