import type { Waiver } from '@internal/plugin-twelve-factor-common';
import { parse } from 'yaml';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import { firstLineOf, said, type EngineDiagnostic } from '../engine/diagnostic';

/** The waiver file at the repository root. @public */
export const WAIVER_FILE = '.twelve-factor.yaml';

/**
 * Reads `.twelve-factor.yaml`:
 *
 * ```yaml
 * waivers:
 *   - check: f10-dev-prod-parity.staging
 *     reason: "We run dev and prd only: the service is small."
 *     expires: 2027-06-30
 * ```
 *
 * Malformed entries are reported and skipped; a waiver without a reason is
 * refused, since a waiver must say why.
 * @public
 */
export function readWaivers(
  repo: RepoSnapshot | undefined,
  knownChecks: { has(id: string): boolean },
  codeRoot?: string,
): { waivers: Waiver[]; diagnostics: Diagnostic[] } {
  const atRoot = readWaiverFile(repo, knownChecks, '');
  if (!codeRoot) return atRoot;
  // A monorepo member's own file (src/cart/.twelve-factor.yaml) comes after the root's: it wins per check.
  const own = readWaiverFile(repo, knownChecks, `${codeRoot}/`);
  return {
    waivers: [...atRoot.waivers, ...own.waivers],
    diagnostics: [...atRoot.diagnostics, ...own.diagnostics],
  };
}

function readWaiverFile(
  repo: RepoSnapshot | undefined,
  knownChecks: { has(id: string): boolean },
  dir: string,
): { waivers: Waiver[]; diagnostics: EngineDiagnostic[] } {
  const diagnostics: EngineDiagnostic[] = [];
  const file = `${dir}${WAIVER_FILE}`;
  const text = repo?.read(file) ?? repo?.read(`${dir}.twelve-factor.yml`);
  if (text === undefined) return { waivers: [], diagnostics };
  let doc: any;
  try {
    doc = parse(text);
  } catch (e) {
    diagnostics.push({
      level: 'error',
      source: 'waivers',
      path: file,
      ...said('diagnostic.waivers.malformed', { detail: firstLineOf(e) }),
    });
    return { waivers: [], diagnostics };
  }
  const waivers: Waiver[] = [];
  const entries = Array.isArray(doc?.waivers) ? doc.waivers : [];
  entries.forEach((w: any, i: number) => {
    if (!w || typeof w.check !== 'string') {
      diagnostics.push({
        level: 'warning',
        source: 'waivers',
        path: file,
        ...said('diagnostic.waivers.check-missing', { index: i }),
      });
      return;
    }
    if (!knownChecks.has(w.check)) {
      diagnostics.push({
        level: 'warning',
        source: 'waivers',
        path: file,
        ...said('diagnostic.waivers.unknown-check', {
          index: i,
          check: w.check,
        }),
      });
      return;
    }
    if (typeof w.reason !== 'string' || !w.reason.trim()) {
      diagnostics.push({
        level: 'warning',
        source: 'waivers',
        path: file,
        ...said('diagnostic.waivers.reason-missing', { index: i }),
      });
      return;
    }
    // YAML reads an unquoted 2027-06-30 as a date.
    let expires: string | undefined;
    if (w.expires instanceof Date)
      expires = w.expires.toISOString().slice(0, 10);
    else if (w.expires !== undefined) expires = String(w.expires);
    if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      diagnostics.push({
        level: 'warning',
        source: 'waivers',
        path: file,
        ...said('diagnostic.waivers.bad-expiry', { index: i }),
      });
      return;
    }
    waivers.push({
      check: w.check,
      reason: w.reason.trim(),
      ...(expires ? { expires } : {}),
      source: file,
      origin: 'repository',
    });
  });
  return { waivers, diagnostics };
}
