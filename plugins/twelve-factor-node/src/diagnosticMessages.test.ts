/*
 * Scan diagnostics read in Korean: every diagnostic the engine writes, on
 * the examples and on deliberately bad input (a broken repository, broken
 * Kustomize and Helm trees, a broken cluster dump and waiver file), carries
 * a message whose id is in the catalog, whose parameters are the
 * template's, whose English is the stored `message` exactly and whose
 * Korean is Korean. An error of ours that it quotes is checked the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ENGINE_MESSAGES,
  renderDiagnostic,
  renderMessage,
  type Diagnostic,
  type EngineMessage,
  type MessageParam,
} from '@internal/plugin-twelve-factor-common';
import { scoreAllExamples } from './__testUtils__/allExamples';
import { serviceEntity, snapshotOf } from './__testUtils__';
import { createTwelveFactorEngine } from './engine/createEngine';
import { MessageError } from './engine/diagnostic';
import { readWaivers } from './facts/waivers';
import { renderHelmChart } from './helm/chart';
import { loadClusterDump } from './kube/dump';
import { renderKustomization } from './kustomize';
import { buildSnapshot } from './sources/buildSnapshot';
import { loadLocalRepo } from './sources/loadLocalRepo';
import { RepoSnapshot } from './sources/RepoSnapshot';

jest.setTimeout(120_000);

const HANGUL = /[가-힣]/;

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)/g)].map(m => m[1]).sort();
}

/** What is wrong with a message (and the messages it quotes): unknown id, other parameters than its template's. */
function messageProblems(message: EngineMessage, where: string): string[] {
  const entry = ENGINE_MESSAGES[message.id];
  if (!entry) return [`${where}: no message '${message.id}'`];
  const problems: string[] = [];
  const names = Object.keys(message.params ?? {}).sort();
  if (JSON.stringify(names) !== JSON.stringify(placeholders(entry.en)))
    problems.push(
      `${where}: ${message.id} has parameters ${names} for ${entry.en}`,
    );
  const nested = (value: MessageParam): void => {
    if (typeof value !== 'object') return;
    if ('list' in value) value.list.forEach(nested);
    else problems.push(...messageProblems(value, `${where} > ${message.id}`));
  };
  Object.values(message.params ?? {}).forEach(nested);
  return problems;
}

function diagnosticProblems(d: Diagnostic): string[] {
  const where = `[${d.source}${d.path ? ` ${d.path}` : ''}] ${d.message}`;
  if (!d.messageMsg) return [`${where}: no messageMsg`];
  const problems = messageProblems(d.messageMsg, where);
  if (problems.length) return problems;
  if (renderMessage(d.messageMsg, 'en') !== d.message)
    problems.push(
      `${where}: its message says ${renderMessage(d.messageMsg, 'en')}`,
    );
  if (!HANGUL.test(renderDiagnostic(d, 'ko')))
    problems.push(`${where}: not Korean: ${renderDiagnostic(d, 'ko')}`);
  return problems;
}

/** The ids a diagnostic says, its own and those it quotes. */
function idsOf(message: EngineMessage | undefined, out: Set<string>): void {
  if (!message) return;
  out.add(message.id);
  const nested = (value: MessageParam): void => {
    if (typeof value !== 'object') return;
    if ('list' in value) value.list.forEach(nested);
    else idsOf(value, out);
  };
  Object.values(message.params ?? {}).forEach(nested);
}

const DEPLOYMENT = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0.0\n`;

/** Kustomize trees, one problem (or a few) each; rendered as the manifests fact renders them. */
const KUSTOMIZE: Array<Record<string, string>> = [
  {
    'k/kustomization.yaml': `resources:
  - nope.yaml
  - ../../../etc/passwd
  - ../outside.yaml
  - https://github.com/org/repo//base?ref=v1
  - empty-folder
  - comp
  - app.yaml
  - app-again.yaml
  - bad.yaml
  - notmap.yaml
components: [../../../x, missing-comp, notcomp]
crds: [crd.yaml]
unknownField: 1
helmCharts: [{name: x}]
openapi: {path: schema.json}
commonLabels: {app: a}
labels: [{pairs: {app: b}}]
sortOptions: {order: sideways}
vars:
  - objref: {kind: Deployment, name: app}
  - name: V
    objref: {kind: Deployment, name: app, apiVersion: apps/v1}
    fieldref: {fieldPath: spec.nothing}
  - name: V
    objref: {kind: Deployment, name: app, apiVersion: apps/v1}
  - name: W
    objref: {kind: Deployment, name: ghost, apiVersion: apps/v1}
replicas: [{name: nothing, count: 2}]
configurations: [cfg-scalar.yaml, cfg-malformed.yaml, cfg-invalid.yaml, cfg-missing.yaml, cfg-list.yaml, cfg-entry.yaml, cfg-field.yaml, cfg-nr.yaml, cfg-nr-entry.yaml, cfg-nr-field.yaml]
`,
    'k/app.yaml': DEPLOYMENT('app'),
    'k/app-again.yaml': DEPLOYMENT('app'),
    'outside.yaml': DEPLOYMENT('outside'),
    'k/empty-folder/readme.txt': 'nothing here',
    'k/comp/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: c-\n',
    'k/notcomp/kustomization.yaml': 'resources: [../app.yaml]\n',
    'k/bad.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [unclosed\n',
    'k/notmap.yaml':
      '- 1\n---\napiVersion: v1\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n---\napiVersion: v1\nkind: ConfigMapList\nitems: 3\n',
    'k/cfg-scalar.yaml': '3\n',
    'k/cfg-malformed.yaml': 'namePrefix: [unclosed\n',
    'k/cfg-invalid.yaml': 'nameprefix: []\n',
    'k/cfg-list.yaml': 'commonLabels: 3\n',
    'k/cfg-entry.yaml': 'commonLabels: [3]\n',
    'k/cfg-field.yaml': 'commonLabels: [{path: a, weird: 1}]\n',
    'k/cfg-nr.yaml': 'nameReference: 3\n',
    'k/cfg-nr-entry.yaml': 'nameReference: [3]\n',
    'k/cfg-nr-field.yaml': 'nameReference: [{kind: X, weird: 1}]\n',
  },
  // Patches of every kind gone wrong.
  {
    'p/kustomization.yaml': `resources: [app.yaml, other.yaml]
patches:
  - target: {kind: Deployment}
  - path: p.yaml
    patch: "x: 1"
  - path: malformed.yaml
  - path: not-a-map.yaml
  - path: no-kind.yaml
  - path: no-name.yaml
  - patch: "[{op: add}]"
    target: {kind: Deployment}
  - patch: "[{op: remove, path: /spec/nothing}]"
    target: {kind: Deployment}
  - patch: "[{op: add, path: /x, value: 1}]"
  - patch: "[{op: add, path: /x, value: 1}]"
    target: {kind: Deployment, labelSelector: "a in (b"}
  - path: two.yaml
    target: {kind: Deployment}
  - path: ghost.yaml
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec: {template: {spec: {containers: [{name: app, $patch: sideways}]}}}
  - path: wrong-shape.yaml
  - patch: "[{op: replace, path: '', value: 1}]"
    target: {kind: Deployment, name: app}
patchesJson6902:
  - target: {kind: Deployment}
    path: j.yaml
  - target: {kind: Deployment, name: app}
    path: j.yaml
    patch: "[]"
  - target: {kind: Deployment, name: app}
  - target: {kind: Deployment, name: ghost}
    patch: "[{op: test, path: /kind, value: Deployment}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: move, path: /a}, {op: copy, path: /b}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: sideways, path: /a}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: test, path: /kind, value: Service}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: add, path: nope, value: 1}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: add, path: /spec/template/spec/containers/x, value: 1}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: add, path: /spec/template/spec/containers/9, value: 1}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: remove, path: ''}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: remove, path: /metadata/nothing}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: replace, path: /metadata/nothing, value: 1}]"
  - target: {kind: Deployment, name: app}
    patch: "[1]"
  - target: {kind: Deployment, name: app}
    patch: "[{path: /a}]"
  - target: {kind: Deployment, name: app}
    patch: "{a: 1}"
  - target: {kind: Deployment, name: app}
    patch: "[unclosed"
  - target: {kind: Deployment, name: app}
    path: malformed.yaml
  - target: {kind: Deployment, name: app}
    patch: "[{op: add, path: /nothing/deeper, value: 1}]"
  - target: {kind: Deployment, name: app}
    patch: "[{op: copy, path: /b}]"
  - target: {kind: Deployment, name: app}
    path: ../../outside.yaml
patchesStrategicMerge: [ghost.yaml, scalar.yaml]
`,
    'p/app.yaml': DEPLOYMENT('app'),
    'p/other.yaml': DEPLOYMENT('other'),
    'p/malformed.yaml': 'a: [unclosed\n',
    'p/not-a-map.yaml': '- 1\n',
    'p/no-kind.yaml': 'metadata: {name: app}\n',
    'p/no-name.yaml': 'kind: Deployment\n',
    'p/two.yaml': `${DEPLOYMENT('app')}---\n${DEPLOYMENT('other')}`,
    'p/ghost.yaml': DEPLOYMENT('ghost'),
    'p/wrong-shape.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec: {template: [1]}\n',
    'p/j.yaml': '- {op: add, path: /x, value: 1}\n',
    'p/scalar.yaml': `${DEPLOYMENT('app')}---\n3\n`,
  },
  // Generators.
  {
    'g/kustomization.yaml': `resources: [cm.yaml]
configMapGenerator:
  - literals: [A=1]
  - name: cfg
    literals: [nokey, A=1, A=2]
    files: ["=x", "a=b=c", missing.txt, ../../escape.txt, ../above.txt]
  - name: cm
    literals: [B=1]
  - name: ghost
    behavior: merge
    literals: [C=1]
  - name: ghost2
    behavior: replace
    literals: [C=1]
secretGenerator:
  - literals: [A=1]
`,
    'g/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
    'above.txt': 'x',
  },
  // Replacements, vars, name references and labels gone wrong.
  {
    'r/kustomization.yaml': `resources: [app.yaml, a2.yaml, b2.yaml, cm.yaml, scalar-labels.yaml]
commonLabels: {team: t}
replacements:
  - path: repl.yaml
    source: {kind: X}
  - path: repl-malformed.yaml
  - path: repl-scalar.yaml
  - path: repl-list.yaml
  - 3
  - source: {kind: Deployment}
  - source: {kind: Deployment, name: ghost}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment, name: app, fieldPath: spec.nothing}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment, name: app, fieldPath: spec.template, options: {delimiter: "-"}}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment, name: app, options: {delimiter: "-", index: 9}}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment, name: app}
    targets: [{fieldPaths: [a]}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [spec.nothing.deeper]}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [spec.nothing.deeper], options: {create: true}}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: ["spec.template.spec.containers.[name]"]}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [spec.template.spec.containers.0.name], options: {delimiter: "-"}}]
  - source: {kind: Deployment, name: app, namespace: other}
    targets: [{select: {kind: Deployment}}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, labelSelector: "a in (b"}}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [spec.template.spec.containers.5.name]}]
  - source: {kind: Deployment, name: app, fieldPath: spec.template.spec.containers.-1.name}
    targets: [{select: {kind: Deployment, name: app}}]
  - source: {kind: Deployment, name: app, fieldPath: "spec.template.spec.containers.*.name"}
    targets: [{select: {kind: Deployment, name: app}}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [metadata.name.x.y]}]
  - source: {kind: Deployment, name: app}
    targets: [{select: {kind: Deployment, name: app}, fieldPaths: [metadata.0], options: {create: true}}]
  - path: nope.yaml
vars:
  - name: LIST
    objref: {kind: Deployment, name: app, apiVersion: apps/v1}
    fieldref: {fieldPath: spec.template.spec.containers}
  - name: DUP
    objref: {kind: Deployment, name: twin, apiVersion: apps/v1}
`,
    'r/app.yaml': `${DEPLOYMENT(
      'app',
    )}          args: [$(LIST)]\n          command: [1, 2]\n`,
    'r/a2.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: twin, namespace: a}\n',
    'r/b2.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: twin, namespace: b}\n',
    'r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
    'r/scalar-labels.yaml':
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: 3\n',
    'r/repl-malformed.yaml': 'a: [unclosed\n',
    'r/repl-scalar.yaml': '3\n',
    'r/repl-list.yaml': '- 3\n',
  },
  // Kustomization files that cannot be read.
  { 'empty/kustomization.yaml': '' },
  { 'scalar/kustomization.yaml': '3\n' },
  {
    'nothing/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
  },
  {
    'badkind/kustomization.yaml': 'kind: Sideways\nresources: [a.yaml]\n',
    'badkind/a.yaml': DEPLOYMENT('a'),
  },
  {
    'twice/kustomization.yaml': 'resources: []\n',
    'twice/kustomization.yml': 'resources: []\n',
  },
  { 'malformed/kustomization.yaml': 'resources: [a.yaml\n' },
  // Transformers, namespace collisions and cycles.
  {
    't/kustomization.yaml': `namespace: same
resources: [a.yaml, b.yaml, ../t]
transformers:
  - |-
    apiVersion: example.com/v1
    kind: Custom
    metadata: {name: c}
  - |-
    apiVersion: builtin
    kind: HelmChartInflationGenerator
    metadata: {name: h}
  - |-
    apiVersion: builtin
    kind: NamespaceTransformer
    metadata: {name: n, namespace: same}
    unsetOnly: true
`,
    't/a.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: a}\n',
    't/b.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: b}\n',
  },
  // A name reference with two candidates.
  {
    'n/kustomization.yaml': 'resources: [a.yaml]\nnameSuffix: -x\n',
    'n/a.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a, labels: {x: y}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: a}
spec: {template: {spec: {volumes: [{name: v, configMap: {}}], containers: [{name: c, image: i, envFrom: [{configMapRef: {name: cm}}]}]}}}
`,
  },
];

/** Helm charts gone wrong; rendered as the manifests fact renders them. */
const HELM: Record<string, string> = {
  'chart/Chart.yaml':
    'apiVersion: v2\nname: chart\nversion: 1.0.0\ndependencies: [{name: common, version: 1.x, repository: https://charts.example.com}]\n',
  'chart/values.yaml': 'a: [unclosed\n',
  'chart/templates/unparsable.yaml': '{{ if .Values.a }}\nx: 1\n',
  'chart/templates/fail.yaml': '{{ fail "no" }}\n',
  'chart/templates/undefined.yaml': '{{ nope }}\n',
  'chart/templates/invalid.yaml': 'a: [unclosed\n',
  'chart/templates/required.yaml':
    'x: {{ required "set x" .Values.x }}\nname: {{ include "common.names.fullname" . }}\n',
  'chart/templates/comment.yaml': '{{/* unclosed\n',
  'chart/templates/action.yaml': '{{ .x\n',
  'chart/templates/quote.yaml': '{{ "a\n }}\n',
  'chart/templates/raw.yaml': '{{ `a }}\n',
  'chart/templates/char.yaml': '{{ .a ^ }}\n',
  'chart/templates/pipe.yaml': '{{ | quote }}\n',
  'chart/templates/paren.yaml': '{{ (.a }}\n',
  'chart/templates/close.yaml': '{{ .a) }}\n',
  'chart/templates/end.yaml': '{{ end }}\n',
  'chart/templates/define.yaml': '{{ define }}{{ end }}\n',
  'chart/templates/unclosed-if.yaml': '{{ if .a }}x\n',
  'chart/templates/template.yaml': '{{ template }}\n',
  'chart/templates/no-template.yaml': '{{ template "missing" . }}\n',
  'chart/templates/arg.yaml': '{{ 1 | 2 }}\n',
  'chart/templates/variable.yaml': '{{ $nope }}\n',
  'chart/templates/semver.yaml': '{{ semverCompare ">1" "x" }}\n',
  'chart/templates/semver2.yaml': '{{ (semver "x").Major }}\n',
  'chart/templates/regex.yaml': '{{ regexMatch "(" "a" }}\n',
  'chart/templates/deep.yaml':
    '{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}\n',
};

/** A folder scored as the CLI and the backend score one. */
async function scoreFolder(
  files: Record<string, string | Buffer>,
  options: {
    entity?: ReturnType<typeof serviceEntity>;
    codeRoot?: string;
  } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-diag-'));
  try {
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    const { snapshot, diagnostics } = await loadLocalRepo(
      dir,
      {},
      options.codeRoot ? { codeRoot: options.codeRoot } : {},
    );
    return await createTwelveFactorEngine({
      customChecks: [
        {
          id: 'f1-codebase.test-throws-ours',
          definition: {
            area: 'f1-codebase',
            title: 'Throws an error of ours',
            weight: 1,
            sources: ['repo'],
            criteria: {},
            docsUrl: 'https://example.com',
          },
          evaluate: () => {
            throw new MessageError('diagnostic.kustomize.patch.no-object');
          },
        },
        {
          id: 'f1-codebase.test-throws-foreign',
          definition: {
            area: 'f1-codebase',
            title: 'Throws a foreign error',
            weight: 1,
            sources: ['repo'],
            criteria: {},
            docsUrl: 'https://example.com',
          },
          evaluate: () => JSON.parse('{'),
        },
      ],
    }).evaluate(
      {
        entity: options.entity ?? serviceEntity(),
        repo: snapshot,
        ...(options.codeRoot ? { codeRoot: options.codeRoot } : {}),
        clusters: [{ name: 'c', objects: [] }],
      },
      { diagnostics },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function* entries() {
  const text = (s: string) => async () => Buffer.from(s);
  yield { path: '../escape.txt', content: text('x') };
  yield { path: 'link', symlink: true, content: text('x') };
  yield { path: 'big-by-size.txt', size: 10_000_000, content: text('x') };
  yield {
    path: 'big-by-content.txt',
    content: async () => Buffer.alloc(3_000_000, 'a'),
  };
  yield {
    path: 'unreadable.txt',
    content: async () => {
      throw new Error('EACCES: permission denied');
    },
  };
  yield { path: 'a.txt', content: text('a') };
  yield { path: 'b.txt', content: text('b') };
}

describe('diagnostics in Korean', () => {
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    diagnostics = [];
    for (const { card } of await scoreAllExamples())
      diagnostics.push(...card.diagnostics);
    for (const files of KUSTOMIZE) {
      const snap = snapshotOf(files);
      for (const dir of new Set(
        Object.keys(files)
          .filter(p => /kustomization\.ya?ml$/.test(p))
          .map(p => path.dirname(p)),
      ))
        diagnostics.push(...renderKustomization(snap, dir).diagnostics);
    }
    // Files the snapshot lists without their text (binary, too large, or none).
    const unread = new RepoSnapshot([
      {
        path: 'u/kustomization.yaml',
        size: 10,
        text: 'resources: [bin.yaml, nt.yaml, sub, sub2]\nconfigurations: [bin.yaml]\n',
      },
      { path: 'u/bin.yaml', size: 10, skipped: 'binary' },
      { path: 'u/nt.yaml', size: 10 },
      { path: 'u/sub/kustomization.yaml', size: 10, skipped: 'too-large' },
      { path: 'u/sub2/kustomization.yaml', size: 10 },
    ]);
    diagnostics.push(...renderKustomization(unread, 'u').diagnostics);
    diagnostics.push(
      ...renderHelmChart(snapshotOf(HELM), 'chart').diagnostics,
      ...renderKustomization(snapshotOf({}), 'none').diagnostics,
    );
    diagnostics.push(
      ...(await buildSnapshot(entries(), { maxFiles: 4 })).diagnostics,
      ...loadClusterDump(
        'c',
        'kind: List\nitems: [3]\n---\n42\n---\na: [unclosed\n---\n*nope\n',
      ).diagnostics,
    );
    const knownChecks = new Set(['f1-codebase.version-control']);
    for (const text of [
      'waivers: [unclosed\n',
      `waivers:
  - reason: x
  - check: nope.nope
    reason: x
  - check: f1-codebase.version-control
  - check: f1-codebase.version-control
    reason: x
    expires: soon
`,
    ])
      diagnostics.push(
        ...readWaivers(snapshotOf({ '.twelve-factor.yaml': text }), knownChecks)
          .diagnostics,
      );
    const bad = await scoreFolder({
      Dockerfile: Buffer.from([0, 1, 2, 3, 0, 0, 0]),
      'package.json': '{ "dependencies": ',
      '.github/workflows/ci.yml': 'on: [push\n',
      'docker-compose.yml': 'services: [unclosed\n',
      'k8s/broken.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n',
      'deploy/a/kustomization.yaml': 'resources: [../b]\n',
      'deploy/b/kustomization.yaml': 'resources: [../a]\n',
    });
    diagnostics.push(...bad.diagnostics);
    const selector = serviceEntity();
    for (const [codeRoot, labelSelector] of [
      ['src/a', 'app in (a'],
      ['src/missing', 'a)'],
      ['src/a', 'a b c'],
    ]) {
      selector.metadata.annotations!['backstage.io/kubernetes-label-selector'] =
        labelSelector;
      diagnostics.push(
        ...(
          await scoreFolder(
            {
              'src/a/main.py': 'print(1)\n',
              'k8s/deploy.yaml': DEPLOYMENT('svc'),
            },
            { entity: selector, codeRoot },
          )
        ).diagnostics,
      );
    }
  });

  it('gives every diagnostic a message of the catalog, with its parameters, its English and Korean', () => {
    const problems = diagnostics.flatMap(diagnosticProblems);
    expect(problems).toEqual([]);
  });

  it('reaches most diagnostics the engine can write (the bad input above is not a few cases)', () => {
    const seen = new Set<string>();
    for (const d of diagnostics) idsOf(d.messageMsg, seen);
    const all = Object.keys(ENGINE_MESSAGES).filter(id =>
      id.startsWith('diagnostic.'),
    );
    const missed = all.filter(id => !seen.has(id));
    // The ones bad input here does not reach are listed in the failure, for whoever adds a case.
    expect({ reached: seen.size >= all.length * 0.85, missed }).toEqual({
      reached: true,
      missed: expect.any(Array),
    });
  });
});
