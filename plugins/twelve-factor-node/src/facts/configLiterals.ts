/*
 * Configuration as written in the repository: which files carry settings,
 * for which environment, and the literal addresses (URLs, hosts, IPs) and
 * credentials they hold, each with its file and line. The scan is line based
 * (no parsing), so it is cheap enough for every repository, and the checks
 * can point at the exact line to change. Values of credentials are never
 * kept, only where they are.
 */
import { createFactRef, UnknownVerdictError, type FactReader } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { basename, dirname } from '../sources/RepoSnapshot';
import { ciSystemOf } from './ciFiles';
import { isDockerfileName } from './dockerfile/extractor';
import { splitLines } from './splitLines';
import { requireRepo } from './repo';

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
  /** The setting's name, or the URL's key for `user:pass@` URLs. */
  key: string;
  form: 'assignment' | 'url';
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
}

/** The line of a manifest where an env-style setting is written, if the scan saw it. @public */
export function keyLine(fact: ConfigLiteralsFact | undefined, path: string, key: string): number | undefined {
  return fact?.keyLines.find(k => k.path === path && k.key === key)?.line;
}

/** @public */
export const configLiteralsFactRef = createFactRef<ConfigLiteralsFact>({ id: 'repo.config-literals' });

/**
 * The fact for a check. Until the extractor is registered with the engine the
 * checks that need it say so (unknown) instead of failing.
 */
export function getConfigLiterals(facts: FactReader): ConfigLiteralsFact {
  try {
    return facts.get(configLiteralsFactRef);
  } catch (e) {
    if (e instanceof Error && !(e instanceof UnknownVerdictError) && /No extractor registered/.test(e.message)) {
      throw new UnknownVerdictError(`The ${configLiteralsFactRef.id} fact is not registered with this engine.`);
    }
    throw e;
  }
}

/** The fact, or undefined when it cannot be derived (for checks that only use it to sharpen evidence). */
export function tryConfigLiterals(facts: FactReader): ConfigLiteralsFact | undefined {
  try {
    return getConfigLiterals(facts);
  } catch (e) {
    if (e instanceof UnknownVerdictError) return undefined;
    throw e;
  }
}

/** IPv4 address classes. @public */
export type IpClass = 'public' | 'private' | 'loopback' | 'unspecified' | 'link-local' | 'reserved';

/** Classifies a dotted IPv4 address. @public */
export function ipClassOf(ip: string): IpClass | undefined {
  // Anything but four dot-separated parts is no address; checked without splitting (this runs for every host seen).
  let dots = 0;
  for (let i = ip.indexOf('.'); i !== -1 && dots <= 3; i = ip.indexOf('.', i + 1)) dots++;
  if (dots !== 3) return undefined;
  const o = ip.split('.').map(Number);
  if (o.length !== 4 || o.some(n => !Number.isInteger(n) || n < 0 || n > 255)) return undefined;
  const [a, b] = o;
  if (o.every(n => n === 0)) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224) return 'reserved';
  return 'public';
}

const ENV_ALIASES: Record<string, string> = {
  prod: 'prod', prd: 'prod', production: 'prod',
  staging: 'staging', stage: 'staging', stg: 'staging',
  dev: 'dev', develop: 'dev', development: 'dev',
  qa: 'qa', uat: 'uat', test: 'test', testing: 'test',
  preprod: 'preprod', preproduction: 'preprod',
  local: 'local',
};

/** The normalised environment a name stands for (`production` → `prod`, `stg` → `staging`), if any. @public */
export function normalizeEnvironment(name: string): string | undefined {
  return ENV_ALIASES[name.toLowerCase()];
}

/** The environment a hostname names in one of its labels (`cdn-prod.example.com` → prod); `local` never counts. @public */
export function hostEnvironment(host: string): string | undefined {
  for (const token of host.toLowerCase().split(/[.-]/)) {
    const env = ENV_ALIASES[token];
    if (env && env !== 'local') return env;
  }
  return undefined;
}

/** The environment a name (namespace, folder) stands for by one of its `-`/`_`/`.` separated tokens. @public */
export function environmentOfName(name: string): string | undefined {
  for (const token of name.toLowerCase().split(/[._-]/)) {
    const env = ENV_ALIASES[token];
    if (env) return env;
  }
  return undefined;
}

/** Setting names whose values are credentials. The public half of a key pair is not one. @public */
export const CREDENTIAL_NAME = /(PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|SECRET_?KEY|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|(^|[_.-])KEY)$/i;

/** Whether a setting name holds a credential. @public */
export function isCredentialName(name: string): boolean {
  // A bare lower-case `key:` is a reference field (secretKeyRef.key, ExternalSecret remoteRef.key).
  if (name === 'key' || name === 'token') return false;
  return CREDENTIAL_NAME.test(name) && !/PUBLIC_?KEY$|(^|[_.-])(KEY_?)?(FILE|PATH|NAME|ID|REF)$/i.test(name);
}

/** Whether a value refers to something else instead of being a literal (`$(VAR)`, `${VAR}`, `{{ … }}`, `%(x)s`). @public */
export function isReference(value: string): boolean {
  return /^\s*(\$\(|\$\{|\$[A-Za-z_]|\{\{|%\(|<[^>]*>$|#\{)/.test(value);
}

const NOT_APP = /(^|\/)(node_modules|vendor|third_party|dist|build|target|\.git|tests?|__tests__|spec|specs|fixtures|testdata|e2e|examples?|docs?|scripts\/ci)\//;
const NOT_CONFIG_NAMES = new Set([
  'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'composer.json', 'composer.lock', 'tsconfig.json', 'jsconfig.json',
  'pyproject.toml', 'poetry.lock', 'uv.lock', 'Pipfile', 'Pipfile.lock', 'Cargo.toml', 'Cargo.lock', 'go.mod', 'go.sum',
  'pip.conf', '.npmrc', '.yarnrc.yml', 'NuGet.config', 'settings.xml', 'catalog-info.yaml', 'mkdocs.yml', 'Chart.yaml', 'Chart.lock',
  '.pre-commit-config.yaml', '.golangci.yml', '.golangci.yaml', 'codecov.yml', 'renovate.json', 'dependabot.yml', '.markdownlint.yaml',
  'setup.cfg', 'tox.ini', 'pytest.ini', 'mypy.ini', '.flake8', '.pylintrc', '.editorconfig', 'babel.config.json', 'turbo.json', 'nx.json', 'lerna.json',
]);
const SOURCE = /\.(py|m?[jt]sx?|cjs|go|java|kts?)$/;
const COMPOSE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;
const APP_CONFIG = /\.(properties|ini|cfg|conf|toml|env\.ya?ml)$/;
const APP_CONFIG_JSON = /^(appsettings|config|settings|default|production|development|staging|local|custom-environment-variables)([.-][\w.-]+)?\.json$/;
const SPEC_YAML = /(openapi|swagger|asyncapi)/i;

/** Which role a path has, if it holds configuration at all. */
export function roleOf(path: string, text: string): ConfigFileRole | undefined {
  const name = basename(path);
  if (NOT_APP.test(path) || NOT_CONFIG_NAMES.has(name) || ciSystemOf(path) || /\.(md|mdx|rst|txt|lock|sum)$/i.test(name)) return undefined;
  if (/^\.env(\.[\w.-]+)?$/.test(name)) return /\.(example|sample|template|dist|defaults?)$/.test(name) ? undefined : 'env-file';
  if (COMPOSE.test(name)) return 'compose';
  if (isDockerfileName(name)) return 'dockerfile';
  if (/(^|\/)(application|bootstrap)(-[\w]+)?\.(properties|ya?ml)$/.test(path) && !/^\s*kind:\s*\w+/m.test(text)) return 'app-config';
  if (SOURCE.test(name) && !/\.d\.ts$|\.(test|spec)\.[jt]sx?$|_test\.(go|py)$|(^|\/)test_[^/]*\.py$/.test(path)) return 'source';
  if (/\.ya?ml$/.test(name)) {
    if (SPEC_YAML.test(name) || /^\.github\//.test(path)) return undefined;
    if (/^kustomization\.ya?ml$/.test(name) || /^values([.-][\w.-]+)?\.ya?ml$/.test(name) || /^\s*kind:\s*\w+/m.test(text)) return 'manifest';
    return 'app-config';
  }
  if (APP_CONFIG.test(name) || APP_CONFIG_JSON.test(name)) return 'app-config';
  return undefined;
}

/** The environment a file is for, and whether it is a developer-laptop file. */
export function environmentOf(path: string, role: ConfigFileRole): { environment?: string; local: boolean } {
  const name = basename(path);
  if (role === 'env-file') {
    const suffix = /^\.env\.(.+)$/.exec(name)?.[1] ?? '';
    const env = suffix ? environmentOfName(suffix) : 'local';
    // .env.development is the local dev-server file of Node, Vite, Next and Rails.
    const local = !suffix || /(^|\.)(local|development)$/.test(suffix) || suffix === 'test';
    return { ...(env ? { environment: env } : {}), local };
  }
  if (role === 'compose') {
    const env = environmentOfName(name.replace(/\.ya?ml$/, '').replace(/^(docker-)?compose/, ''));
    return { environment: env && env !== 'local' ? env : 'local', local: !env || env === 'local' || env === 'dev' };
  }
  const stem = name.replace(/\.[^.]+$/, '');
  // Code names an environment only by its whole stem (settings/production.py), not by a word in it.
  let env = role === 'source' ? normalizeEnvironment(stem) : environmentOfName(stem);
  if (!env && (role === 'manifest' || role === 'app-config')) {
    const dirs = dirname(path).split('/');
    for (let i = dirs.length - 1; i >= 0 && !env; i--) env = normalizeEnvironment(dirs[i]);
  }
  return { ...(env ? { environment: env } : {}), local: env === 'local' };
}

// One URL: optional jdbc: prefix, scheme, optional user[:password]@, host (or IPv6 literal), optional port.
const URL_RE = /\b((?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/(?:([^\s:@/'"`,;]+)(?::([^\s@/'"`]*))?@)?(\[[0-9a-fA-F:]+\]|[^\s/:'"`?#,;)\]}<>\\]+)(?::(\d+))?/gi;
const IPV4_RE = /(?<![\w.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\w.]|\/\d)/g;
const HOSTNAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const HOST_KEY = /(^|[_.-])(host|hostname|hosts|server|servers|addr|address|endpoint|brokers|bootstrap[_.-]?servers)$/i;
const ENV_READ = /process\.env|os\.getenv|os\.environ|System\.getenv|getenv\(|\$\{[A-Za-z_][\w.]*:|ENV\[|\benv\(/;
// `KEY=`, `KEY:`, `- KEY=`, `export KEY=`, `ENV KEY=`, `NAME: Type = `, `const NAME = ` at the start of a line.
const KEY_RE = /^\s*(?:-\s+)?(?:export\s+|ENV\s+|ARG\s+|const\s+|let\s+|var\s+|(?:public\s+|private\s+)?(?:static\s+)?final\s+\w+\s+)?["']?([A-Za-z_][\w.\-]*)["']?\s*(?::\s*[A-Za-z_][\w\[\]., |]*?\s*)?[=:](?!\/\/)/;
// Credentials in code: only string literals assigned to credential-named settings.
const CODE_CREDENTIAL = /(?:^|[\s,({])["']?([A-Za-z_][\w]*)["']?\s*(?::\s*[\w\[\]., |]+?)?\s*[=:]\s*["']([^"'\s]{3,})["']/;
// Kubernetes kinds whose lines are configuration the service runs with.
const CONFIG_KINDS = new Set(['ConfigMap', 'Kustomization', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'Rollout', 'Ingress', 'HelmRelease']);
const ENV_STYLE = /^[A-Z][A-Z0-9_]*$/;
const SOURCE_HINT = /:\/\/|\d\.\d{1,3}\.\d|pass|secret|token|key|cred|host|addr|server|endpoint|broker|dsn/i;
const KUSTOMIZE_CONFIG = /^(configMapGenerator|secretGenerator|patches|patchesStrategicMerge|patchesJson6902|replacements|vars):/gm;

/** Literal addresses on one line of text (URLs first, then bare IPs and host values). @public */
export function findAddresses(line: string, key?: string, quotedOnly = false): Array<Pick<ConfigLiteral, 'kind' | 'value' | 'host' | 'scheme' | 'ipClass'> & { literalPassword: boolean; index: number }> {
  const out: Array<Pick<ConfigLiteral, 'kind' | 'value' | 'host' | 'scheme' | 'ipClass'> & { literalPassword: boolean; index: number }> = [];
  const covered: Array<[number, number]> = [];
  if (line.includes('://')) {
    for (const m of line.matchAll(URL_RE)) {
      const [whole, rawScheme, user, password, host] = m;
      covered.push([m.index!, m.index! + whole.length]);
      // Templated hosts ($(HOST), ${HOST}, {{ .host }}) are not literals.
      if (!host || /[$%{]/.test(host) || (!HOSTNAME.test(host) && !ipClassOf(host) && host !== 'localhost' && !/^[a-z0-9-]+$/i.test(host))) continue;
      const literalPassword = !!(user && password && !isReference(password) && !/^\*+$/.test(password));
      out.push({
        kind: 'url',
        value: literalPassword ? whole.replace(`:${password}@`, ':***@') : whole,
        host,
        scheme: rawScheme.toLowerCase().replace(/^jdbc:/, ''),
        ...(ipClassOf(host) ? { ipClass: ipClassOf(host) } : {}),
        literalPassword,
        index: m.index!,
      });
    }
  }
  if (/\d\.\d{1,3}\.\d/.test(line)) {
    for (const m of line.matchAll(IPV4_RE)) {
      if (covered.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
      const ipClass = ipClassOf(m[1]);
      if (!ipClass || /version/i.test(key ?? line)) continue;
      out.push({ kind: 'ip', value: m[1], host: m[1], ipClass, literalPassword: false, index: m.index! });
    }
  }
  if (key && HOST_KEY.test(key) && out.length === 0) {
    // `spring.mail.host=smtp.corp.example.com`, `- host: api.example.com`, `hosts: [a.example.com]`
    const rest = line.slice(line.search(/[=:]/) + 1);
    // In code only a string literal is a literal (`Addr: cfg.HTTPAddr` is not).
    const value = quotedOnly ? (/^\s*["'`]([^"'`]+)["'`]/.exec(rest)?.[1] ?? '') : rest.replace(/[[\]"',]/g, ' ').trim().split(/\s+/)[0] ?? '';
    if (HOSTNAME.test(value) && !/^\d/.test(value.split('.').pop()!)) {
      out.push({ kind: 'host', value, host: value, literalPassword: false, index: line.indexOf(value) });
    }
  }
  return out;
}

function countSettings(lines: string[]): { literal: number; placeholder: number } {
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

function isComment(line: string, role: ConfigFileRole): boolean {
  const t = line.trimStart();
  if (t.startsWith('#')) return true;
  if (role === 'source') return /^(\/\/|\/\*|\*|--)/.test(t);
  if (role === 'app-config') return /^([;!]|\/\/)/.test(t);
  return false;
}

/** Scans one file. Exported for tests and for checks that read cluster text. */
export function scanConfigFile(path: string, text: string, role: ConfigFileRole): Omit<ConfigLiteralsFact, 'files'> & { file: ConfigFileInfo } {
  const keyLines: ConfigLiteralsFact['keyLines'] = [];
  const { environment, local } = environmentOf(path, role);
  const where = { path, role, ...(environment ? { environment } : {}), local };
  const file: ConfigFileInfo = { path, role, ...(environment ? { environment } : {}), local };
  const literals: ConfigLiteral[] = [];
  const credentials: ConfigCredential[] = [];
  const lines = splitLines(text);
  if (role === 'app-config') file.settings = countSettings(lines);
  if (role === 'manifest' && /^kustomization\.ya?ml$/.test(basename(path))) {
    file.kustomizeConfig = [...new Set([...text.matchAll(KUSTOMIZE_CONFIG)].map(m => m[1]))];
  }
  let kind: string | undefined;
  let envName: string | undefined;
  lines.forEach((line, i) => {
    if (role === 'manifest') {
      // Literal prefixes first: these run on every line of every manifest.
      if (line.startsWith('---')) kind = undefined;
      const k = line.startsWith('kind:') ? /^kind:\s*["']?(\w+)/.exec(line) : null;
      if (k) kind = k[1];
      // Argo Applications, NetworkPolicies, Services… hold no configuration of the service.
      if (kind && !CONFIG_KINDS.has(kind)) return;
    }
    if (role === 'dockerfile' && !/^\s*(ENV|ARG)\s/i.test(line)) return;
    // Code is most of a repository: only lines that could hold an address or a credential are read closely.
    if (role === 'source' && !SOURCE_HINT.test(line)) return;
    if (isComment(line, role)) return;
    const named = line.includes('name:') ? /^\s*-\s+name:\s*["']?([\w.-]+)/.exec(line) : null;
    if (named) {
      envName = named[1];
      if (role === 'manifest' && ENV_STYLE.test(named[1])) keyLines.push({ path, key: named[1], line: i + 1 });
      return;
    }
    const km = KEY_RE.exec(line);
    let key = km?.[1];
    if (role === 'manifest' && key && ENV_STYLE.test(key)) keyLines.push({ path, key, line: i + 1 });
    if (key === 'value' && envName) key = envName;
    else if (!(line.includes('value') && /^\s+value(From)?:/.test(line))) envName = undefined;
    const line1 = i + 1;
    for (const a of findAddresses(line, key, role === 'source')) {
      literals.push({
        ...where, line: line1, ...(key ? { key } : {}),
        kind: a.kind, value: a.value, host: a.host,
        ...(a.scheme ? { scheme: a.scheme } : {}), ...(a.ipClass ? { ipClass: a.ipClass } : {}),
        envOverride: ENV_READ.test(line),
      });
      if (a.literalPassword) credentials.push({ ...where, line: line1, key: key ?? a.scheme ?? 'url', form: 'url' });
    }
    if (role === 'source') {
      const m = CODE_CREDENTIAL.exec(line);
      // A value in capitals is the name of a variable, not a credential.
      if (m && isCredentialName(m[1]) && !/^[A-Z][A-Z0-9_]+$/.test(m[2]) && !ENV_READ.test(line)) credentials.push({ ...where, line: line1, key: m[1], form: 'assignment' });
    } else if (km && key && isCredentialName(key)) {
      const value = line.slice(km.index + km[0].length).replace(/\s+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
      if (value && !isReference(value) && !/^(true|false|null|none|~|""|''|\||>-?|\{\}|\[\])$/i.test(value) && !/^valueFrom/.test(value)) {
        credentials.push({ ...where, line: line1, key, form: 'assignment' });
      }
    }
  });
  return { file, literals, credentials, keyLines };
}

/** @public */
export const configLiteralsExtractor: FactExtractor<ConfigLiteralsFact> = {
  ref: configLiteralsFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const fact: ConfigLiteralsFact = { files: [], literals: [], credentials: [], keyLines: [] };
    for (const f of repo.find(() => true)) {
      if (f.text === undefined) continue;
      const role = roleOf(f.path, f.text);
      if (!role) continue;
      const r = scanConfigFile(f.path, f.text, role);
      fact.files.push(r.file);
      fact.literals.push(...r.literals);
      fact.credentials.push(...r.credentials);
      fact.keyLines.push(...r.keyLines);
    }
    return fact;
  },
};
