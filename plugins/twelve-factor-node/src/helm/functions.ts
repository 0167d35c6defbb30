/*
 * The functions Helm gives templates: Go's builtins, the Sprig library and
 * Helm's own (include, tpl, required, toYaml…). Results that depend on the
 * moment or on chance (now, randAlphaNum, uuidv4, generated certificates)
 * are fixed placeholders, so that a render is the same every time.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify } from 'yaml';
import {
  printValue,
  TemplateError,
  truthy,
  type TemplateFunction,
} from './template';

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: unknown): string => printValue(v);

const toList = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];

function toInt(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  }
  return 0;
}

function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : 0;
  }
  return typeof v === 'boolean' ? Number(v) : 0;
}

/** Helm's toYaml: sorted keys, no trailing newline. */
export function toYaml(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  return stringify(v, {
    sortMapEntries: true,
    indentSeq: false,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  }).replace(/\n$/, '');
}

function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as unknown as T;
  if (isDict(v)) {
    const out: Dict = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out as T;
  }
  return v;
}

/** Sprig's merge: keys of the sources fill what dst lacks, recursively; dst wins. */
function mergeInto(dst: Dict, src: unknown, overwrite: boolean): Dict {
  if (!isDict(src)) return dst;
  for (const [k, v] of Object.entries(src)) {
    const cur = dst[k];
    if (isDict(cur) && isDict(v)) mergeInto(cur, v, overwrite);
    else if (overwrite || !(k in dst) || cur === undefined || cur === null)
      dst[k] = deepCopy(v);
  }
  return dst;
}

function quoteGo(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, c => c);
}

/** Go's fmt.Sprintf for the verbs charts use. */
export function sprintf(format: string, ...args: unknown[]): string {
  let i = 0;
  return String(format).replace(
    /%([-+# 0]*)(\d+|\*)?(?:\.(\d+))?([vsdqtfFeEgGxXobc%T])/g,
    (
      _m,
      flags: string,
      width: string | undefined,
      prec: string | undefined,
      verb: string,
    ) => {
      if (verb === '%') return '%';
      const w = width === '*' ? String(toInt(args[i++])) : width;
      const a = args[i++];
      let out: string;
      switch (verb) {
        case 'd':
          out = String(toInt(a));
          break;
        case 'f':
        case 'F':
          out = toFloat(a).toFixed(prec !== undefined ? Number(prec) : 6);
          break;
        case 'e':
        case 'E':
          out = toFloat(a).toExponential(prec !== undefined ? Number(prec) : 6);
          break;
        case 'g':
        case 'G':
          out = String(toFloat(a));
          break;
        case 'q':
          out =
            typeof a === 'number'
              ? `'${String.fromCodePoint(a)}'`
              : quoteGo(str(a));
          break;
        case 't':
          out = String(truthy(a) && a !== 'false');
          break;
        case 'x':
        case 'X':
          out =
            typeof a === 'number'
              ? a.toString(16)
              : Buffer.from(str(a)).toString('hex');
          if (verb === 'X') out = out.toUpperCase();
          break;
        case 'o':
          out = toInt(a).toString(8);
          break;
        case 'b':
          out = toInt(a).toString(2);
          break;
        case 'c':
          out = String.fromCodePoint(toInt(a));
          break;
        case 'T':
          out = typeOf(a);
          break;
        default:
          out = a === undefined || a === null ? '<nil>' : str(a);
          if (prec !== undefined && verb === 's')
            out = out.slice(0, Number(prec));
      }
      if (w !== undefined && out.length < Number(w)) {
        const pad = (
          flags.includes('0') && !flags.includes('-') ? '0' : ' '
        ).repeat(Number(w) - out.length);
        out = flags.includes('-') ? out + pad : pad + out;
      }
      return out;
    },
  );
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

function compareGo(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
}

function equal(x: unknown, y: unknown): boolean {
  const a = x === undefined ? null : x;
  const b = y === undefined ? null : y;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

// ------------------------------------------------------------------ semver

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

function parseVersion(v: string): Version | undefined {
  const m =
    /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      String(v).trim(),
    );
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
    pre: m[4] ?? '',
  };
}

function cmpVersion(a: Version, b: Version): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    (a.pre === b.pre
      ? 0
      : a.pre === ''
      ? 1
      : b.pre === ''
      ? -1
      : a.pre < b.pre
      ? -1
      : 1)
  );
}

/** Masterminds semver constraints: `>=1.19-0`, `<1.22.0`, `^1.2`, `~1.2.3`, `1.x`, joined by `,`/space (and) and `||` (or). */
export function semverCompare(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v)
    throw new TemplateError('diagnostic.template.invalid-semver', { version });
  // A pre-release of the version (GKE's v1.30.1-gke.1) counts as the release for `-0` constraints.
  return String(constraint)
    .split('||')
    .some(alt =>
      alt
        .trim()
        .split(/\s*,\s*|\s+(?=[<>=!~^])/)
        .filter(Boolean)
        .every(c => satisfies(v, c.trim())),
    );
}

function satisfies(v: Version, c: string): boolean {
  const m =
    /^(>=|<=|!=|=>|=<|>|<|=|\^|~>?)?\s*v?([\dxX*]+(?:\.[\dxX*]+)?(?:\.[\dxX*]+)?(?:-[0-9A-Za-z.-]+)?)$/.exec(
      c,
    );
  if (!m) return true;
  const op = m[1] ?? '=';
  const parts = m[2].split('-')[0].split('.');
  const wild = parts.findIndex(p => /^[xX*]$/.test(p));
  const nums = parts.map(p => (/^[xX*]$/.test(p) ? 0 : Number(p)));
  const hasPre = m[2].includes('-');
  const target: Version = {
    major: nums[0] ?? 0,
    minor: nums[1] ?? 0,
    patch: nums[2] ?? 0,
    pre: hasPre ? m[2].slice(m[2].indexOf('-') + 1) : '',
  };
  // Without a pre-release in the constraint, pre-releases of the version are compared as their release.
  const cur = hasPre ? v : { ...v, pre: '' };
  const d = cmpVersion(cur, target);
  const given = wild === -1 ? parts.length : wild;
  const upper = (level: number): Version =>
    level <= 0
      ? { major: target.major + 1, minor: 0, patch: 0, pre: '' }
      : level === 1
      ? { major: target.major, minor: target.minor + 1, patch: 0, pre: '' }
      : {
          major: target.major,
          minor: target.minor,
          patch: target.patch + 1,
          pre: '',
        };
  switch (op) {
    case '>':
      return d > 0;
    case '>=':
    case '=>':
      return d >= 0;
    case '<':
      return d < 0;
    case '<=':
    case '=<':
      return given < 3 ? cmpVersion(cur, upper(given - 1)) < 0 : d <= 0;
    case '!=':
      return d !== 0;
    case '^':
      return (
        d >= 0 &&
        cmpVersion(
          cur,
          upper(
            target.major === 0 ? (given > 1 && target.minor === 0 ? 2 : 1) : 0,
          ),
        ) < 0
      );
    case '~':
    case '~>':
      return d >= 0 && cmpVersion(cur, upper(given <= 1 ? 0 : 1)) < 0;
    default:
      return given < 3
        ? d >= 0 && cmpVersion(cur, upper(given - 1)) < 0
        : d === 0;
  }
}

// ------------------------------------------------------------------ the table

/** What the Helm-specific functions need from the renderer. @public */
export interface HelmFunctionContext {
  include(name: string, data: unknown): string;
  tpl(text: string, data: unknown): string;
  /** Called when `required` finds nothing: returns what to render instead. */
  required(message: string): unknown;
}

/** The function table of a render. @public */
export function helmFunctions(
  ctx: HelmFunctionContext,
): Record<string, TemplateFunction> {
  const f: Record<string, TemplateFunction> = {
    // Go builtins
    not: (v: unknown) => !truthy(v),
    len: (v: unknown) =>
      typeof v === 'string' || Array.isArray(v)
        ? v.length
        : isDict(v)
        ? Object.keys(v).length
        : 0,
    index: (v: unknown, ...keys: unknown[]) => {
      let cur = v;
      for (const k of keys) {
        if (cur === null || cur === undefined) return undefined;
        cur = Array.isArray(cur) ? cur[toInt(k)] : (cur as any)[str(k)];
      }
      return cur;
    },
    slice: (v: unknown, ...idx: unknown[]) => {
      const a = toInt(idx[0] ?? 0);
      const b = idx[1] === undefined ? undefined : toInt(idx[1]);
      return typeof v === 'string' || Array.isArray(v) ? v.slice(a, b) : v;
    },
    print: (...a: unknown[]) =>
      a
        .map((x, i) =>
          i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string'
            ? ` ${str(x)}`
            : str(x),
        )
        .join(''),
    println: (...a: unknown[]) => `${a.map(str).join(' ')}\n`,
    printf: (format: unknown, ...a: unknown[]) => sprintf(str(format), ...a),
    eq: (a: unknown, ...b: unknown[]) => b.some(x => equal(a, x)),
    ne: (a: unknown, b: unknown) => !equal(a, b),
    lt: (a: unknown, b: unknown) => compareGo(a, b) < 0,
    le: (a: unknown, b: unknown) => compareGo(a, b) <= 0,
    gt: (a: unknown, b: unknown) => compareGo(a, b) > 0,
    ge: (a: unknown, b: unknown) => compareGo(a, b) >= 0,
    html: (s: unknown) =>
      str(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`),
    js: (s: unknown) => JSON.stringify(str(s)).slice(1, -1),
    urlquery: (...a: unknown[]) => encodeURIComponent(a.map(str).join('')),
    call: (fn: unknown, ...a: unknown[]) =>
      typeof fn === 'function' ? fn(...a) : undefined,

    // Helm
    include: (name: unknown, data: unknown) => ctx.include(str(name), data),
    tpl: (text: unknown, data: unknown) => ctx.tpl(str(text), data),
    required: (message: unknown, v: unknown) =>
      v === undefined || v === null || v === ''
        ? ctx.required(str(message))
        : v,
    fail: (message: unknown) => {
      throw new TemplateError('diagnostic.template.fail', {
        message: str(message),
      });
    },
    lookup: () => ({}),
    toYaml,
    mustToYaml: toYaml,
    toYamlPretty: toYaml,
    fromYaml: (s: unknown) => {
      try {
        const v = parseYaml(str(s));
        return isDict(v) ? v : {};
      } catch (e) {
        return { Error: (e as Error).message };
      }
    },
    fromYamlArray: (s: unknown) => {
      try {
        const v = parseYaml(str(s));
        return Array.isArray(v) ? v : [];
      } catch {
        return [];
      }
    },
    toJson: (v: unknown) => JSON.stringify(v ?? null),
    mustToJson: (v: unknown) => JSON.stringify(v ?? null),
    toPrettyJson: (v: unknown) => JSON.stringify(v ?? null, null, 2),
    toRawJson: (v: unknown) => JSON.stringify(v ?? null),
    fromJson: (s: unknown) => {
      try {
        return JSON.parse(str(s));
      } catch {
        return {};
      }
    },
    fromJsonArray: (s: unknown) => {
      try {
        const v = JSON.parse(str(s));
        return Array.isArray(v) ? v : [];
      } catch {
        return [];
      }
    },
    toToml: (v: unknown) => toYaml(v),

    // Strings
    quote: (...a: unknown[]) =>
      a
        .filter(x => x !== undefined && x !== null)
        .map(x => quoteGo(str(x)))
        .join(' '),
    squote: (...a: unknown[]) =>
      a
        .filter(x => x !== undefined && x !== null)
        .map(x => `'${str(x)}'`)
        .join(' '),
    upper: (s: unknown) => str(s).toUpperCase(),
    lower: (s: unknown) => str(s).toLowerCase(),
    title: (s: unknown) => str(s).replace(/\b\w/g, c => c.toUpperCase()),
    untitle: (s: unknown) => str(s).replace(/\b\w/g, c => c.toLowerCase()),
    trim: (s: unknown) => str(s).trim(),
    trimAll: (cut: unknown, s: unknown) => {
      const chars = new Set(str(cut));
      let t = str(s);
      while (t && chars.has(t[0])) t = t.slice(1);
      while (t && chars.has(t[t.length - 1])) t = t.slice(0, -1);
      return t;
    },
    trimPrefix: (p: unknown, s: unknown) =>
      str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s),
    trimSuffix: (p: unknown, s: unknown) =>
      str(p) && str(s).endsWith(str(p))
        ? str(s).slice(0, -str(p).length)
        : str(s),
    trunc: (n: unknown, s: unknown) => {
      const t = str(s);
      const k = toInt(n);
      return k >= 0 ? t.slice(0, k) : t.slice(Math.max(0, t.length + k));
    },
    abbrev: (n: unknown, s: unknown) => {
      const t = str(s);
      const k = toInt(n);
      return t.length <= k ? t : `${t.slice(0, Math.max(0, k - 3))}...`;
    },
    substr: (a: unknown, b: unknown, s: unknown) => {
      const t = str(s);
      const start = toInt(a);
      const end = toInt(b);
      return end < 0 ? t.slice(start) : t.slice(start, end);
    },
    replace: (old: unknown, nw: unknown, s: unknown) =>
      str(s).split(str(old)).join(str(nw)),
    repeat: (n: unknown, s: unknown) => str(s).repeat(Math.max(0, toInt(n))),
    contains: (sub: unknown, s: unknown) => str(s).includes(str(sub)),
    hasPrefix: (p: unknown, s: unknown) => str(s).startsWith(str(p)),
    hasSuffix: (p: unknown, s: unknown) => str(s).endsWith(str(p)),
    nospace: (s: unknown) => str(s).replace(/\s+/g, ''),
    cat: (...a: unknown[]) =>
      a
        .filter(x => x !== undefined && x !== null)
        .map(str)
        .join(' '),
    indent: (n: unknown, s: unknown) => {
      const pad = ' '.repeat(Math.max(0, toInt(n)));
      return pad + str(s).replace(/\n/g, `\n${pad}`);
    },
    nindent: (n: unknown, s: unknown) => {
      const pad = ' '.repeat(Math.max(0, toInt(n)));
      return `\n${pad}${str(s).replace(/\n/g, `\n${pad}`)}`;
    },
    wrap: (_n: unknown, s: unknown) => str(s),
    wrapWith: (_n: unknown, _w: unknown, s: unknown) => str(s),
    plural: (one: unknown, many: unknown, n: unknown) =>
      toInt(n) === 1 ? str(one) : str(many),
    snakecase: (s: unknown) =>
      str(s)
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[-\s]+/g, '_')
        .toLowerCase(),
    kebabcase: (s: unknown) =>
      str(s)
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .replace(/[_\s]+/g, '-')
        .toLowerCase(),
    camelcase: (s: unknown) =>
      str(s)
        .split(/[_\-\s]+/)
        .map(w => (w ? w[0].toUpperCase() + w.slice(1) : ''))
        .join(''),
    shuffle: (s: unknown) => str(s),
    initials: (s: unknown) =>
      str(s)
        .split(/\s+/)
        .map(w => w[0] ?? '')
        .join(''),
    randAlphaNum: (n: unknown) => 'x'.repeat(Math.max(0, toInt(n))),
    randAlpha: (n: unknown) => 'x'.repeat(Math.max(0, toInt(n))),
    randNumeric: (n: unknown) => '0'.repeat(Math.max(0, toInt(n))),
    randAscii: (n: unknown) => 'x'.repeat(Math.max(0, toInt(n))),
    uuidv4: () => '00000000-0000-4000-8000-000000000000',
    split: (sep: unknown, s: unknown) => {
      const out: Dict = {};
      str(s)
        .split(str(sep))
        .forEach((p, i) => {
          out[`_${i}`] = p;
        });
      return out;
    },
    splitList: (sep: unknown, s: unknown) => str(s).split(str(sep)),
    splitn: (sep: unknown, n: unknown, s: unknown) => {
      const parts = str(s).split(str(sep));
      const k = toInt(n);
      const list =
        parts.length > k
          ? [...parts.slice(0, k - 1), parts.slice(k - 1).join(str(sep))]
          : parts;
      const out: Dict = {};
      list.forEach((p, i) => {
        out[`_${i}`] = p;
      });
      return out;
    },
    join: (sep: unknown, l: unknown) => toList(l).map(str).join(str(sep)),
    sortAlpha: (l: unknown) => toList(l).map(str).sort(),
    regexMatch: (re: unknown, s: unknown) => goRegex(re).test(str(s)),
    mustRegexMatch: (re: unknown, s: unknown) => goRegex(re).test(str(s)),
    regexFind: (re: unknown, s: unknown) => goRegex(re).exec(str(s))?.[0] ?? '',
    regexFindAll: (re: unknown, s: unknown, n: unknown) => {
      const all = str(s).match(goRegex(re, 'g')) ?? [];
      const k = toInt(n);
      return k < 0 ? all : all.slice(0, k);
    },
    regexReplaceAll: (re: unknown, s: unknown, repl: unknown) =>
      str(s).replace(
        goRegex(re, 'g'),
        str(repl).replace(/\$\{?(\d+)\}?/g, '$$$1'),
      ),
    regexReplaceAllLiteral: (re: unknown, s: unknown, repl: unknown) =>
      str(s).replace(goRegex(re, 'g'), () => str(repl)),
    regexSplit: (re: unknown, s: unknown, n: unknown) => {
      const parts = str(s).split(goRegex(re));
      const k = toInt(n);
      return k < 0 ? parts : parts.slice(0, k);
    },
    regexQuoteMeta: (s: unknown) =>
      str(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    b64enc: (s: unknown) => Buffer.from(str(s)).toString('base64'),
    b64dec: (s: unknown) => Buffer.from(str(s), 'base64').toString(),
    b32enc: (s: unknown) => str(s),
    b32dec: (s: unknown) => str(s),
    sha256sum: (s: unknown) =>
      createHash('sha256').update(str(s)).digest('hex'),
    sha1sum: (s: unknown) => createHash('sha1').update(str(s)).digest('hex'),
    sha512sum: (s: unknown) =>
      createHash('sha512').update(str(s)).digest('hex'),
    adler32sum: (s: unknown) => String(adler32(str(s))),
    toString: (v: unknown) => str(v),
    toStrings: (l: unknown) => toList(l).map(str),
    toDecimal: (v: unknown) => parseInt(str(v), 8) || 0,
    htpasswd: (u: unknown) => `${str(u)}:<hash>`,
    derivePassword: () => 'password',
    encryptAES: (_k: unknown, s: unknown) => str(s),
    decryptAES: (_k: unknown, s: unknown) => str(s),
    genPrivateKey: () => '<private key>',
    genCA: () => ({ Cert: '<certificate>', Key: '<key>' }),
    genCAWithKey: () => ({ Cert: '<certificate>', Key: '<key>' }),
    genSelfSignedCert: () => ({ Cert: '<certificate>', Key: '<key>' }),
    genSelfSignedCertWithKey: () => ({ Cert: '<certificate>', Key: '<key>' }),
    genSignedCert: () => ({ Cert: '<certificate>', Key: '<key>' }),
    genSignedCertWithKey: () => ({ Cert: '<certificate>', Key: '<key>' }),
    buildCustomCert: () => ({ Cert: '<certificate>', Key: '<key>' }),
    env: () => '',
    expandenv: (s: unknown) => str(s),
    getHostByName: () => '',

    // Numbers
    int: toInt,
    int64: toInt,
    float64: toFloat,
    atoi: (s: unknown) => toInt(s),
    add: (...a: unknown[]) => a.reduce<number>((s, x) => s + toFloat(x), 0),
    add1: (a: unknown) => toInt(a) + 1,
    sub: (a: unknown, b: unknown) => toFloat(a) - toFloat(b),
    mul: (...a: unknown[]) => a.reduce<number>((s, x) => s * toFloat(x), 1),
    div: (a: unknown, b: unknown) =>
      toInt(b) === 0 ? 0 : Math.trunc(toInt(a) / toInt(b)),
    mod: (a: unknown, b: unknown) => (toInt(b) === 0 ? 0 : toInt(a) % toInt(b)),
    addf: (...a: unknown[]) => a.reduce<number>((s, x) => s + toFloat(x), 0),
    subf: (a: unknown, ...b: unknown[]) =>
      b.reduce<number>((s, x) => s - toFloat(x), toFloat(a)),
    mulf: (...a: unknown[]) => a.reduce<number>((s, x) => s * toFloat(x), 1),
    divf: (a: unknown, ...b: unknown[]) =>
      b.reduce<number>((s, x) => s / (toFloat(x) || 1), toFloat(a)),
    max: (...a: unknown[]) => Math.max(...a.map(toInt)),
    min: (...a: unknown[]) => Math.min(...a.map(toInt)),
    maxf: (...a: unknown[]) => Math.max(...a.map(toFloat)),
    minf: (...a: unknown[]) => Math.min(...a.map(toFloat)),
    floor: (a: unknown) => Math.floor(toFloat(a)),
    ceil: (a: unknown) => Math.ceil(toFloat(a)),
    round: (a: unknown, p: unknown) => {
      const k = 10 ** toInt(p);
      return Math.round(toFloat(a) * k) / k;
    },
    until: (n: unknown) =>
      Array.from({ length: Math.max(0, toInt(n)) }, (_v, i) => i),
    untilStep: (start: unknown, stop: unknown, step: unknown) => {
      const out: number[] = [];
      const s = toInt(step) || 1;
      for (
        let i = toInt(start);
        s > 0 ? i < toInt(stop) : i > toInt(stop);
        i += s
      ) {
        out.push(i);
        if (out.length > 10000) break;
      }
      return out;
    },
    seq: (...a: unknown[]) => {
      const n = a.map(toInt);
      const [start, step, end] =
        n.length === 1
          ? [1, 1, n[0]]
          : n.length === 2
          ? [n[0], 1, n[1]]
          : [n[0], n[1], n[2]];
      const out: number[] = [];
      for (let i = start; step > 0 ? i <= end : i >= end; i += step || 1) {
        out.push(i);
        if (out.length > 10000) break;
      }
      return out.join(' ');
    },

    // Defaults and flow
    default: (d: unknown, ...v: unknown[]) =>
      v.length && truthy(v[v.length - 1]) ? v[v.length - 1] : d,
    empty: (v: unknown) => !truthy(v),
    coalesce: (...a: unknown[]) => a.find(truthy),
    all: (...a: unknown[]) => a.every(truthy),
    any: (...a: unknown[]) => a.some(truthy),
    ternary: (a: unknown, b: unknown, c: unknown) => (truthy(c) ? a : b),
    compact: (l: unknown) => toList(l).filter(truthy),
    mustCompact: (l: unknown) => toList(l).filter(truthy),

    // Types
    typeOf,
    typeIs: (t: unknown, v: unknown) => typeOf(v) === str(t),
    typeIsLike: (t: unknown, v: unknown) =>
      typeOf(v) === str(t).replace(/^\*/, ''),
    kindOf,
    kindIs: (k: unknown, v: unknown) => kindOf(v) === str(k),
    deepEqual: (a: unknown, b: unknown) =>
      JSON.stringify(a) === JSON.stringify(b),

    // Lists
    list: (...a: unknown[]) => a,
    tuple: (...a: unknown[]) => a,
    first: (l: unknown) => toList(l)[0],
    last: (l: unknown) => toList(l)[toList(l).length - 1],
    rest: (l: unknown) => toList(l).slice(1),
    initial: (l: unknown) => toList(l).slice(0, -1),
    append: (l: unknown, v: unknown) => [...toList(l), v],
    push: (l: unknown, v: unknown) => [...toList(l), v],
    prepend: (l: unknown, v: unknown) => [v, ...toList(l)],
    concat: (...ls: unknown[]) => ls.flatMap(toList),
    reverse: (l: unknown) => [...toList(l)].reverse(),
    uniq: (l: unknown) => {
      const out: unknown[] = [];
      for (const x of toList(l)) if (!out.some(y => equal(x, y))) out.push(x);
      return out;
    },
    without: (l: unknown, ...drop: unknown[]) =>
      toList(l).filter(x => !drop.some(d => equal(x, d))),
    has: (v: unknown, l: unknown) => toList(l).some(x => equal(x, v)),
    chunk: (n: unknown, l: unknown) => {
      const size = Math.max(1, toInt(n));
      const a = toList(l);
      const out: unknown[][] = [];
      for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
      return out;
    },

    // Dicts
    dict: (...a: unknown[]) => {
      const out: Dict = {};
      for (let i = 0; i < a.length; i += 2) out[str(a[i])] = a[i + 1];
      return out;
    },
    get: (d: unknown, k: unknown) => (isDict(d) ? d[str(k)] ?? '' : ''),
    set: (d: unknown, k: unknown, v: unknown) => {
      if (isDict(d)) d[str(k)] = v;
      return d;
    },
    unset: (d: unknown, k: unknown) => {
      if (isDict(d)) delete d[str(k)];
      return d;
    },
    hasKey: (d: unknown, k: unknown) =>
      isDict(d) && Object.prototype.hasOwnProperty.call(d, str(k)),
    keys: (...ds: unknown[]) =>
      ds.flatMap(d => (isDict(d) ? Object.keys(d) : [])),
    values: (d: unknown) => (isDict(d) ? Object.values(d) : []),
    pluck: (k: unknown, ...ds: unknown[]) =>
      ds
        .filter(isDict)
        .filter(d => str(k) in d)
        .map(d => d[str(k)]),
    pick: (d: unknown, ...ks: unknown[]) => {
      const out: Dict = {};
      if (isDict(d)) for (const k of ks.map(str)) if (k in d) out[k] = d[k];
      return out;
    },
    omit: (d: unknown, ...ks: unknown[]) => {
      const drop = new Set(ks.map(str));
      const out: Dict = {};
      if (isDict(d))
        for (const [k, v] of Object.entries(d)) if (!drop.has(k)) out[k] = v;
      return out;
    },
    dig: (...a: unknown[]) => {
      const d = a[a.length - 1];
      const def = a[a.length - 2];
      let cur: unknown = d;
      for (const k of a.slice(0, -2)) {
        if (!isDict(cur) || !(str(k) in cur)) return def;
        cur = cur[str(k)];
      }
      return cur;
    },
    merge: (dst: unknown, ...srcs: unknown[]) => {
      const d = isDict(dst) ? dst : {};
      for (const s of srcs) mergeInto(d, s, false);
      return d;
    },
    mergeOverwrite: (dst: unknown, ...srcs: unknown[]) => {
      const d = isDict(dst) ? dst : {};
      for (const s of srcs) mergeInto(d, s, true);
      return d;
    },
    deepCopy: (v: unknown) => deepCopy(v),

    // Semver, paths, dates
    semver: (v: unknown) => {
      const p = parseVersion(str(v));
      if (!p)
        throw new TemplateError('diagnostic.template.invalid-semver', {
          version: str(v),
        });
      return {
        Major: p.major,
        Minor: p.minor,
        Patch: p.patch,
        Prerelease: p.pre,
        Original: str(v),
      };
    },
    semverCompare: (c: unknown, v: unknown) => semverCompare(str(c), str(v)),
    base: (p: unknown) => str(p).split('/').filter(Boolean).pop() ?? '',
    dir: (p: unknown) => str(p).split('/').slice(0, -1).join('/') || '.',
    ext: (p: unknown) => /\.[^./]*$/.exec(str(p))?.[0] ?? '',
    clean: (p: unknown) => str(p).replace(/\/+/g, '/').replace(/\/$/, ''),
    isAbs: (p: unknown) => str(p).startsWith('/'),
    now: () => '2000-01-01T00:00:00Z',
    date: () => '2000-01-01',
    dateInZone: () => '2000-01-01',
    htmlDate: () => '2000-01-01',
    unixEpoch: () => '946684800',
    ago: () => '0s',
    toDate: () => '2000-01-01T00:00:00Z',
    duration: (v: unknown) => `${toInt(v)}s`,
    urlParse: (s: unknown) => {
      try {
        const u = new URL(str(s));
        return {
          scheme: u.protocol.replace(/:$/, ''),
          host: u.host,
          path: u.pathname,
          query: u.search.slice(1),
          fragment: u.hash.slice(1),
          userinfo: u.username,
          opaque: '',
        };
      } catch {
        return {};
      }
    },
    urlJoin: (d: unknown) =>
      isDict(d) ? `${str(d.scheme)}://${str(d.host)}${str(d.path)}` : '',
  };
  // Sprig's must* variants return errors instead of panicking: the same here.
  for (const name of [
    'append',
    'prepend',
    'first',
    'last',
    'rest',
    'initial',
    'uniq',
    'without',
    'has',
    'merge',
    'mergeOverwrite',
    'deepCopy',
    'regexFind',
    'regexFindAll',
    'regexReplaceAll',
    'regexReplaceAllLiteral',
    'regexSplit',
    'fromJson',
    'toPrettyJson',
    'toRawJson',
    'dateInZone',
    'toDate',
    'push',
    'reverse',
    'chunk',
    'slice',
  ])
    f[`must${name[0].toUpperCase()}${name.slice(1)}`] ??= f[name];
  return f;
}

/** A Go (RE2) pattern as a JavaScript RegExp: the common syntax is shared; `(?i)` flags are moved. */
function goRegex(re: unknown, given = ''): RegExp {
  let flags = given;
  let src = str(re);
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    for (const c of m[1])
      if ('ims'.includes(c) && !flags.includes(c)) flags += c;
  }
  src = src.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(src, flags);
  } catch {
    throw new TemplateError('diagnostic.template.invalid-regex', {
      pattern: str(re),
    });
  }
}

function adler32(s: string): number {
  let a = 1;
  let b = 0;
  for (const c of Buffer.from(s)) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
