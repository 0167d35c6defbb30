import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { ciSystemOf } from './ciFiles';
import { languageOf } from './code/patterns';
import { requireRepo } from './repo';
import { ancillaryReason, type LeftOut } from './ancillary';

/** A network address written literally in a source or configuration file. @public */
export interface AddressMatch {
  path: string;
  line: number;
  /** The line, trimmed and shortened. */
  text: string;
  /** `10.0.142.17`, or a host name such as `db.postgres.database.azure.com`. */
  address: string;
}

/**
 * Network addresses written into the repository's source and configuration
 * files (not its Kubernetes manifests, CI definitions, compose files or
 * local-only env files, which other facts read).
 * @public
 */
export interface RepoAddressesFact {
  /** Literal private IPv4 addresses (10/8, 172.16/12, 192.168/16): cluster, pod or node IPs. */
  privateIps: AddressMatch[];
  /** Host names of URLs and of `*host*`/`*endpoint*`/`*server*` settings. */
  hosts: AddressMatch[];
  /**
   * Files with addresses that are not the service's own (a local
   * observability stack's collector configuration, test fixtures, docs),
   * left out with why.
   */
  leftOut: LeftOut[];
}

/** @public */
export const repoAddressesFactRef = createFactRef<RepoAddressesFact>({
  id: 'repo.addresses',
});

const CONFIG_FILE =
  /\.(properties|ini|cfg|conf|toml|json|ya?ml|xml|env)$|(^|\/)\.env(\.[\w-]+)?$/i;
/** Files that say nothing about how the deployed app addresses its peers. */
const SKIP =
  /(^|\/)(node_modules|vendor|\.git|tests?|__tests__|spec|specs|fixtures|testdata|e2e|examples?|docs?)\/|(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Pipfile\.lock|poetry\.lock|go\.sum|catalog-info\.ya?ml|mkdocs\.ya?ml)$|(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$|(^|\/)\.env\.(local|example|sample|test|template|development)$|(_test\.go|\.test\.[jt]sx?|\.spec\.[jt]sx?|_test\.py|test_[^/]*\.py)$|(^|\/)(tests|conftest)\.py$/i;
const MAX_SIZE = 512 * 1024;

const PRIVATE_IP =
  /(?<![\w.])(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3})(?![\w.]|\/\d)/g;
const URL_HOST =
  /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@'"]*@)?([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])/g;
// Bounded repetitions: a long identifier must not make the match quadratic.
const HOST_SETTING =
  /[\w.-]{0,60}?(?:host|endpoint|server|address|addr)[\w.-]{0,60}["']?\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)/gi;
/** Host patterns in the order their hosts are listed. */
const HOST_PATTERNS = [URL_HOST, HOST_SETTING];
/** What every HOST_SETTING match contains. */
const HOST_WORD = /host|endpoint|server|addr/i;
/** Longer lines are minified code or data, not settings. */
const MAX_LINE = 500;
const COMMENT = /^\s*(#|\/\/|\*|\/\*|<!--|;)/;

function validIp(ip: string): boolean {
  return ip.split('.').every(o => Number(o) <= 255);
}

/** The line as evidence shows it: trimmed and shortened. */
function evidenceText(raw: string): string {
  return raw.trim().slice(0, 160);
}

/*
 * The global patterns below are run with exec from lastIndex 0 rather than
 * matchAll, which copies the RegExp on every call (this runs per line).
 */

function addPrivateIps(
  raw: string,
  path: string,
  line: number,
  fact: RepoAddressesFact,
): void {
  let text: string | undefined;
  PRIVATE_IP.lastIndex = 0;
  for (let m = PRIVATE_IP.exec(raw); m; m = PRIVATE_IP.exec(raw)) {
    if (validIp(m[1]))
      fact.privateIps.push({
        path,
        line,
        text: (text ??= evidenceText(raw)),
        address: m[1],
      });
  }
}

function addHosts(
  raw: string,
  path: string,
  line: number,
  fact: RepoAddressesFact,
): void {
  let text: string | undefined;
  // A host named by both a URL and a setting on the line counts once.
  let seen: Set<string> | undefined;
  for (const re of HOST_PATTERNS) {
    // Each pattern needs a word the line may lack; testing for it first spares the costly scan of most lines.
    if (re === URL_HOST ? !raw.includes('://') : !HOST_WORD.test(raw)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      const host = m[1].toLowerCase();
      seen ??= new Set();
      if (!seen.has(host) && /[a-z]/.test(host))
        fact.hosts.push({
          path,
          line,
          text: (text ??= evidenceText(raw)),
          address: host,
        });
      seen.add(host);
    }
  }
}

/** @public */
export const repoAddressesExtractor: FactExtractor<RepoAddressesFact> = {
  ref: repoAddressesFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const fact: RepoAddressesFact = { privateIps: [], hosts: [], leftOut: [] };
    const files = repo.find(
      p =>
        (languageOf(p) !== undefined || CONFIG_FILE.test(p)) &&
        ciSystemOf(p) === undefined,
    );
    for (const file of files) {
      if (file.text === undefined || file.size > MAX_SIZE) continue;
      // Local observability stacks, tooling, vendored charts, tests and docs: not how the deployed app addresses its peers.
      const ancillary = ancillaryReason(repo, file.path);
      if (ancillary) {
        if (
          CONFIG_FILE.test(file.path) &&
          /:\/\/|\d\.\d+\.\d+\.\d/.test(file.text)
        )
          fact.leftOut.push({ path: file.path, reason: ancillary });
        continue;
      }
      if (SKIP.test(file.path)) continue;
      // Kubernetes manifests are judged from the rendered objects instead.
      if (
        /\.ya?ml$/i.test(file.path) &&
        /^apiVersion:/m.test(file.text) &&
        /^kind:/m.test(file.text)
      )
        continue;
      if (!/\d\.\d|:\/\/|host|endpoint|server|addr/i.test(file.text)) continue;
      const lines = file.text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (raw.length > MAX_LINE || COMMENT.test(raw)) continue;
        if (!/version/i.test(raw)) addPrivateIps(raw, file.path, i + 1, fact);
        addHosts(raw, file.path, i + 1, fact);
      }
    }
    return fact;
  },
};
