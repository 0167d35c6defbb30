import type { MessageCatalog } from '../engineMessages';

/** Orchestration. */
export const cnOrchestration: MessageCatalog = {
  // kubernetes
  'cn-orchestration.kubernetes.namespace-note': {
    en: '{{n}} workload(s) of the entity run in namespace {{namespace}}',
    ko: '엔티티의 워크로드 {{n}}개가 네임스페이스 {{namespace}}에서 실행 중',
  },
  'cn-orchestration.kubernetes.running': {
    en: 'Workloads of the entity run in {{clusters}}',
    ko: '엔티티의 워크로드가 {{clusters}}에서 실행 중',
  },
  'cn-orchestration.kubernetes.target-note': {
    en: '{{objects}} object(s), {{workloads}} workload(s)',
    ko: '오브젝트 {{objects}}개, 워크로드 {{workloads}}개',
  },
  'cn-orchestration.kubernetes.chart-note': {
    en: 'Helm chart',
    ko: 'Helm 차트',
  },
  'cn-orchestration.kubernetes.uninspected': {
    en: 'Neither the repository nor a cluster could be inspected',
    ko: '저장소도 클러스터도 확인할 수 없음',
  },
  'cn-orchestration.kubernetes.uninspected-reason': {
    en: 'The repository could not be read and no configured cluster runs workloads of the entity.',
    ko: '저장소를 읽을 수 없고, 설정된 클러스터 중 엔티티의 워크로드를 실행하는 곳이 없습니다.',
  },
  'cn-orchestration.kubernetes.uninspected-unreachable': {
    en: 'The repository could not be read and no configured cluster runs workloads of the entity ({{clusters}}).',
    ko: '저장소를 읽을 수 없고, 설정된 클러스터 중 엔티티의 워크로드를 실행하는 곳이 없습니다({{clusters}}).',
  },
  'cn-orchestration.kubernetes.none': {
    en: 'No Kubernetes manifests, Kustomize overlays or Helm charts in the repository, and nothing runs in a cluster',
    ko: '저장소에 Kubernetes 매니페스트, Kustomize 오버레이, Helm 차트가 없고 클러스터에서 실행 중인 것도 없음',
  },
  'cn-orchestration.kubernetes.none-advice': {
    en: 'Describe how the service runs on Kubernetes: a Deployment and a Service under k8s/ (or a Kustomize base with overlays per environment), labelled for the Backstage Kubernetes plugin.',
    ko: '서비스가 Kubernetes에서 어떻게 실행되는지 기술하세요: k8s/ 아래에 Deployment와 Service를 두고(또는 환경별 오버레이가 있는 Kustomize base), Backstage Kubernetes 플러그인용 레이블을 붙이세요.',
  },
  'cn-orchestration.kubernetes.unread': {
    en: 'Manifests exist; the configured clusters could not be read',
    ko: '매니페스트는 있으나 설정된 클러스터를 읽을 수 없음',
  },
  'cn-orchestration.kubernetes.unread-reason': {
    en: 'Kubernetes manifests exist ({{where}}), but no cluster could be read: {{clusters}}.',
    ko: 'Kubernetes 매니페스트({{where}})는 있지만 읽을 수 있는 클러스터가 없습니다: {{clusters}}.',
  },
  'cn-orchestration.kubernetes.not-running': {
    en: 'Kubernetes manifests in {{where}}, but nothing of the entity runs in {{clusters}}',
    ko: 'Kubernetes 매니페스트가 {{where}}에 있지만, {{clusters}}에서 실행 중인 엔티티 워크로드 없음',
  },
  'cn-orchestration.kubernetes.not-running-reason': {
    en: 'The manifests could not be confirmed as running: nothing of the entity runs in {{clusters}}.',
    ko: '매니페스트가 실행 중인지 확인할 수 없습니다: {{clusters}}에서 실행 중인 엔티티 워크로드가 없습니다.',
  },
  'cn-orchestration.kubernetes.no-cluster': {
    en: 'Kubernetes manifests in {{where}}, but no cluster was consulted (none is configured), so nothing is seen running',
    ko: 'Kubernetes 매니페스트가 {{where}}에 있지만, 조회한 클러스터가 없어(설정된 클러스터 없음) 실행 여부를 확인할 수 없음',
  },
  'cn-orchestration.kubernetes.no-cluster-reason': {
    en: 'No cluster was consulted: none is configured for this scan, so the manifests could not be confirmed as running.',
    ko: '조회한 클러스터가 없습니다: 이 스캔에 설정된 클러스터가 없어 매니페스트가 실행 중인지 확인할 수 없었습니다.',
  },
  'cn-orchestration.kubernetes.not-mapped': {
    en: 'Kubernetes manifests in {{where}}, but no cluster could be searched for the entity ({{clusters}}: {{reason}})',
    ko: 'Kubernetes 매니페스트가 {{where}}에 있지만, 엔티티를 찾을 수 있는 클러스터가 없음 ({{clusters}}: {{reason}})',
  },
  'cn-orchestration.kubernetes.not-mapped-reason': {
    en: 'The manifests could not be confirmed as running: no cluster could be searched for the entity ({{clusters}}: {{reason}}).',
    ko: '매니페스트가 실행 중인지 확인할 수 없습니다: 엔티티를 찾을 수 있는 클러스터가 없습니다({{clusters}}: {{reason}}).',
  },
  'cn-orchestration.kubernetes.configure-advice': {
    en: 'Configure the cluster(s) the service runs in (kubernetes.clusterLocatorMethods, or a cluster dump for the CLI) so the scan can confirm the workloads run.',
    ko: '스캔이 워크로드 실행 여부를 확인할 수 있도록 서비스가 실행되는 클러스터를 설정하세요(kubernetes.clusterLocatorMethods, CLI는 클러스터 덤프).',
  },
  'cn-orchestration.kubernetes.deploy-advice': {
    en: 'Deploy the manifests to a cluster.',
    ko: '매니페스트를 클러스터에 배포하세요.',
  },
  'cn-orchestration.kubernetes.annotation-advice': {
    en: 'Check that the entity annotation backstage.io/kubernetes-id (or kubernetes-label-selector) matches the labels of the deployed objects.',
    ko: '엔티티 어노테이션 backstage.io/kubernetes-id(또는 kubernetes-label-selector)가 배포된 오브젝트의 레이블과 일치하는지 확인하세요.',
  },
  // deployments
  'cn-orchestration.deployments.controlled': {
    en: 'Every workload is managed by a controller',
    ko: '모든 워크로드가 컨트롤러로 관리됨',
  },
  'cn-orchestration.deployments.controlled-note': {
    en: 'all {{n}} workloads have a controller ({{kinds}})',
    ko: '워크로드 {{n}}개 모두 컨트롤러가 있음 ({{kinds}})',
  },
  'cn-orchestration.deployments.bare': {
    en: 'Bare Pod(s) {{names}} without a controller',
    ko: '컨트롤러 없는 단독 Pod: {{names}}',
  },
  'cn-orchestration.deployments.bare-note': {
    en: 'bare Pod (restartPolicy {{policy}}): nothing recreates it when it or its node fails',
    ko: '단독 Pod (restartPolicy {{policy}}): Pod나 노드가 실패하면 다시 만들어 주는 것이 없음',
  },
  'cn-orchestration.deployments.as-job-advice': {
    en: 'Run {{name}} as a Job (or a CronJob when it is periodic): Kubernetes retries it on failure and records its completion.',
    ko: '{{name}}을(를) Job(주기적으로 실행한다면 CronJob)으로 실행하세요: Kubernetes가 실패 시 재시도하고 완료를 기록합니다.',
  },
  'cn-orchestration.deployments.as-deployment-advice': {
    en: 'Run {{name}} under a Deployment so that it is recreated when it or its node fails.',
    ko: 'Pod나 노드가 실패해도 다시 만들어지도록 {{name}}을(를) Deployment로 실행하세요.',
  },
  'cn-orchestration.deployments.none-reason': {
    en: 'No workloads in {{sets}}.',
    ko: '{{sets}}에 워크로드가 없습니다.',
  },
  // service-discovery
  'cn-orchestration.service-discovery.key-ip-note': {
    en: '{{key}} uses the literal IP {{ips}}',
    ko: '{{key}}에 IP({{ips}})를 직접 사용함',
  },
  'cn-orchestration.service-discovery.env-ip-note': {
    en: 'env {{name}} of container {{container}} uses the literal IP {{ips}}',
    ko: '컨테이너 {{container}}의 env {{name}}에 IP({{ips}})를 직접 사용함',
  },
  'cn-orchestration.service-discovery.literal': {
    en: 'Literal cluster IPs in env or ConfigMaps',
    ko: 'env 또는 ConfigMap에 클러스터 IP가 직접 기재됨',
  },
  'cn-orchestration.service-discovery.literal-advice': {
    en: 'Address in-cluster peers by their Service DNS name (<service>.<namespace>.svc.cluster.local): pod and ClusterIP addresses change when objects are recreated or the cluster is rebuilt.',
    ko: '클러스터 내부의 상대 서비스는 Service DNS 이름(<service>.<namespace>.svc.cluster.local)으로 지정하세요: 파드와 ClusterIP 주소는 오브젝트를 다시 만들거나 클러스터를 재구축하면 바뀝니다.',
  },
  'cn-orchestration.service-discovery.dns': {
    en: 'In-cluster addresses use Service DNS names ({{names}})',
    ko: '클러스터 내부 주소에 Service DNS 이름 사용 ({{names}})',
  },
  'cn-orchestration.service-discovery.no-literal': {
    en: 'No literal pod, Service or node IPs in env or ConfigMaps',
    ko: 'env 또는 ConfigMap에 직접 기재된 파드, Service, 노드 IP 없음',
  },
  'cn-orchestration.service-discovery.dns-note': {
    en: 'Service DNS names: {{names}}',
    ko: 'Service DNS 이름: {{names}}',
  },
  'cn-orchestration.service-discovery.no-literal-note': {
    en: 'no literal cluster IPs',
    ko: '직접 기재된 클러스터 IP 없음',
  },
  'cn-orchestration.service-discovery.in-code': {
    en: 'Literal private IPs in {{paths}}',
    ko: '{{paths}}에 사설 IP가 직접 기재됨',
  },
  'cn-orchestration.service-discovery.code-ip-note': {
    en: 'literal IP {{address}}: {{text}}',
    ko: '직접 기재된 IP {{address}}: {{text}}',
  },
  'cn-orchestration.service-discovery.in-code-advice': {
    en: 'Replace the literal IP {{address}} in {{path}} with the Service DNS name of its target (or read it from an environment variable set to that name): ClusterIPs and pod IPs change when objects are recreated.',
    ko: '{{path}}에 직접 기재된 IP({{address}})를 대상의 Service DNS 이름으로 바꾸세요(또는 그 이름을 담은 환경 변수에서 읽으세요): ClusterIP와 파드 IP는 오브젝트를 다시 만들면 바뀝니다.',
  },
  'cn-orchestration.service-discovery.none-reason': {
    en: 'No workloads in any deploy target or cluster namespace.',
    ko: '어떤 배포 대상이나 클러스터 네임스페이스에도 워크로드가 없습니다.',
  },
  // Said after the finding, which the English writes as a suffix.
  'cn-orchestration.service-discovery.code-not-scanned': {
    en: '(source code not scanned: the repo.addresses fact is not available)',
    ko: '(소스 코드는 검사하지 않음: repo.addresses fact를 사용할 수 없음)',
  },
  // rbac
  'cn-orchestration.rbac.no-token-pod-note': {
    en: '{{name}}: no API token (automountServiceAccountToken false in the pod spec)',
    ko: '{{name}}: API 토큰 없음 (pod spec의 automountServiceAccountToken false)',
  },
  'cn-orchestration.rbac.no-token-account-note': {
    en: '{{name}}: no API token (automountServiceAccountToken false in ServiceAccount {{account}})',
    ko: '{{name}}: API 토큰 없음 (ServiceAccount {{account}}의 automountServiceAccountToken false)',
  },
  'cn-orchestration.rbac.bound-note': {
    en: '{{name}}: ServiceAccount {{account}} bound by {{bindings}}',
    ko: '{{name}}: ServiceAccount {{account}}, 바인딩: {{bindings}}',
  },
  // Several workloads' notes, a list of their messages.
  'cn-orchestration.rbac.workloads-note': {
    en: '{{notes}}',
    ko: '워크로드별: {{notes}}',
  },
  'cn-orchestration.rbac.unbound-note': {
    en: 'ServiceAccount {{account}} has no Role binding in {{set}}, yet its token is mounted',
    ko: 'ServiceAccount {{account}}: {{set}}에 Role 바인딩이 없는데 토큰이 마운트됨',
  },
  'cn-orchestration.rbac.default-note': {
    en: 'runs as the default ServiceAccount with its API token mounted',
    ko: 'API 토큰이 마운트된 default ServiceAccount로 실행됨',
  },
  'cn-orchestration.rbac.dedicated': {
    en: 'Workloads run under dedicated ServiceAccounts with RBAC, or without an API token',
    ko: '워크로드가 RBAC가 적용된 전용 ServiceAccount로, 또는 API 토큰 없이 실행됨',
  },
  'cn-orchestration.rbac.token-mounted': {
    en: '{{names}} mount an API token without a dedicated, RBAC-bound ServiceAccount',
    ko: '{{names}}: RBAC로 바인딩된 전용 ServiceAccount 없이 API 토큰을 마운트함',
  },
  'cn-orchestration.rbac.advice': {
    en: 'Give {{name}} its own ServiceAccount and, as it needs no Kubernetes API access, stop mounting the token (add a Role and RoleBinding with only the verbs it needs if it does call the API).',
    ko: '{{name}}에 전용 ServiceAccount를 주고, Kubernetes API 접근이 필요 없다면 토큰 마운트를 끄세요(API를 호출한다면 필요한 verb만 허용하는 Role과 RoleBinding을 추가하세요).',
  },
  'cn-orchestration.rbac.none-reason': {
    en: 'No workloads in {{sets}}.',
    ko: '{{sets}}에 워크로드가 없습니다.',
  },
  // resources
  'cn-orchestration.resources.misses-note': {
    en: '{{container}} misses {{fields}}',
    ko: '{{container}}: {{fields}} 누락',
  },
  // Several containers' notes, a list of their messages.
  'cn-orchestration.resources.containers-note': {
    en: '{{notes}}',
    ko: '컨테이너별: {{notes}}',
  },
  'cn-orchestration.resources.all': {
    en: 'Every container sets cpu and memory requests and a memory limit',
    ko: '모든 컨테이너에 cpu·memory requests와 memory limit이 설정됨',
  },
  'cn-orchestration.resources.all-note': {
    en: 'all {{n}} containers of {{set}} set requests and a memory limit',
    ko: '{{set}}의 컨테이너 {{n}}개 모두 requests와 memory limit 설정됨',
  },
  'cn-orchestration.resources.none': {
    en: 'No container sets resource requests or limits',
    ko: '리소스 requests나 limits를 설정한 컨테이너 없음',
  },
  'cn-orchestration.resources.some': {
    en: '{{ok}} of {{total}} containers set requests and a memory limit',
    ko: '컨테이너 {{total}}개 중 {{ok}}개만 requests와 memory limit 설정됨',
  },
  'cn-orchestration.resources.advice': {
    en: 'Set cpu and memory requests (what the scheduler reserves) and a memory limit (what stops a leak from starving the node) for {{name}}; start from observed usage and tune.',
    ko: '{{name}}에 cpu·memory requests(스케줄러가 예약하는 양)와 memory limit(메모리 누수가 노드를 고갈시키지 않게 막는 값)을 설정하세요. 관측된 사용량에서 시작해 조정하세요.',
  },
  'cn-orchestration.resources.none-reason': {
    en: 'No containers in {{sets}}.',
    ko: '{{sets}}에 컨테이너가 없습니다.',
  },
  // anti-affinity
  'cn-orchestration.anti-affinity.ready': {
    en: 'Spreading declared ({{workloads}}); no workload runs more than one replica yet',
    ko: '분산 배치가 선언됨 ({{workloads}}); 아직 레플리카가 2개 이상인 워크로드는 없음',
  },
  'cn-orchestration.anti-affinity.ready-note': {
    en: '{{keys}} spreading; {{n}} replica(s)',
    ko: '{{keys}} 기준 분산; 레플리카 {{n}}개',
  },
  'cn-orchestration.anti-affinity.spread': {
    en: 'Every multi-replica workload spreads its pods ({{workloads}})',
    ko: '레플리카가 여러 개인 모든 워크로드가 파드를 분산 배치함 ({{workloads}})',
  },
  'cn-orchestration.anti-affinity.spread-note': {
    en: 'up to {{n}} replicas spread over {{keys}}',
    ko: '최대 레플리카 {{n}}개를 {{keys}} 기준으로 분산',
  },
  'cn-orchestration.anti-affinity.lacking': {
    en: '{{names}} run(s) several replicas without anti-affinity or topology spread',
    ko: '{{names}}: anti-affinity나 topology spread 없이 레플리카 여러 개를 실행함',
  },
  'cn-orchestration.anti-affinity.lacking-note': {
    en: 'up to {{n}} replicas, no anti-affinity or topologySpreadConstraints: one node failure can take them all',
    ko: '최대 레플리카 {{n}}개, anti-affinity나 topologySpreadConstraints 없음: 노드 하나가 실패하면 모두 중단될 수 있음',
  },
  'cn-orchestration.anti-affinity.spread-over-note': {
    en: 'spread over {{keys}}',
    ko: '{{keys}} 기준으로 분산',
  },
  'cn-orchestration.anti-affinity.advice': {
    en: 'Spread the replicas of {{name}} over nodes (and zones) so that one node or zone failure does not take them all down.',
    ko: '노드나 존 하나의 장애로 모두 중단되지 않도록 {{name}}의 레플리카를 여러 노드(와 존)에 분산하세요.',
  },
  'cn-orchestration.anti-affinity.none-reason': {
    en: 'No multi-replica workload (and none declaring spreading) in {{sets}}, so there is nothing to spread.',
    ko: '{{sets}}에 레플리카가 여러 개인 워크로드(또는 분산 배치를 선언한 워크로드)가 없어 분산할 대상이 없습니다.',
  },
};
