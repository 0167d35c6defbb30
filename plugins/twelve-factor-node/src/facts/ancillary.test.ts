import { renderMessage } from '@internal/plugin-twelve-factor-common';
import { evaluateCheck, serviceEntity, snapshotOf } from '../__testUtils__';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { leftOutSources } from '../checks/leftOut';
import {
  ancillaryFolderReason,
  ancillaryReason,
  leftOutNotes,
} from './ancillary';

const deployment = (
  name: string,
  image = `registry.example.com/${name}:1.2.3`,
) =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: ${image}
`;

/** The repository's facts, through a scan. */
async function factsOf(files: Record<string, string>) {
  const engine = createTwelveFactorEngine();
  const card = await engine.evaluate({
    entity: serviceEntity(),
    repo: snapshotOf(files),
  });
  return card;
}

describe('ancillaryReason', () => {
  const repo = snapshotOf({
    'k8s/deploy.yaml': '',
    'charts/app/Chart.yaml':
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.x\n    repository: https://charts.bitnami.com/bitnami\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n',
    'charts/app/templates/deployment.yaml': '',
    'charts/app/charts/postgresql/Chart.yaml': 'name: postgresql\n',
    'charts/app/charts/postgresql/templates/sts.yaml': '',
    'charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\n',
    'charts/redis/templates/master.yaml': '',
    'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\n',
    'telemetry/docker-compose.yml':
      'services:\n  jaeger:\n    image: jaegertracing/all-in-one:1.57\n  collector:\n    image: otel/opentelemetry-collector-contrib:0.100.0\n',
    'telemetry/collector.yaml': 'receivers:\n  otlp: {}\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n',
    'docker-compose.monitoring.yml':
      'services:\n  prometheus:\n    image: prom/prometheus\n',
  });

  it.each([
    ['tests/fixtures/deploy.yaml', 'test material'],
    ['src/__fixtures__/k8s.yaml', 'test material'],
    ['pkg/testdata/manifest.yaml', 'test material'],
    ['e2e/kind/cluster.yaml', 'test material'],
    ['docs/deploy/deployment.yaml', 'documentation'],
    ['examples/basic/deployment.yaml', 'example'],
    ['deploy/samples/app.yaml', 'example'],
    ['vendor/github.com/x/y/deploy.yaml', 'vendored third-party material'],
    ['third_party/chart/values.yaml', 'vendored third-party material'],
    ['hack/kind-config.yaml', 'development tooling'],
    ['otel/collector.yaml', 'local observability stack'],
    ['observability/docker-compose.yml', 'local observability stack'],
    ['src/test/java/org/acme/AppTest.java', 'test material'],
    ['samples/src/main/java/org/acme/App.java', 'example'],
    ['sample-manifests/argocd/pets.yaml', 'example'],
    ['deploy/k8s-examples/app.yaml', 'example'],
    ['docs-site/deploy.yaml', 'documentation'],
    ['unittests/scans/kubelinter/clean.yaml', 'test material'],
    ['unittests/vcr/jira/cassette.yaml', 'test material'],
    ['hyperfoil/fights.hf.yml', 'load tests'],
    ['scripts/pilot/git-http-server.py', 'development tooling'],
  ])('%s is left out as %s', (path, reason) => {
    expect(ancillaryReason(repo, path)).toBe(reason);
  });

  it.each([
    'k8s/deploy.yaml',
    'kubernetes/overlays/dev/kustomization.yaml',
    'kubernetes/overlays/local/patch.yaml',
    'deploy/monitoring/servicemonitor.yaml',
    'charts/app/templates/deployment.yaml',
    'docker-compose.yml',
    'src/app/testing_utils.py',
    'contest/deploy.yaml',
    // Java packages are not folders of a role: petclinic's app is org.springframework.samples.petclinic.
    'src/main/java/org/springframework/samples/petclinic/Owner.java',
    'app/src/main/kotlin/com/acme/test/Config.kt',
    'exampleapp/k8s/deploy.yaml',
    // A package named for what it does.
    'internal/observability/tracing.go',
    'src/scripts/seed.ts',
  ])('%s is the service’s own', path => {
    expect(ancillaryReason(repo, path)).toBeUndefined();
  });

  it('leaves out vendored charts: subcharts, and charts another chart depends on by name or file://', () => {
    expect(
      ancillaryReason(repo, 'charts/app/charts/postgresql/templates/sts.yaml'),
    ).toBe('vendored chart (a dependency of charts/app)');
    expect(ancillaryReason(repo, 'charts/redis/templates/master.yaml')).toBe(
      'vendored chart (a dependency of charts/app)',
    );
    expect(ancillaryReason(repo, 'charts/common/Chart.yaml')).toBe(
      'vendored chart (a dependency of charts/app)',
    );
  });

  it('leaves out a compose file that runs only observability tooling, with its folder, and one named for monitoring', () => {
    expect(ancillaryReason(repo, 'telemetry/docker-compose.yml')).toBe(
      'local observability stack (runs only observability tooling)',
    );
    expect(ancillaryReason(repo, 'telemetry/collector.yaml')).toBe(
      'local observability stack (runs only observability tooling)',
    );
    expect(ancillaryReason(repo, 'docker-compose.monitoring.yml')).toBe(
      'local observability stack (named for it)',
    );
  });

  it('leaves out a compose file named for tests, but not its folder', () => {
    const r = snapshotOf({
      'result/docker-compose.test.yml':
        'services:\n  sut:\n    build: ./tests\n',
      'result/server.js': 'require("express")\n',
      'compose.e2e.yaml': 'services: {}\n',
    });
    expect(ancillaryReason(r, 'result/docker-compose.test.yml')).toBe(
      'test material (a test stack)',
    );
    expect(ancillaryReason(r, 'compose.e2e.yaml')).toBe(
      'test material (a test stack)',
    );
    expect(ancillaryReason(r, 'result/server.js')).toBeUndefined();
  });

  it('groups notes by folder, at most three', () => {
    expect(
      leftOutNotes([
        { path: 'tests/fixtures/a.yaml', reason: 'test material' },
        { path: 'tests/fixtures/b.yaml', reason: 'test material' },
        { path: 'otel/collector.yaml', reason: 'local observability stack' },
      ]),
    ).toEqual([
      {
        path: 'tests/',
        note: 'left out: tests/ (test material; 2 files)',
        noteMsg: expect.anything(),
      },
      {
        path: 'otel/collector.yaml',
        note: 'left out: otel/collector.yaml (local observability stack)',
        noteMsg: expect.anything(),
      },
    ]);
  });

  it('says every note in English as written and in Korean, a custom reason in English only', () => {
    const notes = leftOutNotes(
      [
        { path: 'tests/fixtures/a.yaml', reason: 'test material' },
        { path: 'tests/fixtures/b.yaml', reason: 'test material' },
        { path: 'otel/collector.yaml', reason: 'local observability stack' },
        {
          path: 'charts/app/charts/redis/Chart.yaml',
          reason: 'vendored chart (a dependency of charts/app)',
        },
        { path: 'docs/x.yaml', reason: 'documentation' },
      ],
      3,
    );
    expect(notes.map(n => renderMessage(n.noteMsg!, 'en'))).toEqual(
      notes.map(n => n.note),
    );
    expect(notes.map(n => renderMessage(n.noteMsg!, 'ko'))).toEqual([
      '제외함: tests/(테스트 자료, 파일 2개)',
      '제외함: otel/collector.yaml(로컬 관측성 스택)',
      '제외함: 서비스 자체의 것이 아닌 자료의 폴더 2개 더(charts/app/charts/redis/Chart.yaml, docs/x.yaml)',
    ]);
    const chart = leftOutNotes([
      {
        path: 'charts/redis/Chart.yaml',
        reason: 'vendored chart (a dependency of the root chart)',
      },
    ]);
    expect(renderMessage(chart[0].noteMsg!, 'en')).toBe(chart[0].note);
    expect(renderMessage(chart[0].noteMsg!, 'ko')).toBe(
      '제외함: charts/redis/Chart.yaml(저장소에 포함된 차트(루트 차트의 의존성))',
    );
    expect(
      leftOutNotes([{ path: 'x/y.yaml', reason: "a custom fact's reason" }])[0]
        .noteMsg,
    ).toBeUndefined();
  });
});

describe('material that is not the service’s own, in the facts and checks', () => {
  it('keeps test fixtures, examples and a local observability stack out of the object sets, and says so in the evidence', async () => {
    const files = {
      'k8s/deploy.yaml': deployment('api'),
      // A fixture with :latest and an example without a tag would make immutable-image fail if they counted.
      'tests/fixtures/deploy.yaml': deployment('fixture', 'nginx:latest'),
      'examples/basic/deploy.yaml': deployment('example', 'busybox'),
      'otel/docker-compose.yml':
        'services:\n  collector:\n    image: otel/opentelemetry-collector:0.100.0\n',
      'otel/collector.yaml':
        'apiVersion: opentelemetry.io/v1beta1\nkind: OpenTelemetryCollector\nmetadata:\n  name: local\nspec:\n  mode: deployment\n',
    };
    const { result } = await evaluateCheck(
      files,
      'f5-build-release-run.immutable-image',
    );
    expect(result.verdict).toBe('pass');
    const notes = result.evidence.map(e => e.note);
    expect(notes).toEqual(
      expect.arrayContaining([
        'left out: tests/fixtures/deploy.yaml (test material)',
        'left out: examples/basic/deploy.yaml (example)',
        'left out: otel/collector.yaml (local observability stack)',
      ]),
    );
    // Checks that never read manifests do not repeat it.
    const build = await evaluateCheck(files, 'cn-containerization.multi-stage');
    expect(build.result.evidence.map(e => e.note).join('\n')).not.toContain(
      'left out',
    );
  });

  it('says what was left out when nothing else is left to judge', async () => {
    const { result } = await evaluateCheck(
      { 'examples/k8s/deploy.yaml': deployment('api') },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('examples/k8s/deploy.yaml (example)');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        path: 'examples/k8s/deploy.yaml',
        note: 'left out: examples/k8s/deploy.yaml (example)',
      }),
    ]);
  });

  it('renders a base that only an example overlay used as a target of its own', async () => {
    const card = await factsOf({
      'k8s/base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
      'k8s/base/deploy.yaml': deployment('api'),
      'examples/overlay/kustomization.yaml':
        'resources:\n  - ../../k8s/base\nnamePrefix: demo-\n',
    });
    const r = card.results.find(
      x => x.checkId === 'cn-orchestration.deployments',
    )!;
    expect(r.verdict).toBe('pass');
    expect(r.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: 'k8s/base' }),
        expect.objectContaining({
          note: 'left out: examples/overlay/kustomization.yaml (example)',
        }),
      ]),
    );
    expect(JSON.stringify(r.evidence)).not.toContain('demo-api');
  });

  it('does not list a vendored chart as the service’s chart', async () => {
    const { result } = await evaluateCheck(
      {
        'charts/app/Chart.yaml':
          'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    repository: https://charts.bitnami.com/bitnami\n',
        'charts/app/values.yaml': 'replicaCount: 2\n',
        'charts/app/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\n',
      },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('Helm charts (charts/app)');
    expect(result.reason).not.toContain('charts/app/charts/redis,');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        note: 'left out: charts/app/charts/redis/Chart.yaml (vendored chart (a dependency of charts/app))',
      }),
    ]);
  });

  it('keeps a local observability compose stack out of the local set-up, and says so', async () => {
    const files = {
      'docker-compose.yml':
        'services:\n  api:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:app@db:5432/app\n  db:\n    image: postgres:16\n',
      'observability/docker-compose.yml':
        'services:\n  redis:\n    image: redis:7\n  jaeger:\n    image: jaegertracing/all-in-one:1.57\n',
    };
    const card = await factsOf(files);
    const cache = card.results.find(
      x => x.checkId === 'f4-backing-services.cache-separate',
    )!;
    // The redis of the observability stack is not a cache of the service.
    expect(cache.verdict).toBe('unknown');
    expect(cache.evidence.map(e => e.note)).toContain(
      'left out: observability/docker-compose.yml (local observability stack)',
    );
  });

  it('keeps a local collector configuration out of the addresses the service uses, and says so', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/deploy.yaml': deployment('api'),
        'otel/docker-compose.yml':
          'services:\n  collector:\n    image: otel/opentelemetry-collector:0.100.0\n',
        'otel/collector.yaml':
          'exporters:\n  otlp:\n    endpoint: http://10.0.0.12:4317\n',
      },
      'cn-orchestration.service-discovery',
    );
    // The collector's literal IP would make it partial if it counted.
    expect(result.verdict).toBe('pass');
    expect(result.evidence.map(e => e.note)).toContain(
      'left out: otel/collector.yaml (local observability stack)',
    );
  });

  it('names the left-out material of the facts a check judges from', () => {
    expect(leftOutSources('cn-security.tls')).toEqual(['manifests']);
    expect(leftOutSources('f10-dev-prod-parity.container-dev')).toEqual([
      'manifests',
      'local-dev',
    ]);
    expect(leftOutSources('cn-orchestration.service-discovery')).toEqual([
      'manifests',
      'addresses',
    ]);
    expect(leftOutSources('cn-containerization.multi-stage')).toEqual([]);
    expect(leftOutSources('f3-config.configmap')).toEqual([
      'config',
      'manifests',
    ]);
    expect(leftOutSources('f2-dependencies.pinned')).toEqual([]);
  });
});

describe('editor and assistant settings, mocks and minified bundles', () => {
  it.each([
    ['.vscode/settings.json', 'development tooling'],
    ['.claude/settings.json', 'development tooling'],
    ['tools/mock-server/main.go', 'test material'],
  ])('%s is left out as %s', (path, reason) => {
    expect(ancillaryFolderReason(path)).toBe(reason);
  });
});
