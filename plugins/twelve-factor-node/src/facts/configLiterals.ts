/*
 * Configuration as written in the repository: which files carry settings,
 * for which environment, and the literal addresses (URLs, hosts, IPs) and
 * credentials they hold, each with its file and line. The scan is line based
 * (no parsing), so it is cheap enough for every repository, and the checks
 * can point at the exact line to change. Values of credentials are never
 * kept, only where they are.
 */
import {
  createFactRef,
  UnknownVerdictError,
  type FactReader,
} from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { basename, dirname } from '../sources/RepoSnapshot';
import { ciSystemOf } from './ciFiles';
import { isDockerfileName } from './dockerfile/extractor';
import { splitLines } from './splitLines';
import { endsWithOneOf } from './endsWithOneOf';
import { ancillaryReason, type LeftOut } from './ancillary';
import {
  isCredentialName,
  isCredentialValueFor,
  isFilePath,
  isReference,
} from '../credentials/names';
import {
  credentialShapeOf,
  mayHoldCredentialShape,
  type CredentialShape,
} from '../credentials/shapes';
import { clientTechOf, findClientAddress } from './code/clientAddresses';
import { requireRepo } from './repo';
import { unknownBecause } from '../engine/unknownReason';
import { scopeOf } from '../sources/scope';
import { scopeConfigLiterals } from './monorepo/configLiterals';

/** What a file is to the running service. @public */
export type ConfigFileRole =
  /** Application code (py, js/ts, go, java/kt). */
  | 'source'
  /** Settings files baked into the image (application.properties, config.yaml, *.ini, *.toml, appsettings.json). */
  | 'app-config'
  /** Kubernetes manifests, kustomizations and Helm values. */
  | 'manifest'
  /** `.env` and `.env.<env>` files. */
  | 'env-file'
  /** docker compose files (local development). */
  | 'compose'
  /** ENV/ARG lines of a Dockerfile. */
  | 'dockerfile';

/** A file that holds configuration. @public */
export interface ConfigFileInfo {
  path: string;
  role: ConfigFileRole;
  /** Normalised environment the file is for (dev, staging, prod, qa, uat, test, preprod, local); absent: shared by all. */
  environment?: string;
  /** A developer-laptop file (compose, `.env`, `.env.local`, `.env.development`, `*-local.*` profiles), never deployed. */
  local: boolean;
  /** Settings files: how many keys hold literal values and how many are `${VAR}` placeholders. */
  settings?: { literal: number; placeholder: number };
  /** Kustomizations: the per-target configuration fields they set (configMapGenerator, secretGenerator, patches, …). */
  kustomizeConfig?: string[];
}

/** A literal address found in configuration or code. @public */
export interface ConfigLiteral {
  path: string;
  /** 1-based line. */
  line: number;
  role: ConfigFileRole;
  environment?: string;
  local: boolean;
  /** The setting it is assigned to, when the line names one (`DATABASE_URL`, `spring.datasource.url`, an env entry's name). */
  key?: string;
  kind: 'url' | 'ip' | 'host';
  /** The literal as written, with any password replaced by `***`. */
  value: string;
  host: string;
  /** URL scheme in lower case, `jdbc:` prefix removed. */
  scheme?: string;
  /** For IPv4 hosts. */
  ipClass?: IpClass;
  /** The line also reads the environment (`os.getenv(…, default)`, `${VAR:default}`, `process.env.X ??`). */
  envOverride: boolean;
}

/** A credential written as a literal. The value is never kept. @public */
export interface ConfigCredential {
  path: string;
  line: number;
  role: ConfigFileRole;
  environment?: string;
  local: boolean;
  /** The setting's name, the URL's key for `user:pass@` URLs, or the shape's name. */
  key: string;
  /** assignment: a credential-named setting; url: a password in a URL; shape: a value shaped like a credential (a PEM key, a token). */
  form: 'assignment' | 'url' | 'shape';
  shape?: CredentialShape;
}

/** @public */
export interface ConfigLiteralsFact {
  files: ConfigFileInfo[];
  literals: ConfigLiteral[];
  credentials: ConfigCredential[];
  /**
   * Lines of manifests where an env-style setting (`- name: DATABASE_URL`,
   * `REDIS_URL: …`, `- LOG_LEVEL=…`) is written, so that evidence about a
   * rendered object can point at the line instead of the document.
   */
  keyLines: Array<{ path: string; key: string; line: number }>;
  /** Configuration files that are not the service's own (fixtures, docs, local observability stacks…), not read, with why. */
  leftOut?: LeftOut[];
}

/** The line of a manifest where an env-style setting is written, if the scan saw it. @public */
export function keyLine(
  fact: ConfigLiteralsFact | undefined,
  path: string,
  key: string,
): number | undefined {
  return fact?.keyLines.find(k => k.path === path && k.key === key)?.line;
}

/** @public */
export const configLiteralsFactRef = createFactRef<ConfigLiteralsFact>({
  id: 'repo.config-literals',
});

/**
 * The fact for a check. Until the extractor is registered with the engine the
 * checks that need it say so (unknown) instead of failing.
 */
export function getConfigLiterals(facts: FactReader): ConfigLiteralsFact {
  try {
    return facts.get(configLiteralsFactRef);
  } catch (e) {
    if (
      e instanceof Error &&
      !(e instanceof UnknownVerdictError) &&
      /No extractor registered/.test(e.message)
    ) {
      throw unknownBecause('unknown.fact-not-registered', {
        fact: configLiteralsFactRef.id,
      });
    }
    throw e;
  }
}

/** The fact, or undefined when it cannot be derived (for checks that only use it to sharpen evidence). */
export function tryConfigLiterals(
  facts: FactReader,
): ConfigLiteralsFact | undefined {
  try {
    return getConfigLiterals(facts);
  } catch (e) {
    if (e instanceof UnknownVerdictError) return undefined;
    throw e;
  }
}

/** IPv4 address classes. @public */
export type IpClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'unspecified'
  | 'link-local'
  | 'reserved';

/** Classifies a dotted IPv4 address. @public */
export function ipClassOf(ip: string): IpClass | undefined {
  // Anything but four dot-separated parts is no address; checked without splitting (this runs for every host seen).
  let dots = 0;
  for (
    let i = ip.indexOf('.');
    i !== -1 && dots <= 3;
    i = ip.indexOf('.', i + 1)
  )
    dots++;
  if (dots !== 3) return undefined;
  const o = ip.split('.').map(Number);
  if (o.length !== 4 || o.some(n => !Number.isInteger(n) || n < 0 || n > 255))
    return undefined;
  const [a, b] = o;
  if (o.every(n => n === 0)) return 'unspecified';
  if (a === 127) return 'loopback';
  if (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
    return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224) return 'reserved';
  return 'public';
}

/** A Map, not an object literal: a token such as `constructor` must not find Object.prototype's members. */
const ENV_ALIASES = new Map<string, string>(
  Object.entries({
    prod: 'prod',
    prd: 'prod',
    production: 'prod',
    staging: 'staging',
    stage: 'staging',
    stg: 'staging',
    dev: 'dev',
    develop: 'dev',
    development: 'dev',
    qa: 'qa',
    uat: 'uat',
    test: 'test',
    testing: 'test',
    preprod: 'preprod',
    preproduction: 'preprod',
    local: 'local',
  }),
);

/** The normalised environment a name stands for (`production` → `prod`, `stg` → `staging`), if any. @public */
export function normalizeEnvironment(name: string): string | undefined {
  return ENV_ALIASES.get(name.toLowerCase());
}

/**
 * The environment the first alias token of a name stands for. Tokens are
 * separated by `.` and `-`, and by `_` when `underscore`. Split by hand: a
 * regex split builds a new RegExp on every call, and this runs for every
 * configuration file and every address.
 */
function environmentToken(
  name: string,
  underscore: boolean,
  skipLocal: boolean,
): string | undefined {
  const lower = name.toLowerCase();
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x2e;
    if (
      c !== 0x2e /* . */ &&
      c !== 0x2d /* - */ &&
      !(underscore && c === 0x5f) /* _ */
    )
      continue;
    const env = ENV_ALIASES.get(lower.slice(start, i));
    if (env && !(skipLocal && env === 'local')) return env;
    start = i + 1;
  }
  return undefined;
}

/** The environment a hostname names in one of its labels (`cdn-prod.example.com` → prod); `local` never counts. @public */
export function hostEnvironment(host: string): string | undefined {
  return environmentToken(host, false, true);
}

/** The environment a name (namespace, folder) stands for by one of its `-`/`_`/`.` separated tokens. @public */
export function environmentOfName(name: string): string | undefined {
  return environmentToken(name, true, false);
}

export {
  CREDENTIAL_NAME,
  isCredentialName,
  isReference,
} from '../credentials/names';

const NOT_APP =
  /(^|\/)(node_modules|vendor|third_party|dist|build|target|\.git|tests?|__tests__|spec|specs|fixtures|testdata|e2e|examples?|docs?|scripts\/ci|locales?|i18n|l10n|translations?)\//;
const NOT_CONFIG_NAMES = new Set([
  // Migration tool and logging set-up, the same in every environment.
  'alembic.ini',
  'logging.ini',
  'package.json',
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'composer.json',
  'composer.lock',
  'tsconfig.json',
  'jsconfig.json',
  'pyproject.toml',
  'poetry.lock',
  'uv.lock',
  'Pipfile',
  'Pipfile.lock',
  'Cargo.toml',
  'Cargo.lock',
  'go.mod',
  'go.sum',
  'pip.conf',
  '.npmrc',
  '.yarnrc.yml',
  'NuGet.config',
  'settings.xml',
  'catalog-info.yaml',
  'mkdocs.yml',
  'Chart.yaml',
  'Chart.lock',
  '.pre-commit-config.yaml',
  '.golangci.yml',
  '.golangci.yaml',
  'codecov.yml',
  'renovate.json',
  'dependabot.yml',
  '.markdownlint.yaml',
  'setup.cfg',
  'tox.ini',
  'pytest.ini',
  'mypy.ini',
  '.flake8',
  '.pylintrc',
  '.editorconfig',
  'babel.config.json',
  'turbo.json',
  'nx.json',
  'lerna.json',
  // Build tooling and workspace set-up: how the code is built or edited, not how the service runs.
  'maven-wrapper.properties',
  'gradle-wrapper.properties',
  'gradle.properties',
  '.gitpod.yml',
  '.gitpod.yaml',
  '.goreleaser.yml',
  '.goreleaser.yaml',
  '.sdkmanrc',
]);
/** Message bundles (messages.properties, messages_de.properties): translated texts, not settings. */
const MESSAGE_BUNDLE = /^messages(_[\w-]+)?\.properties$/;
const SOURCE = /\.(py|m?[jt]sx?|cjs|go|java|kts?|cs)$/;
const COMPOSE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;
const APP_CONFIG = /\.(properties|ini|cfg|conf|toml|env\.ya?ml)$/;
const APP_CONFIG_JSON =
  /^(appsettings|config|settings|default|production|development|staging|local|custom-environment-variables)([.-][\w.-]+)?\.json$/;
const SPEC_YAML = /(openapi|swagger|asyncapi)/i;
/** Folders of deploy trees: Kustomize bases and overlays, plain manifests, Helm charts. */
const DEPLOY_FOLDER =
  /(^|\/)(k8s|kubernetes|kustomize|manifests|kubernetes-manifests|k8s-manifests|deploy|deployments?|helm|charts?|overlays|base)\//;

/** A line starting with `kind:`: the YAML file holds Kubernetes-style objects. */
const KIND_LINE = /^\s*kind:\s*\w+/m;

/** Which role a path has, if it holds configuration at all. */
export function roleOf(path: string, text: string): ConfigFileRole | undefined {
  const [withKind, withoutKind] = pathRoles(path);
  return withKind === withoutKind || KIND_LINE.test(text)
    ? withKind
    : withoutKind;
}

/** A path's role if its text has a `kind:` line, and if it has none. */
type PathRoles = readonly [
  ConfigFileRole | undefined,
  ConfigFileRole | undefined,
];

/**
 * The path's part of roleOf, remembered per path: a dozen patterns decide
 * it, every file of every scanned repository goes through it, and the same
 * paths come back from scan to scan. Bounded so a long-running backend does
 * not keep every path it ever saw.
 */
const pathRoleMemo = new Map<string, PathRoles>();
const PATH_ROLE_MEMO_SIZE = 10_000;

function pathRoles(path: string): PathRoles {
  let roles = pathRoleMemo.get(path);
  if (!roles) {
    if (pathRoleMemo.size >= PATH_ROLE_MEMO_SIZE) pathRoleMemo.clear();
    roles = [roleByPath(path, true), roleByPath(path, false)];
    pathRoleMemo.set(path, roles);
  }
  return roles;
}

/** roleOf for a text that has a `kind:` line (`hasKind`) or not. */
function roleByPath(
  path: string,
  hasKind: boolean,
  anyFolder = false,
): ConfigFileRole | undefined {
  const name = basename(path);
  if (
    (!anyFolder && NOT_APP.test(path)) ||
    NOT_CONFIG_NAMES.has(name) ||
    MESSAGE_BUNDLE.test(name) ||
    ciSystemOf(path) ||
    /\.(md|mdx|rst|txt|lock|sum)$/i.test(name)
  )
    return undefined;
  if (/^\.env(\.[\w.-]+)?$/.test(name))
    return /\.(example|sample|template|dist|defaults?)$/.test(name)
      ? undefined
      : 'env-file';
  // Other dotfiles configure tools (.codecov.yml, .pinact.yaml, .yamllint), not the service.
  if (name.startsWith('.') && !/^\.env/.test(name)) return undefined;
  if (COMPOSE.test(name)) return 'compose';
  if (isDockerfileName(name)) return 'dockerfile';
  if (
    /(^|\/)(application|bootstrap)(-[\w]+)?\.(properties|ya?ml)$/.test(path) &&
    !hasKind
  )
    return 'app-config';
  if (
    SOURCE.test(name) &&
    !/\.d\.ts$|\.(test|spec)\.[jt]sx?$|_test\.(go|py)$|(^|\/)test_[^/]*\.py$|(^|\/)(tests|conftest)\.py$/.test(
      path,
    )
  )
    return 'source';
  if (/\.ya?ml$/.test(name)) {
    if (SPEC_YAML.test(name) || /^\.github\//.test(path)) return undefined;
    if (
      /^kustomization\.ya?ml$/.test(name) ||
      /^values([.-][\w.-]+)?\.ya?ml$/.test(name) ||
      hasKind ||
      // Patches and parts of deploy trees (a JSON6902 patch has no kind) are deploy configuration, not the app's settings.
      DEPLOY_FOLDER.test(path)
    )
      return 'manifest';
    return 'app-config';
  }
  if (APP_CONFIG.test(name) || APP_CONFIG_JSON.test(name)) return 'app-config';
  return undefined;
}

/** The environment a file is for, and whether it is a developer-laptop file. */
export function environmentOf(
  path: string,
  role: ConfigFileRole,
): { environment?: string; local: boolean } {
  const name = basename(path);
  if (role === 'env-file') {
    const suffix = /^\.env\.(.+)$/.exec(name)?.[1] ?? '';
    const env = suffix ? environmentOfName(suffix) : 'local';
    // .env.development is the local dev-server file of Node, Vite, Next and Rails.
    const local =
      !suffix || /(^|\.)(local|development)$/.test(suffix) || suffix === 'test';
    return env ? { environment: env, local } : { local };
  }
  if (role === 'compose') {
    const env = environmentOfName(
      name.replace(/\.ya?ml$/, '').replace(/^(docker-)?compose/, ''),
    );
    return {
      environment: env && env !== 'local' ? env : 'local',
      local: !env || env === 'local' || env === 'dev',
    };
  }
  const stem = stemOf(name);
  // Code names an environment only by its whole stem (settings/production.py), not by a word in it.
  let env =
    role === 'source' ? normalizeEnvironment(stem) : environmentOfName(stem);
  if (!env && (role === 'manifest' || role === 'app-config')) {
    const dirs = dirname(path).split('/');
    for (let i = dirs.length - 1; i >= 0 && !env; i--)
      env = normalizeEnvironment(dirs[i]);
  }
  return env ? { environment: env, local: env === 'local' } : { local: false };
}

/** A file name without its last extension (`application-dev.yaml` → `application-dev`), as `name.replace(/\.[^.]+$/, '')`. */
function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot !== -1 && dot < name.length - 1 ? name.slice(0, dot) : name;
}

// One URL: optional jdbc: prefix, scheme, optional user[:password]@, host (or IPv6 literal), optional port.
const URL_RE =
  /\b((?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/(?:([^\s:@/'"`,;]+)(?::([^\s@/'"`]*))?@)?(\[[0-9a-fA-F:]+\]|[^\s/:'"`?#,;)\]}<>\\]+)(?::(\d+))?/gi;
const IPV4_RE = /(?<![\w.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\w.]|\/\d)/g;
const HOSTNAME =
  /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const HOST_KEY =
  /(^|[_.-])(host|hostname|hosts|server|servers|addr|address|endpoint|brokers|bootstrap[_.-]?servers)$/i;
const ENV_READ =
  /process\.env|os\.getenv|os\.environ|System\.getenv|getenv\(|\$\{[A-Za-z_][\w.]*:|ENV\[|\benv\(/;
// `KEY=`, `KEY:`, `- KEY=`, `export KEY=`, `ENV KEY=`, `NAME: Type = `, `const NAME = ` at the start of a line.
const KEY_RE =
  /^\s*(?:-\s+)?(?:export\s+|ENV\s+|ARG\s+|const\s+|let\s+|var\s+|(?:public\s+|private\s+)?(?:static\s+)?final\s+\w+\s+)?["']?([A-Za-z_][\w.\-]*)["']?\s*(?::\s*[A-Za-z_][\w\[\]., |]*?\s*)?[=:](?!\/\/)/;
// Credentials in code: only string literals assigned to credential-named settings.
const CODE_CREDENTIAL =
  /(?:^|[\s,({])["']?([A-Za-z_][\w]*)["']?\s*(?::\s*[\w\[\]., |]+?)?\s*[=:]\s*["']([^"'\s]{3,})["']/;
// Kubernetes kinds whose lines are configuration the service runs with.
const CONFIG_KINDS = new Set([
  'ConfigMap',
  'Kustomization',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'ReplicaSet',
  'Rollout',
  'Ingress',
  'HelmRelease',
]);
const ENV_STYLE = /^[A-Z][A-Z0-9_]*$/;

/** An env-style setting name (`DATABASE_URL`). Most keys start in lower case: their first letter settles it. */
function isEnvStyle(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a && ENV_STYLE.test(key);
}

/** What every IPv4 address contains. */
const DOTTED_DIGITS = /\d\.\d{1,3}\.\d/;
const SOURCE_HINT =
  /:\/\/|\d\.\d{1,3}\.\d|pass|secret|token|key|cred|host|addr|server|endpoint|broker|dsn|connect|source\s*=/i;
const KUSTOMIZE_CONFIG =
  /^(configMapGenerator|secretGenerator|patches|patchesStrategicMerge|patchesJson6902|replacements|vars):/gm;

type FoundAddress = Pick<
  ConfigLiteral,
  'kind' | 'value' | 'host' | 'scheme' | 'ipClass'
> & { literalPassword: boolean; index: number };

/** Characters of a URL scheme (with the `jdbc:` prefix), of either case. */
function isSchemeChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x3a) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e
  );
}

/**
 * Where URL_RE can first match at or after `from`: the scheme run before the
 * next `://`, or -1 when no `://` follows. A URL's scheme ends at its `://`,
 * so no match starts earlier; starting there spares the regex a try at every
 * position of the line.
 */
function nextUrlSearchStart(line: string, from: number): number {
  const sep = line.indexOf('://', from);
  if (sep === -1) return -1;
  let start = sep;
  while (start > from && isSchemeChar(line.charCodeAt(start - 1))) start--;
  return start;
}

/** host, hostname, hostS, serveR, addR, endpoinT, …: the letters HOST_KEY can end with. */
const mayBeHostKey = endsWithOneOf('tesr');

function findUrls(
  line: string,
  out: FoundAddress[],
  covered: Array<[number, number]>,
): void {
  for (
    let from = nextUrlSearchStart(line, 0);
    from !== -1;
    from = nextUrlSearchStart(line, URL_RE.lastIndex)
  ) {
    URL_RE.lastIndex = from;
    const m = URL_RE.exec(line);
    if (!m) return;
    const [whole, rawScheme, user, password, host] = m;
    covered.push([m.index, m.index + whole.length]);
    // Templated hosts ($(HOST), ${HOST}, {{ .host }}) are not literals.
    if (!host || /[$%{]/.test(host)) continue;
    const ipClass = ipClassOf(host);
    if (
      !HOSTNAME.test(host) &&
      !ipClass &&
      host !== 'localhost' &&
      !/^[a-z0-9-]+$/i.test(host)
    )
      continue;
    const literalPassword = !!(
      user &&
      password &&
      !isReference(password) &&
      !/^\*+$/.test(password)
    );
    const scheme = rawScheme.toLowerCase().replace(/^jdbc:/, '');
    const value = literalPassword
      ? whole.replace(`:${password}@`, ':***@')
      : whole;
    out.push(
      ipClass
        ? {
            kind: 'url',
            value,
            host,
            scheme,
            ipClass,
            literalPassword,
            index: m.index,
          }
        : { kind: 'url', value, host, scheme, literalPassword, index: m.index },
    );
  }
}

function findIps(
  line: string,
  key: string | undefined,
  out: FoundAddress[],
  covered: Array<[number, number]>,
): void {
  let isVersion: boolean | undefined;
  IPV4_RE.lastIndex = 0;
  for (let m = IPV4_RE.exec(line); m; m = IPV4_RE.exec(line)) {
    const at = m.index;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    const ipClass = ipClassOf(m[1]);
    if (!ipClass) continue;
    // Versions look like IPs (`1.2.3.4`); asked once per line, as it is the same for each.
    isVersion ??= /version/i.test(key ?? line);
    if (isVersion) continue;
    out.push({
      kind: 'ip',
      value: m[1],
      host: m[1],
      ipClass,
      literalPassword: false,
      index: at,
    });
  }
}

/** Literal addresses on one line of text (URLs first, then bare IPs and host values). @public */
export function findAddresses(
  line: string,
  key?: string,
  quotedOnly = false,
): FoundAddress[] {
  const out: FoundAddress[] = [];
  // Spans of the URLs, whose IPs are not found again as bare IPs.
  const covered: Array<[number, number]> = [];
  if (line.includes('://')) findUrls(line, out, covered);
  if (line.includes('.') && DOTTED_DIGITS.test(line))
    findIps(line, key, out, covered);
  if (key && out.length === 0 && mayBeHostKey(key) && HOST_KEY.test(key)) {
    // `spring.mail.host=smtp.corp.example.com`, `- host: api.example.com`, `hosts: [a.example.com]`
    const rest = line.slice(line.search(/[=:]/) + 1);
    // In code only a string literal is a literal (`Addr: cfg.HTTPAddr` is not).
    const value = quotedOnly
      ? /^\s*["'`]([^"'`]+)["'`]/.exec(rest)?.[1] ?? ''
      : rest
          .replace(/[[\]"',]/g, ' ')
          .trim()
          .split(/\s+/)[0] ?? '';
    if (HOSTNAME.test(value) && !/^\d/.test(value.split('.').pop()!)) {
      out.push({
        kind: 'host',
        value,
        host: value,
        literalPassword: false,
        index: line.indexOf(value),
      });
    }
  }
  return out;
}

function countSettings(lines: string[]): {
  literal: number;
  placeholder: number;
} {
  let literal = 0;
  let placeholder = 0;
  for (const l of lines) {
    if (/^\s*([#!;]|\/\/|$)/.test(l) || /^\s*\[/.test(l)) continue;
    const m = /^\s*[\w.\-[\]]+\s*[=:]\s*(.*)$/.exec(l);
    if (!m || m[1].trim() === '' || /^[|>]/.test(m[1].trim())) continue;
    if (/\$\{/.test(m[1])) placeholder++;
    else literal++;
  }
  return { literal, placeholder };
}

/** Comment lines by role: `#` everywhere, plus `//`, `/*`, `*`, `--` in code and `;`, `!`, `//` in settings files. */
const COMMENT_LINE: Record<ConfigFileRole, RegExp> = {
  source: /^\s*(#|\/\/|\/\*|\*|--)/,
  'app-config': /^\s*([#;!]|\/\/)/,
  manifest: /^\s*#/,
  'env-file': /^\s*#/,
  compose: /^\s*#/,
  dockerfile: /^\s*#/,
};
const DOCKERFILE_SETTING = /^\s*(ENV|ARG)\s/i;
const LIST_ITEM_NAME = /^\s*-\s+name:\s*["']?([\w.-]+)/;
const VALUE_FIELD = /^\s+value(From)?:/;
const CAPITALISED_NAME = /^[A-Z][A-Z0-9_]+$/;
/** `JWT_SECRET`, `DB_PASSWORD`: a name in capitals with an underscore. */
const ENV_NAME_VALUE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
const BLOCK_VALUE = /:\s*[|>][+-]?\d*\s*$/;
const NO_CREDENTIAL_VALUE =
  /^(true|false|yes|no|on|off|null|none|~|""|''|\||>-?|\{\}|\[\])$/i;

type ScanResult = Omit<ConfigLiteralsFact, 'files'> & { file: ConfigFileInfo };

/**
 * The line-by-line scan of one file. Lines are read in order: a manifest's
 * `kind:` and an env list's `- name:` hold for the lines that follow.
 */
class ConfigFileScanner {
  readonly literals: ConfigLiteral[] = [];
  readonly credentials: ConfigCredential[] = [];
  readonly keyLines: ConfigLiteralsFact['keyLines'] = [];
  /** No kind yet, or one whose lines are configuration. */
  private configKind = true;
  private envName: string | undefined;
  /** The key of the block scalar (`key: |`) whose lines may follow, to name a credential found in them. */
  private block: { key: string; indent: number } | undefined;
  private readonly comment: RegExp;

  constructor(
    private readonly path: string,
    private readonly role: ConfigFileRole,
    private readonly where: Pick<
      ConfigLiteral,
      'path' | 'role' | 'environment' | 'local'
    >,
    /** The file holds something shaped like a credential somewhere: its lines are searched for shapes. */
    private readonly shapes: boolean,
    /** The client the whole file names (Redis, Npgsql…), asked only when a line names none. */
    private readonly fileTech: () => string | undefined = () => undefined,
  ) {
    this.comment = COMMENT_LINE[role];
  }

  /** Reads one line; `n` is its 1-based number. */
  scan(line: string, n: number): void {
    const role = this.role;
    if (role === 'manifest' && !this.inConfigKind(line)) return;
    if (role === 'dockerfile' && !DOCKERFILE_SETTING.test(line)) return;
    // Code is most of a repository: only lines that could hold an address or a credential are read closely.
    if (role === 'source' && !SOURCE_HINT.test(line)) {
      if (this.shapes && !this.comment.test(line))
        this.addShapeCredential(line, n, undefined);
      return;
    }
    if (this.comment.test(line)) return;
    if (this.shapes) this.followBlock(line);
    const named = line.includes('name:') ? LIST_ITEM_NAME.exec(line) : null;
    if (named) {
      this.envName = named[1];
      if (role === 'manifest' && isEnvStyle(named[1]))
        this.keyLines.push({ path: this.path, key: named[1], line: n });
      return;
    }
    const km = KEY_RE.exec(line);
    let key = km?.[1];
    if (role === 'manifest' && key && isEnvStyle(key))
      this.keyLines.push({ path: this.path, key, line: n });
    if (key === 'value' && this.envName) key = this.envName;
    else if (!(line.includes('value') && VALUE_FIELD.test(line)))
      this.envName = undefined;
    const before = this.credentials.length;
    this.addAddresses(line, n, key);
    if (role === 'source') this.addCodeCredential(line, n);
    else if (km && key && isCredentialName(key))
      this.addSettingCredential(line, n, key, km.index + km[0].length);
    if (this.shapes && this.credentials.length === before)
      this.addShapeCredential(line, n, key);
    if (this.shapes && key && BLOCK_VALUE.test(line))
      this.block = { key, indent: line.length - line.trimStart().length };
  }

  /** Leaves the block scalar when a line is no deeper than its key. */
  private followBlock(line: string): void {
    if (
      this.block &&
      line.trim() !== '' &&
      line.length - line.trimStart().length <= this.block.indent
    )
      this.block = undefined;
  }

  /** A value shaped like a credential (a PEM key, a token, a JWT), whatever its setting is called. */
  private addShapeCredential(
    line: string,
    n: number,
    key: string | undefined,
  ): void {
    // In code a `Password=x` shape counts only inside a string literal.
    const shape = credentialShapeOf(line, { code: this.role === 'source' });
    // URL passwords are found with the addresses.
    if (!shape || shape === 'url-password') return;
    this.credentials.push({
      ...this.where,
      line: n,
      key:
        (key !== 'value' ? key : undefined) ??
        this.envName ??
        this.block?.key ??
        shape,
      form: 'shape',
      shape,
    });
  }

  /** Follows a manifest's `---` and `kind:` lines: Argo Applications, NetworkPolicies, Services… hold no configuration of the service. */
  private inConfigKind(line: string): boolean {
    // Only lines starting with `-` or `k` can change the kind: the others skip both prefix tests.
    const first = line.charCodeAt(0);
    if (first === 0x2d /* - */ && line.startsWith('---'))
      this.setKind(undefined);
    else if (first === 0x6b /* k */ && line.startsWith('kind:')) {
      const k = /^kind:\s*["']?(\w+)/.exec(line);
      if (k) this.setKind(k[1]);
    }
    return this.configKind;
  }

  private setKind(kind: string | undefined): void {
    this.configKind = !kind || CONFIG_KINDS.has(kind);
  }

  private addAddresses(line: string, n: number, key: string | undefined): void {
    const found = findAddresses(line, key, this.role === 'source');
    if (found.length === 0 && this.role === 'source') {
      const client = findClientAddress(line, this.fileTech());
      if (client)
        this.literals.push({
          ...this.where,
          line: n,
          key: client.key,
          kind: 'host',
          value: client.host,
          host: client.host,
          scheme: client.scheme,
          envOverride: ENV_READ.test(line),
        });
      return;
    }
    if (found.length === 0) return;
    const envOverride = ENV_READ.test(line);
    for (const a of found) {
      this.literals.push({
        ...this.where,
        line: n,
        ...(key ? { key } : {}),
        kind: a.kind,
        value: a.value,
        host: a.host,
        ...(a.scheme ? { scheme: a.scheme } : {}),
        ...(a.ipClass ? { ipClass: a.ipClass } : {}),
        envOverride,
      });
      if (a.literalPassword)
        this.credentials.push({
          ...this.where,
          line: n,
          key: key ?? a.scheme ?? 'url',
          form: 'url',
        });
    }
  }

  /** Credentials in code: a string literal assigned to a credential-named setting. */
  private addCodeCredential(line: string, n: number): void {
    const m = CODE_CREDENTIAL.exec(line);
    // A value in capitals is the name of a variable, not a credential.
    if (
      m &&
      isCredentialName(m[1]) &&
      !CAPITALISED_NAME.test(m[2]) &&
      !isFilePath(m[2]) &&
      isCredentialValueFor(m[1], m[2]) &&
      !ENV_READ.test(line)
    )
      this.credentials.push({
        ...this.where,
        line: n,
        key: m[1],
        form: 'assignment',
      });
  }

  /** A credential-named setting with a literal value; `valueAt` is where the value starts. */
  private addSettingCredential(
    line: string,
    n: number,
    key: string,
    valueAt: number,
  ): void {
    const value = line
      .slice(valueAt)
      .replace(/\s+#.*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (
      value &&
      !isReference(value) &&
      !NO_CREDENTIAL_VALUE.test(value) &&
      !/^valueFrom/.test(value) &&
      // A path says where the credential is kept, not what it is.
      !isFilePath(value) &&
      // An env-style name is the name of a key or variable (an ExternalSecret's `secretKey: JWT_SECRET`).
      !ENV_NAME_VALUE.test(value) &&
      isCredentialValueFor(key, value)
    ) {
      this.credentials.push({
        ...this.where,
        line: n,
        key,
        form: 'assignment',
      });
    }
  }
}

/** The client a source file names, computed once on first use. */
function fileTechOf(text: string): () => string | undefined {
  let tech: string | undefined | null = null;
  return () => (tech === null ? (tech = clientTechOf(text)) : tech);
}

/** Scans one file. Exported for tests and for checks that read cluster text. */
export function scanConfigFile(
  path: string,
  text: string,
  role: ConfigFileRole,
): ScanResult {
  const { environment, local } = environmentOf(path, role);
  const file: ConfigFileInfo = environment
    ? { path, role, environment, local }
    : { path, role, local };
  const lines = splitLines(text);
  if (role === 'app-config') file.settings = countSettings(lines);
  if (role === 'manifest' && /^kustomization\.ya?ml$/.test(basename(path))) {
    file.kustomizeConfig = [
      ...new Set([...text.matchAll(KUSTOMIZE_CONFIG)].map(m => m[1])),
    ];
  }
  const scanner = new ConfigFileScanner(
    path,
    role,
    environment ? { path, role, environment, local } : { path, role, local },
    mayHoldCredentialShape(text),
    role === 'source' ? fileTechOf(text) : undefined,
  );
  for (let i = 0; i < lines.length; i++) scanner.scan(lines[i], i + 1);
  return {
    file,
    literals: scanner.literals,
    credentials: scanner.credentials,
    keyLines: scanner.keyLines,
  };
}

/** @public */
export const configLiteralsExtractor: FactExtractor<ConfigLiteralsFact> = {
  ref: configLiteralsFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const fact: ConfigLiteralsFact = {
      files: [],
      literals: [],
      credentials: [],
      keyLines: [],
    };
    const leftOut: LeftOut[] = [];
    for (const f of repo.find(() => true)) {
      if (f.text === undefined) continue;
      const aside = ancillaryReason(repo, f.path);
      if (aside) {
        // Named in the evidence only when it would have been read as configuration.
        if (roleByPath(f.path, KIND_LINE.test(f.text), true))
          leftOut.push({ path: f.path, reason: aside });
        continue;
      }
      const role = roleOf(f.path, f.text);
      if (!role) continue;
      const r = scanConfigFile(f.path, f.text, role);
      fact.files.push(r.file);
      fact.literals.push(...r.literals);
      fact.credentials.push(...r.credentials);
      fact.keyLines.push(...r.keyLines);
    }
    if (leftOut.length) fact.leftOut = leftOut;
    // A monorepo member: other services' code, manifest documents and compose services are theirs.
    const scope = scopeOf(ctx.input);
    return scope
      ? scopeConfigLiterals(
          fact,
          ctx.facts,
          scope,
          path => repo.read(path),
          ctx.input.entity.metadata.name,
        )
      : fact;
  },
};
