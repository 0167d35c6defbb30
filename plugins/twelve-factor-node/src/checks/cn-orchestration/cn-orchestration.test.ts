import { cluster, docs, evaluate, service, workload } from './testFixtures';

const inNs = (o: Record<string, any>, namespace = 'shop') => ({
  ...o,
  metadata: { ...o.metadata, namespace },
});

describe('cn-orchestration checks', () => {
  describe('kubernetes', () => {
    it('passes when a cluster runs workloads of the entity, naming cluster and namespace', async () => {
      const r = await evaluate(
        { 'k8s/deploy.yaml': docs(workload('api')) },
        'cn-orchestration.kubernetes',
        [cluster('aks-1', inNs(workload('api')))],
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('aks-1 (shop)');
      expect(r.evidence[0]).toMatchObject({
        type: 'cluster-object',
        cluster: 'aks-1',
        namespace: 'shop',
        kind: 'Deployment',
        name: 'api',
      });
    });

    it('is partial with manifests only, saying that no cluster was consulted', async () => {
      const r = await evaluate(
        { 'k8s/deploy.yaml': docs(workload('api')) },
        'cn-orchestration.kubernetes',
      );
      expect(r.verdict).toBe('partial');
      expect(r.reason).toMatch(/No cluster was consulted/);
      expect(r.evidence[0]).toMatchObject({
        path: 'k8s/deploy.yaml',
        target: 'k8s',
      });
    });

    it('is partial when the configured cluster runs nothing of the entity', async () => {
      const other: Record<string, any> = {
        ...workload('other'),
        metadata: { name: 'other', namespace: 'x', labels: { app: 'other' } },
      };
      other.spec.template.metadata.labels = { app: 'other' };
      const r = await evaluate(
        { 'k8s/deploy.yaml': docs(workload('api')) },
        'cn-orchestration.kubernetes',
        [cluster('aks-1', other)],
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toContain('nothing of the entity runs in aks-1');
    });

    it('fails without manifests, with a starter Deployment for the entity', async () => {
      const r = await evaluate(
        { 'main.go': 'package main' },
        'cn-orchestration.kubernetes',
      );
      expect(r.verdict).toBe('fail');
      expect(r.remediation?.snippet?.content).toContain(
        'backstage.io/kubernetes-id: svc',
      );
      expect(r.remediation?.snippet?.content).not.toContain('*a1');
    });

    it('is unknown when neither the repository nor the cluster can be read', async () => {
      const r = await evaluate(undefined, 'cn-orchestration.kubernetes', [
        { name: 'aks-1', objects: [], error: 'connection refused' },
      ]);
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toContain('connection refused');
    });
  });

  describe('deployments', () => {
    it('passes when every workload has a controller; Pods of a ReplicaSet in a cluster do not count as bare', async () => {
      const pod = {
        ...inNs(workload('api-7d9-x', { kind: 'Pod' })),
        metadata: {
          name: 'api-7d9-x',
          namespace: 'shop',
          labels: { app: 'api', 'backstage.io/kubernetes-id': 'svc' },
          ownerReferences: [
            { kind: 'ReplicaSet', name: 'api-7d9', controller: true },
          ],
        },
      };
      const r = await evaluate(undefined, 'cn-orchestration.deployments', [
        cluster('c', inNs(workload('api')), pod),
      ]);
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain('1 Deployment');
    });

    it('fails for a bare Pod and proposes a Job for a run-to-completion Pod', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            workload('export', {
              kind: 'Pod',
              pod: { restartPolicy: 'Never' },
            }),
          ),
        },
        'cn-orchestration.deployments',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain('export');
      expect(r.evidence).toHaveLength(1);
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: Job[\s\S]*backoffLimit[\s\S]*restartPolicy: Never/,
      );
    });

    it('is unknown without manifests and clusters', async () => {
      const r = await evaluate(
        { 'main.go': '' },
        'cn-orchestration.deployments',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toMatch(/no Kubernetes manifests/);
    });
  });

  describe('service-discovery', () => {
    it('passes with Service DNS names and names them', async () => {
      const cm = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: {
          REDIS_URL: 'redis://redis:6379/0',
          API: 'http://orders.orders.svc.cluster.local',
        },
      };
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            workload('redis'),
            service('redis', 6379),
            cm,
          ),
        },
        'cn-orchestration.service-discovery',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('orders.orders.svc.cluster.local');
      expect(r.summary).toContain('redis');
    });

    it('is partial for a literal cluster IP in a ConfigMap or env, naming the key; CIDRs and public IPs are not flagged', async () => {
      const cm = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: {
          RENDERER: 'http://10.0.142.17:8081',
          TRUSTED: '10.0.0.0/8',
          CORS: 'http://20.249.205.59',
        },
      };
      const api = workload('api', {
        container: { env: [{ name: 'DB_HOST', value: '192.168.10.4' }] },
      });
      const r = await evaluate(
        { 'k8s/all.yaml': docs(api, cm) },
        'cn-orchestration.service-discovery',
      );
      expect(r.verdict).toBe('partial');
      const notes = r.evidence.map(e => e.note).join('\n');
      expect(notes).toContain('RENDERER uses the literal IP 10.0.142.17');
      expect(notes).toContain('DB_HOST');
      expect(notes).not.toContain('TRUSTED');
      expect(notes).not.toContain('20.249');
    });

    it('is partial for a literal private IP in application config, with the line rewritten to a DNS name', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(workload('api')),
          'src/main/resources/application.properties':
            '# renderer\nrenderer.base-url=http://10.0.142.17:8081\nserver.port=8080\n',
        },
        'cn-orchestration.service-discovery',
      );
      expect(r.verdict).toBe('partial');
      expect(r.evidence).toContainEqual(
        expect.objectContaining({
          path: 'src/main/resources/application.properties',
          startLine: 2,
        }),
      );
      expect(r.remediation?.snippet?.content).toBe(
        'renderer.base-url=http://SERVICE.NAMESPACE.svc.cluster.local:8081\n',
      );
    });

    it('is unknown without manifests, clusters or literal IPs', async () => {
      expect(
        (
          await evaluate(
            { 'main.py': 'print(1)' },
            'cn-orchestration.service-discovery',
          )
        ).verdict,
      ).toBe('unknown');
    });
  });

  describe('rbac', () => {
    const sa = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'api' },
    };
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'jobs' },
      rules: [
        { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'create'] },
      ],
    };
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'jobs' },
      subjects: [{ kind: 'ServiceAccount', name: 'api' }],
      roleRef: {
        kind: 'Role',
        name: 'jobs',
        apiGroup: 'rbac.authorization.k8s.io',
      },
    };

    it('passes for a dedicated ServiceAccount bound by a RoleBinding, or a pod without token', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            sa,
            role,
            binding,
            workload('api', { pod: { serviceAccountName: 'api' } }),
            workload('redis', { pod: { automountServiceAccountToken: false } }),
          ),
        },
        'cn-orchestration.rbac',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain(
        'ServiceAccount api bound by RoleBinding/jobs → Role/jobs',
      );
      expect(r.evidence[0].note).toContain('redis: no API token');
    });

    it('passes when the ServiceAccount itself disables token automounting', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            { ...sa, automountServiceAccountToken: false },
            workload('api', { pod: { serviceAccountName: 'api' } }),
          ),
        },
        'cn-orchestration.rbac',
      );
      expect(r.verdict).toBe('pass');
    });

    it('is partial for the default ServiceAccount with its token, with a ServiceAccount and patch', async () => {
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api')) },
        'cn-orchestration.rbac',
      );
      expect(r.verdict).toBe('partial');
      expect(r.evidence[0].note).toContain('default ServiceAccount');
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: ServiceAccount[\s\S]*automountServiceAccountToken: false[\s\S]*serviceAccountName: api/,
      );
    });
  });

  describe('resources', () => {
    const full = {
      resources: {
        requests: { cpu: '100m', memory: '128Mi' },
        limits: { memory: '256Mi' },
      },
    };

    it('passes when every container sets requests and a memory limit', async () => {
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api', { container: full })) },
            'cn-orchestration.resources',
          )
        ).verdict,
      ).toBe('pass');
    });

    it('is partial when some containers miss them, naming what is missing, with a patch keeping what is set', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api', { container: full }),
            workload('worker', {
              container: { resources: { requests: { cpu: '1' } } },
            }),
          ),
        },
        'cn-orchestration.resources',
      );
      expect(r.verdict).toBe('partial');
      expect(r.evidence[0].note).toBe(
        'Deployment/worker spec.template.spec.containers: worker misses requests.memory, limits.memory',
      );
      expect(r.remediation?.snippet?.content).toMatch(
        /name: worker[\s\S]*cpu: ["']1["'][\s\S]*memory: 256Mi/,
      );
    });

    it('fails when no container sets any', async () => {
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api')) },
            'cn-orchestration.resources',
          )
        ).verdict,
      ).toBe('fail');
    });
  });

  describe('anti-affinity', () => {
    const spread = {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: 'api' } },
        },
      ],
    };

    it('passes when multi-replica workloads spread over nodes', async () => {
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api', { replicas: 3, pod: spread })) },
        'cn-orchestration.anti-affinity',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('api: kubernetes.io/hostname');
    });

    it('is partial for a multi-replica workload without spreading (an HPA counts), with a patch for its selector', async () => {
      const hpa = {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'api' },
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'api' },
          minReplicas: 1,
          maxReplicas: 4,
        },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api'), hpa) },
        'cn-orchestration.anti-affinity',
      );
      expect(r.verdict).toBe('partial');
      expect(r.evidence[0].note).toContain('up to 4 replicas');
      expect(r.remediation?.snippet?.content).toMatch(
        /topologySpreadConstraints[\s\S]*app: api/,
      );
    });

    it('passes for single replicas that already declare spreading, and is unknown with nothing to spread', async () => {
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api', { pod: spread })) },
            'cn-orchestration.anti-affinity',
          )
        ).verdict,
      ).toBe('pass');
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api')) },
        'cn-orchestration.anti-affinity',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toContain('No multi-replica workload');
    });
  });
});

describe('cn-orchestration.service-discovery: ConfigMaps decide alone', () => {
  it('is partial for a ConfigMap with a literal pod IP alone, and passes one naming Service DNS', async () => {
    const cm = (value: string) => ({
      'k8s/cm.yaml': docs({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: { DB_HOST: value },
      }),
    });
    const ip = await evaluate(
      cm('10.0.3.4'),
      'cn-orchestration.service-discovery',
    );
    expect(ip.verdict).toBe('partial');
    expect(ip.evidence[0].note).toContain(
      'DB_HOST uses the literal IP 10.0.3.4',
    );
    const dns = await evaluate(
      cm('postgres.db.svc.cluster.local'),
      'cn-orchestration.service-discovery',
    );
    expect(dns.verdict).toBe('pass');
  });
});

describe('a Helm chart is rendered and judged like any manifests', () => {
  const chart = (values: string) => ({
    'helm/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
    'helm/values.yaml': values,
    'helm/templates/_helpers.tpl':
      '{{- define "api.labels" -}}\napp: {{ .Chart.Name }}\n{{- end }}\n',
    'helm/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Chart.Name }}
spec:
  selector:
    matchLabels:
      {{- include "api.labels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "api.labels" . | nindent 8 }}
    spec:
      containers:
        - name: api
          image: "registry.example.com/api:1.0.0"
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
`,
  });

  it('decides resources from the values the chart renders', async () => {
    const set = await evaluate(
      chart(
        'resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n',
      ),
      'cn-orchestration.resources',
    );
    expect(set.verdict).toBe('pass');
    const unset = await evaluate(
      chart('resources: {}\n'),
      'cn-orchestration.resources',
    );
    expect(unset.verdict).toBe('fail');
    expect(unset.evidence[0]).toMatchObject({
      path: 'helm/templates/deployment.yaml',
      target: 'helm',
    });
  });

  it('takes an HPA, PDB or NetworkPolicy that the chart offers behind a switch its values turn off for partial, not absent', async () => {
    const gated = (kind: string, toggle: string, body: string) =>
      `{{- if .Values.${toggle}.enabled }}\napiVersion: v1\nkind: ${kind}\nmetadata:\n  name: api\nspec:\n${body}{{- end }}\n`;
    const files = {
      ...chart('autoscaling:\n  enabled: false\npdb:\n  enabled: false\n'),
      'helm/templates/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 8080}]\n',
      'helm/templates/hpa.yaml': gated(
        'HorizontalPodAutoscaler',
        'autoscaling',
        '  minReplicas: 2\n',
      ),
      'helm/templates/pdb.yaml': gated(
        'PodDisruptionBudget',
        'pdb',
        '  maxUnavailable: 1\n',
      ),
    };
    const hpa = await evaluate(files, 'f8-concurrency.hpa');
    expect(hpa.verdict).toBe('partial');
    expect(hpa.summary).toContain(
      'the chart offers a HorizontalPodAutoscaler (helm/templates/hpa.yaml) that its values switch off',
    );
    expect((await evaluate(files, 'cn-resilience.pdb')).verdict).toBe(
      'partial',
    );
    // Without the template, there is nothing to switch on.
    const { 'helm/templates/hpa.yaml': _hpa, ...without } = files;
    expect((await evaluate(without, 'f8-concurrency.hpa')).verdict).toBe(
      'fail',
    );
  });
});
