/*
 * Plants credentials of every shape in every place a repository or a
 * cluster keeps configuration, for tests that assert no output repeats one:
 * workload env, ConfigMap data, kustomize generators, `.env*`, compose, CI
 * variables, code constants and defaults, Helm values, settings files, and
 * the env and ConfigMaps of live objects. Each value is unique to its place,
 * so a leak names where it came from.
 */
import { createHash } from 'node:crypto';
import { parse, parseAllDocuments, stringify, type Document } from 'yaml';

/** One planted value and where it was put. @public */
export interface PlantedCredential {
  /** e.g. `deployment env (pem)`. */
  place: string;
  value: string;
}

/** What plantCredentials returns. @public */
export interface PlantedRepo {
  files: Record<string, string>;
  /** The cluster dump with credentials in its workloads' env and a ConfigMap, when one was given. */
  clusterDump?: string;
  planted: PlantedCredential[];
}

function digest(seed: string, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    const bytes = createHash('sha256').update(`${seed}/${i}`).digest();
    for (const b of bytes) {
      if (out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

/** The values of every shape for one place; `tag` makes them unique to it. */
export function credentialValues(tag: string) {
  const t = digest(tag, ALNUM, 6);
  const pemBody = [0, 1, 2].map(
    i => `MIIE${digest(`${tag}pem${i}`, ALNUM, 60)}`,
  );
  return {
    password: `Pl4nt-${t}-pw!x`,
    pem: `-----BEGIN RSA PRIVATE KEY-----\n${pemBody.join(
      '\n',
    )}\n-----END RSA PRIVATE KEY-----`,
    pemBody,
    jwt: `eyJhbGciOiJIUzI1NiJ9.eyJ${digest(`${tag}jwt`, B64URL, 30)}.${digest(
      `${tag}sig`,
      B64URL,
      43,
    )}`,
    awsAccessKey: `AKIA${digest(`${tag}aws`, UPPER_DIGITS, 16)}`,
    awsSecret: digest(`${tag}awss`, `${ALNUM}+/`, 40),
    githubToken: `ghp_${digest(`${tag}gh`, ALNUM, 36)}`,
    slackToken: `xoxb-${digest(`${tag}sl`, '0123456789', 12)}-${digest(
      `${tag}sl2`,
      ALNUM,
      24,
    )}`,
    googleKey: `AIza${digest(`${tag}gk`, B64URL, 35)}`,
    stripeKey: `sk_live_${digest(`${tag}st`, ALNUM, 24)}`,
    urlPassword: `Pl4ntUrl${t}`,
    connPassword: `Pl4ntConn${t}`,
    azureKey: `${digest(`${tag}az`, `${ALNUM}+/`, 86)}==`,
  };
}

type Values = ReturnType<typeof credentialValues>;

function record(
  planted: PlantedCredential[],
  place: string,
  v: Values,
  used: Array<keyof Values>,
): void {
  for (const k of used) {
    if (k === 'pem') {
      for (const line of v.pemBody)
        planted.push({ place: `${place} (pem)`, value: line });
    } else if (k !== 'pemBody') {
      planted.push({ place: `${place} (${k})`, value: v[k] as string });
    }
  }
}

/** Env entries of every shape: names that say credential, and names that do not (the shape must tell). */
function envEntries(v: Values) {
  return [
    { name: 'DB_PASSWORD', value: v.password },
    { name: 'TLS_KEY_DATA', value: v.pem },
    { name: 'SESSION_JWT_VALUE', value: v.jwt },
    { name: 'AWS_ACCESS_KEY_ID', value: v.awsAccessKey },
    { name: 'AWS_SECRET_ACCESS_KEY', value: v.awsSecret },
    { name: 'GH_BOT', value: v.githubToken },
    {
      name: 'DATABASE_URL',
      value: `postgresql://app:${v.urlPassword}@10.20.30.40:5432/app`,
    },
  ];
}
const ENV_KEYS: Array<keyof Values> = [
  'password',
  'pem',
  'jwt',
  'awsAccessKey',
  'awsSecret',
  'githubToken',
  'urlPassword',
];

function configMapData(v: Values) {
  return {
    API_TOKEN: v.password,
    SLACK_BOT: v.slackToken,
    MAPS: v.googleKey,
    STORAGE: `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${v.azureKey};EndpointSuffix=core.windows.net`,
    SQL: `Server=tcp:sql.example.com,1433;Database=app;User ID=app;Password=${v.connPassword};`,
    SIGNING_KEY: v.pem,
  };
}
const CONFIGMAP_KEYS: Array<keyof Values> = [
  'password',
  'slackToken',
  'googleKey',
  'azureKey',
  'connPassword',
  'pem',
];

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
]);

/**
 * Adds env entries to every container of every workload of a YAML stream
 * (or a List), and a ConfigMap in the first workload's namespace with its
 * labels, so that it belongs to the same service; undefined when the stream
 * has no workload.
 */
function plantInWorkloads(
  text: string,
  env: object[],
  configMap: { metadata: Record<string, any>; [k: string]: unknown },
): string | undefined {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text) as Document[];
  } catch {
    return undefined;
  }
  if (docs.some(d => d.errors.length)) return undefined;
  const objects = docs.map(d => d.toJS());
  const list = objects.find(o => o?.kind === 'List' && Array.isArray(o.items));
  const all: any[] = list
    ? list.items
    : objects.filter(o => o && typeof o === 'object');
  const workloads = all.filter(o => plantInObject(o, env));
  if (workloads.length === 0) return undefined;
  const first = workloads[0].metadata ?? {};
  const cm = {
    ...configMap,
    metadata: {
      ...configMap.metadata,
      ...(first.namespace ? { namespace: first.namespace } : {}),
      ...(first.labels ? { labels: first.labels } : {}),
    },
  };
  if (list) {
    list.items.push(cm);
    return stringify(list);
  }
  return [...objects.filter(o => o !== null && o !== undefined), cm]
    .map(o => stringify(o))
    .join('---\n');
}

function plantInObject(obj: any, env: object[]): boolean {
  if (!WORKLOAD_KINDS.has(obj?.kind)) return false;
  const pod =
    obj.kind === 'Pod'
      ? obj.spec
      : obj.kind === 'CronJob'
      ? obj.spec?.jobTemplate?.spec?.template?.spec
      : obj.spec?.template?.spec;
  const containers = pod?.containers;
  if (!Array.isArray(containers)) return false;
  for (const c of containers)
    c.env = [...(Array.isArray(c.env) ? c.env : []), ...env];
  return true;
}

/**
 * A copy of a repository (and its cluster dump) with credentials planted
 * everywhere. Workload manifests keep their resources; new files are added
 * beside them.
 */
export function plantCredentials(
  files: Record<string, string>,
  options: { clusterDump?: string; name?: string } = {},
): PlantedRepo {
  const name = options.name ?? 'svc';
  const planted: PlantedCredential[] = [];
  const out: Record<string, string> = { ...files };

  // Workload env and ConfigMap data, in the manifests that declare workloads.
  for (const [path, text] of Object.entries(files)) {
    if (
      !/\.ya?ml$/.test(path) ||
      !/^kind:\s*(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod)\b/m.test(
        text,
      )
    )
      continue;
    const env = credentialValues(`env:${path}`);
    const cm = credentialValues(`cm:${path}`);
    const planted1 = plantInWorkloads(text, envEntries(env), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${name}-planted-${planted.length}` },
      data: configMapData(cm),
    });
    if (!planted1) continue;
    out[path] = planted1;
    record(planted, `${path} workload env`, env, ENV_KEYS);
    record(planted, `${path} ConfigMap data`, cm, CONFIGMAP_KEYS);
  }

  // Kustomize generators: a ConfigMap and a Secret from literals.
  for (const [path, text] of Object.entries(files)) {
    if (!/(^|\/)kustomization\.ya?ml$/.test(path)) continue;
    let k: any;
    try {
      k = parse(text);
    } catch {
      continue;
    }
    if (!k || typeof k !== 'object') continue;
    const v = credentialValues(`kustomize:${path}`);
    k.configMapGenerator = [
      ...(Array.isArray(k.configMapGenerator) ? k.configMapGenerator : []),
      {
        name: `${name}-planted-literals`,
        literals: [`REDIS_PASSWORD=${v.password}`, `STRIPE_KEY=${v.stripeKey}`],
      },
    ];
    k.secretGenerator = [
      ...(Array.isArray(k.secretGenerator) ? k.secretGenerator : []),
      {
        name: `${name}-planted-secret`,
        literals: [`ROOT_PASSWORD=${v.connPassword}`],
      },
    ];
    out[path] = stringify(k);
    record(planted, `${path} generators`, v, [
      'password',
      'stripeKey',
      'connPassword',
    ]);
  }

  const envFile = (tag: string) => {
    const v = credentialValues(tag);
    record(planted, tag, v, ['password', 'stripeKey', 'pem', 'jwt']);
    return `DB_PASSWORD=${v.password}\nSTRIPE_SECRET_KEY=${
      v.stripeKey
    }\nPRIVATE_KEY="${v.pem.replace(/\n/g, '\\n')}"\nAUTH_HEADER=Bearer ${
      v.jwt
    }\n`;
  };
  out['.env'] = envFile('.env');
  out['.env.production'] = envFile('.env.production');
  out['.env.example'] = envFile('.env.example');

  const compose = credentialValues('compose');
  record(planted, 'compose', compose, [
    'password',
    'githubToken',
    'urlPassword',
  ]);
  out[
    'docker-compose.planted.yml'
  ] = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${compose.password}\n  app:\n    build: .\n    environment:\n      - GITHUB_TOKEN=${compose.githubToken}\n      - DATABASE_URL=postgresql://app:${compose.urlPassword}@db:5432/app\n`;

  const gha = credentialValues('github-actions');
  record(planted, 'GitHub Actions variables', gha, [
    'password',
    'awsSecret',
    'githubToken',
  ]);
  out[
    '.github/workflows/planted.yml'
  ] = `name: planted\non: [push]\nenv:\n  DOCKER_PASSWORD: ${gha.password}\n  AWS_SECRET_ACCESS_KEY: ${gha.awsSecret}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "$DOCKER_PASSWORD" | docker login -u bot --password-stdin\n        env:\n          GH_TOKEN: ${gha.githubToken}\n`;
  const gitlab = credentialValues('gitlab-ci');
  record(planted, 'GitLab CI variables', gitlab, ['password', 'jwt']);
  out['.gitlab-ci.yml'] = `${
    files['.gitlab-ci.yml'] ?? ''
  }\nvariables:\n  REGISTRY_PASSWORD: "${gitlab.password}"\n  DEPLOY_JWT: ${
    gitlab.jwt
  }\n`;

  const py = credentialValues('python');
  record(planted, 'Python constants', py, [
    'password',
    'awsSecret',
    'awsAccessKey',
    'urlPassword',
  ]);
  out[
    'src/planted_settings.py'
  ] = `import os\n\nSECRET_KEY = "${py.password}"\nAWS_SECRET_ACCESS_KEY = '${py.awsSecret}'\nAWS_ACCESS_KEY_ID = "${py.awsAccessKey}"\nDATABASE_URL = os.getenv("DATABASE_URL", "postgresql://app:${py.urlPassword}@10.1.2.3/app")\n`;
  const ts = credentialValues('typescript');
  record(planted, 'TypeScript constants', ts, ['password', 'jwt', 'googleKey']);
  out[
    'src/plantedConfig.ts'
  ] = `export const apiKey = '${ts.password}';\nconst serviceJwt = "${ts.jwt}";\nexport const maps = { key: '${ts.googleKey}', jwt: serviceJwt };\n`;
  const java = credentialValues('java');
  record(planted, 'Java constants', java, ['password']);
  out[
    'src/main/java/Planted.java'
  ] = `public class Planted {\n  private static final String PASSWORD = "${java.password}";\n}\n`;
  const go = credentialValues('go');
  record(planted, 'Go constants', go, ['password', 'slackToken']);
  out[
    'cmd/planted/main.go'
  ] = `package main\n\nconst dbPassword = "${go.password}"\nvar slack = "${go.slackToken}"\n`;

  const helm = credentialValues('helm');
  record(planted, 'Helm values', helm, ['password', 'stripeKey', 'pem']);
  out['chart/Chart.yaml'] = `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;
  out[
    'chart/values.yaml'
  ] = `image:\n  repository: registry.example.com/${name}\n  tag: 1.0.0\nauth:\n  password: ${
    helm.password
  }\npayments:\n  apiKey: "${helm.stripeKey}"\ntls:\n  key: |\n${helm.pem
    .split('\n')
    .map(l => `    ${l}`)
    .join('\n')}\n`;

  const props = credentialValues('settings');
  record(planted, 'settings files', props, ['password', 'connPassword']);
  out[
    'src/main/resources/application-planted.properties'
  ] = `spring.datasource.password=${props.password}\n`;
  out[
    'appsettings.json'
  ] = `{\n  "ConnectionStrings": {\n    "Default": "Server=sql.example.com;Database=app;User Id=app;Password=${props.connPassword};"\n  }\n}\n`;

  let clusterDump: string | undefined;
  if (options.clusterDump) {
    const live = credentialValues('cluster env');
    const liveCm = credentialValues('cluster ConfigMap');
    clusterDump =
      plantInWorkloads(options.clusterDump, envEntries(live), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `${name}-planted-live`, namespace: 'default' },
        data: configMapData(liveCm),
      }) ?? options.clusterDump;
    record(planted, 'cluster workload env', live, ENV_KEYS);
    record(planted, 'cluster ConfigMap data', liveCm, CONFIGMAP_KEYS);
  }
  return { files: out, ...(clusterDump ? { clusterDump } : {}), planted };
}

/** The planted values (and lines of planted keys) that a text repeats, with where each was planted. @public */
export function plantedLeaks(
  text: string,
  planted: ReadonlyArray<PlantedCredential>,
): string[] {
  return planted
    .filter(p => text.includes(p.value))
    .map(p => `${p.place}: ${p.value.slice(0, 12)}…`);
}
