import { clusterOf, evaluateCheck } from '../../__testUtils__';

const IMAGE = 'registry.example.com/shop/api';
const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop-api}
spec:
  selector: {matchLabels: {app: shop-api}}
  template:
    metadata: {labels: {app: shop-api}}
    spec:
      serviceAccountName: shop
      containers:
        - name: api
          image: ${IMAGE}:1.4.0
          envFrom: [{configMapRef: {name: shop-config}}, {secretRef: {name: shop-secrets}}]
`;
const job = (name: string, spec: string, container: string) => `---
apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers:
${container}
`;
const MIGRATE = job(
  'shop-db-init',
  '  backoffLimit: 3\n  ttlSecondsAfterFinished: 600',
  `        - name: migrate\n          image: ${IMAGE}:1.4.0\n          command: [alembic, upgrade, head]\n          envFrom: [{configMapRef: {name: shop-config}}, {secretRef: {name: shop-secrets}}]`,
);
const SEED = job(
  'shop-seed-data',
  '  backoffLimit: 2',
  `        - name: seed\n          image: ${IMAGE}:1.4.0\n          command: [python, -m, app.seed]\n          envFrom: [{configMapRef: {name: shop-config}}]`,
);
const PY = {
  'requirements.txt':
    'fastapi==0.115.0\nalembic==1.14.0\npsycopg2-binary==2.9.10\n',
  'app/main.py': 'app = FastAPI()\n',
};

describe('f12-admin-processes.migration-job', () => {
  it('passes with a Job running the migrations, in every target', async () => {
    const { result } = await evaluateCheck(
      { ...PY, 'k8s/app.yaml': APP + MIGRATE },
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'Job shop-db-init runs the migrations ("alembic upgrade head")',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/app.yaml',
      target: 'k8s',
      note: expect.stringContaining('spec.template.spec.containers[0]'),
    });
  });

  it('passes with an init container that migrates, and with a Helm hook Job', async () => {
    const init = APP.replace(
      '      containers:',
      '      initContainers:\n        - {name: migrate, image: x, command: [npx, prisma, migrate, deploy]}\n      containers:',
    );
    const r1 = (
      await evaluateCheck(
        { ...PY, 'k8s/app.yaml': init },
        'f12-admin-processes.migration-job',
      )
    ).result;
    expect(r1.verdict).toBe('pass');
    expect(r1.summary).toContain(
      'init container migrate runs the migrations before the app starts',
    );
    const hook =
      APP +
      MIGRATE.replace(
        'metadata: {name: shop-db-init}',
        'metadata: {name: shop-db-init, annotations: {helm.sh/hook: pre-upgrade}}',
      );
    expect(
      (
        await evaluateCheck(
          { ...PY, 'k8s/app.yaml': hook },
          'f12-admin-processes.migration-job',
        )
      ).result.summary,
    ).toContain('as a Helm hook pre-upgrade');
  });

  it('fails when the service has a database and no Job migrates, with a Job for its image and config', async () => {
    const { result } = await evaluateCheck(
      { ...PY, 'k8s/app.yaml': APP },
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(/No Job runs the migrations; alembic/);
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'requirements.txt', startLine: 2 }),
      ]),
    );
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('name: shop-api-migrate');
    expect(snippet).toContain(`image: ${IMAGE}:1.4.0`);
    expect(snippet).toContain('- alembic');
    expect(snippet).toContain('name: shop-config');
    expect(snippet).toContain('ttlSecondsAfterFinished: 3600');
  });

  it('fails when the app migrates at start-up', async () => {
    const { result } = await evaluateCheck(
      {
        ...PY,
        'app/main.py': 'Base.metadata.create_all(engine)\n',
        'k8s/app.yaml': APP,
      },
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'Migrations run at application start in every replica (app/main.py:1)',
    );
  });

  it('fails for a target that lacks the Job another target has', async () => {
    const files = {
      ...PY,
      'kubernetes/base/kustomization.yaml': 'resources: [app.yaml]\n',
      'kubernetes/base/app.yaml': APP,
      'kubernetes/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
      'kubernetes/overlays/prod/kustomization.yaml':
        'resources: [../../base, job.yaml]\n',
      'kubernetes/overlays/prod/job.yaml': MIGRATE.replace(/^---\n/, ''),
    };
    const { result } = await evaluateCheck(
      files,
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'kubernetes/overlays/dev: no Job runs the migrations',
    );
  });

  it('keeps a live namespace without the Job out of the verdict when the repository has it (finished Jobs get cleaned up)', async () => {
    const live = APP.replace(
      'metadata: {name: shop-api}',
      'metadata: {name: shop-api, namespace: shop, labels: {backstage.io/kubernetes-id: svc}}',
    ).replace(
      'metadata: {labels: {app: shop-api}}',
      'metadata: {labels: {app: shop-api, backstage.io/kubernetes-id: svc}}',
    );
    const { result } = await evaluateCheck(
      { ...PY, 'k8s/app.yaml': APP + MIGRATE },
      'f12-admin-processes.migration-job',
      { clusters: [clusterOf('prod', live)] },
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'cluster-object',
          cluster: 'prod',
          kind: 'Namespace',
          note: expect.stringMatching(/cleaned up/),
        }),
      ]),
    );
  });

  it('is unknown when the service has no database', async () => {
    const { result } = await evaluateCheck(
      {
        'package.json': '{"dependencies":{"express":"4.0.0"}}',
        'k8s/app.yaml': APP,
      },
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no database/);
  });
});

describe('migration commands', () => {
  it('does not take an init container that waits for migrations (migrate --check) for one that runs them', async () => {
    const waits = APP.replace(
      '      containers:',
      '      initContainers:\n        - name: wait-for-migrations\n          image: ${IMAGE}:1.4.0\n          command: [sh, -c, "until python manage.py migrate --check; do sleep 5; done"]\n      containers:',
    ).replace('${IMAGE}', IMAGE);
    const { result } = await evaluateCheck(
      { ...PY, 'k8s/app.yaml': waits },
      'f12-admin-processes.migration-job',
    );
    expect(result.summary).not.toMatch(/wait-for-migrations/);
    const runs = waits.replace(
      'until python manage.py migrate --check; do sleep 5; done',
      'python manage.py migrate --check || python manage.py migrate',
    );
    const ran = await evaluateCheck(
      { ...PY, 'k8s/app.yaml': runs },
      'f12-admin-processes.migration-job',
    );
    expect(ran.result.summary).toMatch(/wait-for-migrations/);
  });
});

describe('f12-admin-processes.seed-job', () => {
  it('passes with a seeding Job', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + SEED },
      'f12-admin-processes.seed-job',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('Data is seeded by Job shop-seed-data');
  });

  it('is unknown without one: seeding may not be needed', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + MIGRATE },
      'f12-admin-processes.seed-job',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/may need no seeding/);
  });

  it('does not take a recurring CronJob that warms a cache for seeding', async () => {
    const warm = `---
apiVersion: batch/v1
kind: CronJob
metadata: {name: warm-cache}
spec:
  schedule: '*/5 * * * *'
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: warm
              image: curlimages/curl:8.10.1
              command: [curl, -s, http://shop-api/cache/warm]
`;
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + warm },
      'f12-admin-processes.seed-job',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f12-admin-processes.same-release', () => {
  it("passes when Jobs use the app's image repository and a subset of its config", async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + MIGRATE + SEED },
      'f12-admin-processes.same-release',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      `image ${IMAGE}, same ConfigMaps/Secrets as shop-api`,
    );
  });

  it('is partial for a Job with another image or its own config, with the fields to change', async () => {
    const other = job(
      'shop-report',
      '  backoffLimit: 1',
      '        - name: report\n          image: python:3.12-slim\n          envFrom: [{configMapRef: {name: report-config}}]',
    );
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + MIGRATE + other },
      'f12-admin-processes.same-release',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      "Job shop-report: image python is not the app's",
    );
    expect(result.summary).toContain(
      'reads ConfigMap/report-config, which the app does not',
    );
    expect(result.remediation?.snippet?.content).toContain(
      `image: ${IMAGE}:1.4.0`,
    );
    expect(result.remediation?.snippet?.content).toContain(
      'name: shop-secrets',
    );
  });

  it('is unknown without Jobs', async () => {
    expect(
      (
        await evaluateCheck(
          { 'k8s/app.yaml': APP },
          'f12-admin-processes.same-release',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f12-admin-processes.run-once', () => {
  it('passes when every Job sets backoffLimit and ttlSecondsAfterFinished', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + MIGRATE },
      'f12-admin-processes.run-once',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      'backoffLimit 3, ttlSecondsAfterFinished 600',
    );
  });

  it('is partial when one is missing, with a patch per Job', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + MIGRATE + SEED },
      'f12-admin-processes.run-once',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: Job shop-seed-data lacks ttlSecondsAfterFinished',
    );
    expect(result.remediation?.snippet?.content).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shop-seed-data\nspec:\n  ttlSecondsAfterFinished: 3600\n',
    );
  });

  it("counts a hook delete policy as clean-up and checks a CronJob's job template", async () => {
    const hook = job(
      'shop-migrate',
      '  backoffLimit: 1',
      `        - {name: m, image: ${IMAGE}:1, args: [migrate]}`,
    ).replace(
      'metadata: {name: shop-migrate}',
      'metadata: {name: shop-migrate, annotations: {argocd.argoproj.io/hook: Sync, argocd.argoproj.io/hook-delete-policy: BeforeHookCreation}}',
    );
    const cron = `---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: shop-nightly}\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: n, image: ${IMAGE}:1}]\n`;
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': APP + hook + cron },
      'f12-admin-processes.run-once',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: CronJob shop-nightly lacks backoffLimit');
    expect(result.remediation?.snippet?.content).toContain(
      'jobTemplate:\n    spec:\n      backoffLimit: 3',
    );
  });

  it('is unknown without Jobs', async () => {
    expect(
      (
        await evaluateCheck(
          { 'k8s/app.yaml': APP },
          'f12-admin-processes.run-once',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f12-admin-processes.migration-job: the app migrating on start decides without the code', () => {
  it('fails when the Deployment’s own command runs the migrations before the server', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': APP.replace(
          'envFrom:',
          'command: [sh, -c, "alembic upgrade head && exec uvicorn app:app"]\n          envFrom:',
        ),
      },
      'f12-admin-processes.migration-job',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain(
      'runs the migrations on every start of every replica',
    );
  });
});
