/**
 * State shared by one render: the snapshot it reads, the diagnostics it
 * collects and the remote references it skipped. Nothing here throws;
 * problems are reported and the render goes on with what it has.
 */
import type {
  Diagnostic,
  DiagnosticMessageId,
  EngineMessage,
} from '@internal/plugin-twelve-factor-common';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import { said, type EngineDiagnostic } from '../engine/diagnostic';

export class RenderContext {
  readonly diagnostics: EngineDiagnostic[] = [];
  readonly skippedRemote: string[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly snapshot: RepoSnapshot) {}

  /** Adds a diagnostic, said by id (once: bases shared by several overlays repeat their problems). */
  report(
    level: Diagnostic['level'],
    id: DiagnosticMessageId,
    params?: EngineMessage['params'],
    path?: string,
  ): void {
    const { message, messageMsg } = said(id, params);
    const key = `${level}|${path ?? ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(
      path === undefined
        ? { level, source: 'kustomize', message, messageMsg }
        : { level, source: 'kustomize', message, messageMsg, path },
    );
  }

  remote(ref: string, path: string): void {
    if (!this.skippedRemote.includes(ref)) this.skippedRemote.push(ref);
    this.report('warning', 'diagnostic.kustomize.remote', { ref }, path);
  }
}
