/**
 * A generated fleet for the benchmark: `entities` services, each with the
 * objects a real service has in one cluster (about 20: workloads, their
 * ReplicaSet and Pods, Service, Ingress, HPA, PDB, NetworkPolicy,
 * ConfigMap, Secret, ServiceAccount, RBAC, a Job, a PVC).
 */
export function generateClusterObjects(
  cluster: string,
  entities: number,
): any[] {
  const out: any[] = [];
  for (let i = 0; i < entities; i++) {
    const name = `svc-${i}`;
    const namespace = `team-${i % 50}`;
    const labels = { 'backstage.io/kubernetes-id': name, app: name };
    const meta = (kind: string, suffix = '') => ({
      name: `${name}${suffix}`,
      namespace,
      labels,
      uid: `${cluster}-${kind}-${i}${suffix}`,
      resourceVersion: String(1000 + i),
    });
    const podSpec = {
      serviceAccountName: name,
      securityContext: { runAsNonRoot: true, runAsUser: 10001 },
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${name}:1.${i % 10}.0`,
          ports: [{ containerPort: 8080, name: 'http' }],
          envFrom: [{ configMapRef: { name } }, { secretRef: { name } }],
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { memory: '256Mi' },
          },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
          readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
          securityContext: { allowPrivilegeEscalation: false },
        },
      ],
    };
    out.push(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('deploy'),
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels }, spec: podSpec },
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          ...meta('rs', '-7d9f8'),
          ownerReferences: [{ kind: 'Deployment', name, controller: true }],
        },
        spec: {
          replicas: 2,
          template: { metadata: { labels }, spec: podSpec },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          ...meta('pod', '-7d9f8-a'),
          ownerReferences: [
            { kind: 'ReplicaSet', name: `${name}-7d9f8`, controller: true },
          ],
        },
        spec: podSpec,
        status: { phase: 'Running' },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          ...meta('pod', '-7d9f8-b'),
          ownerReferences: [
            { kind: 'ReplicaSet', name: `${name}-7d9f8`, controller: true },
          ],
        },
        spec: podSpec,
        status: { phase: 'Running' },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('svc'),
        spec: {
          selector: { app: name },
          ports: [{ port: 80, targetPort: 'http', name: 'http' }],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: meta('ing'),
        spec: {
          tls: [{ hosts: [`${name}.example.com`] }],
          rules: [
            {
              host: `${name}.example.com`,
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name, port: { name: 'http' } } },
                  },
                ],
              },
            },
          ],
        },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta('hpa'),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
          minReplicas: 2,
          maxReplicas: 10,
        },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta('pdb'),
        spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta('np'),
        spec: {
          podSelector: { matchLabels: { app: name } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ podSelector: {} }] }],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('cm'),
        data: {
          LOG_LEVEL: 'info',
          DATABASE_HOST: `${name}-db.postgres.database.azure.com`,
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta('secret'),
        type: 'Opaque',
        data: { PASSWORD: Buffer.from(`bench-secret-${i}`).toString('base64') },
      },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('sa') },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: meta('role'),
        rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: meta('rb'),
        subjects: [{ kind: 'ServiceAccount', name }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta('job', '-migrate'),
        spec: {
          backoffLimit: 3,
          ttlSecondsAfterFinished: 600,
          template: {
            spec: {
              ...podSpec,
              restartPolicy: 'Never',
              containers: [
                {
                  ...podSpec.containers[0],
                  name: 'migrate',
                  command: ['migrate', 'up'],
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta('pvc'),
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta('cron', '-report'),
        spec: {
          schedule: '0 * * * *',
          jobTemplate: {
            spec: {
              backoffLimit: 1,
              template: { spec: { ...podSpec, restartPolicy: 'Never' } },
            },
          },
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta('sts', '-cache'),
        spec: {
          replicas: 1,
          serviceName: `${name}-cache`,
          selector: { matchLabels: { app: `${name}-cache` } },
          template: {
            metadata: { labels: { ...labels, app: `${name}-cache` } },
            spec: {
              containers: [{ name: 'redis', image: 'redis:7.4.1-alpine' }],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('svc', '-cache'),
        spec: { selector: { app: `${name}-cache` }, ports: [{ port: 6379 }] },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('cm', '-extra'),
        data: { FEATURE_FLAGS: 'a,b,c' },
      },
    );
  }
  return out;
}
