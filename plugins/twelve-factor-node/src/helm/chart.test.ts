import { snapshotOf } from '../__testUtils__';
import { chartValuesFiles, coalesceValues, renderHelmChart } from './chart';

const CHART = {
  'chart/Chart.yaml':
    'apiVersion: v2\nname: shop\nversion: 1.2.0\nappVersion: "2.0.1"\ndependencies:\n  - name: cache\n    version: 1.0.0\n    condition: cache.enabled\n  - name: postgresql\n    repository: https://charts.example.com\n',
  'chart/values.yaml':
    'replicaCount: 1\nimage:\n  repository: registry.example.com/shop\n  tag: ""\nhpa:\n  enabled: false\ncache:\n  enabled: false\nglobal:\n  team: web\n',
  'chart/values-prod.yaml':
    'replicaCount: 3\nhpa:\n  enabled: true\ncache:\n  enabled: true\n',
  'chart/templates/_helpers.tpl':
    '{{- define "shop.fullname" -}}\n{{- if contains .Chart.Name .Release.Name }}{{ .Release.Name }}{{ else }}{{ printf "%s-%s" .Release.Name .Chart.Name }}{{ end }}\n{{- end }}\n',
  'chart/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  {{- if not .Values.hpa.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          env:
            - name: CONFIG
              value: {{ .Files.Get "config/app.conf" | quote }}
`,
  'chart/templates/hpa.yaml': `{{- if .Values.hpa.enabled }}
apiVersion: {{ if .Capabilities.APIVersions.Has "autoscaling/v2" }}autoscaling/v2{{ else }}autoscaling/v2beta2{{ end }}
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  minReplicas: {{ .Values.replicaCount }}
{{- end }}
`,
  'chart/templates/tests/test-connection.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\n  annotations:\n    "helm.sh/hook": test\n',
  'chart/templates/smoke.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: smoke\n  annotations:\n    "helm.sh/hook": test-success\n',
  'chart/templates/NOTES.txt': 'Thanks for installing {{ .Chart.Name }}',
  'chart/config/app.conf': 'mode=fast',
  'chart/charts/cache/Chart.yaml':
    'apiVersion: v2\nname: cache\nversion: 1.0.0\n',
  'chart/charts/cache/values.yaml': 'image: redis:7.4.1\n',
  'chart/charts/cache/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-cache\n  labels:\n    team: {{ .Values.global.team }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: {{ .Values.image }}\n',
};

describe('renderHelmChart', () => {
  it('renders the chart with its default values, like helm template', () => {
    const r = renderHelmChart(snapshotOf(CHART), 'chart');
    expect(
      r.objects.map(o => [
        o.origin.path,
        o.object.kind,
        o.object.metadata.name,
      ]),
    ).toEqual([['chart/templates/deployment.yaml', 'Deployment', 'shop']]);
    const d = r.objects[0].object;
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.template.spec.containers[0]).toMatchObject({
      image: 'registry.example.com/shop:2.0.1',
      env: [{ name: 'CONFIG', value: 'mode=fast' }],
    });
    // The remote dependency is not fetched; the disabled vendored one is not rendered.
    expect(r.skippedRemote).toEqual([
      'chart: dependency postgresql (https://charts.example.com)',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('renders an environment values file over values.yaml, with enabled subcharts and their globals, leaving test hooks out', () => {
    const r = renderHelmChart(snapshotOf(CHART), 'chart', [
      'chart/values-prod.yaml',
    ]);
    expect(
      r.objects.map(o => `${o.object.kind}/${o.object.metadata.name}`),
    ).toEqual([
      'Deployment/shop-cache',
      'Deployment/shop',
      'HorizontalPodAutoscaler/shop',
    ]);
    expect(r.objects[0].object.metadata.labels).toEqual({ team: 'web' });
    expect(r.objects[0].object.spec.template.spec.containers[0].image).toBe(
      'redis:7.4.1',
    );
    expect(r.objects[1].object.spec.replicas).toBeUndefined();
    expect(r.objects[2].object).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: { minReplicas: 3 },
    });
  });

  it('renders a required value that nothing sets as <required>, with a note, and reports a broken template without losing the others', () => {
    const r = renderHelmChart(
      snapshotOf({
        'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
        'c/templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  host: {{ required "set host" .Values.host }}\n',
        'c/templates/broken.yaml': '{{ if .Values.x }}\nkind: Secret\n',
      }),
      'c',
    );
    expect(r.objects.map(o => o.object.data)).toEqual([{ host: '<required>' }]);
    expect(r.diagnostics.map(d => [d.level, d.path])).toEqual([
      ['warning', 'c/templates/broken.yaml'],
      ['info', 'c/Chart.yaml'],
    ]);
  });

  it('keeps a file that calls a named template of a dependency that is not vendored, with a placeholder; still fails on a missing template of its own', () => {
    const files = {
      'c/Chart.yaml':
        'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 19.x\n    repository: https://charts.bitnami.com/bitnami\n',
      'c/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    redis-host: {{ include "common.names.fullname" .Subcharts.redis }}-master
spec:
  template:
    spec:
      containers:
        - name: api
          image: acme/api:1.0
`,
    };
    const r = renderHelmChart(snapshotOf(files), 'c');
    expect(r.objects.map(o => o.object.metadata.annotations)).toEqual([
      { 'redis-host': 'api-master' },
    ]);
    expect(r.diagnostics.map(d => d.message)).toContainEqual(
      expect.stringContaining(
        '"common.names.fullname" belongs to a dependency',
      ),
    );
    const own = renderHelmChart(
      snapshotOf({
        ...files,
        'c/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      }),
      'c',
    );
    expect(own.objects).toEqual([]);
    expect(own.diagnostics[0].message).toContain('no template');
  });

  it('coalesces values as Helm does: maps merge, a null removes the key', () => {
    expect(
      coalesceValues({ a: { b: 1, c: 2 }, d: 1 }, { a: { c: 3 }, d: null }),
    ).toEqual({ a: { b: 1, c: 3 } });
  });

  it('finds the values files of a chart folder and the environment they name', () => {
    expect(
      chartValuesFiles(
        snapshotOf({
          'c/values.yaml': '',
          'c/values-prod.yaml': '',
          'c/staging-values.yaml': '',
          'c/values.schema.json': '',
          'c/values/dev.yaml': '',
          'c/templates/values-x.yaml': '',
        }),
        'c',
      ),
    ).toEqual([
      { path: 'c/staging-values.yaml', name: 'staging' },
      { path: 'c/values-prod.yaml', name: 'prod' },
      { path: 'c/values/dev.yaml', name: 'dev' },
    ]);
  });
});
