import type { MessageCatalog } from '../engineMessages';

/** What rbac-least-privilege finds too broad in a rule: English and Korean. */
const RBAC_WHY: Record<string, [string, string]> = {
  'wildcard-verbs': [
    'wildcard verbs ({{resources}}: {{verbs}})',
    '와일드카드 verbs ({{resources}}: {{verbs}})',
  ],
  'wildcard-resources': [
    'wildcard resources ({{resources}}: {{verbs}})',
    '와일드카드 resources ({{resources}}: {{verbs}})',
  ],
  sensitive: [
    '{{verbs}} on {{resources}}',
    '{{resources}}에 대한 {{verbs}} 권한',
  ],
  secrets: [
    'reads every Secret of the namespace',
    '네임스페이스의 모든 Secret을 읽음',
  ],
  exec: ['{{resources}} access', '{{resources}} 접근 권한'],
  rbac: ['may change RBAC', 'RBAC를 변경할 수 있음'],
};

/**
 * Each finding alone (`…why-<what>`), after the object it is said of
 * (`…object-<what>`: a binding and its role, or a role), and after a
 * binding that grants it cluster-wide (`…object-wide-<what>`). The English
 * joins several with semicolons after the first.
 */
const rbacWhy: MessageCatalog = Object.fromEntries(
  Object.entries(RBAC_WHY).flatMap(([what, [en, ko]]) => [
    [`cn-security.rbac-least-privilege.why-${what}`, { en, ko }],
    [
      `cn-security.rbac-least-privilege.object-${what}`,
      { en: `{{object}} ${en}`, ko: `{{object}}: ${ko}` },
    ],
    [
      `cn-security.rbac-least-privilege.object-wide-${what}`,
      {
        en: `{{object}} cluster-wide ${en}`,
        ko: `{{object}}: 클러스터 전체 범위로 ${ko}`,
      },
    ],
  ]),
);

/** Security. */
export const cnSecurity: MessageCatalog = {
  // image-scanning
  'cn-security.image-scanning.scanned': {
    en: 'CI scans images with {{tools}}',
    ko: 'CI가 {{tools}}(으)로 이미지를 스캔함',
  },
  'cn-security.image-scanning.scanner-note': {
    en: '{{tool}}: {{text}}',
    ko: '{{tool}} 스캔: {{text}}',
  },
  'cn-security.image-scanning.no-scanner': {
    en: 'CI ({{files}}) runs no image vulnerability scanner',
    ko: 'CI({{files}})에 이미지 취약점 스캐너가 없음',
  },
  'cn-security.image-scanning.no-scanner-builds': {
    en: 'CI ({{files}}) runs no image vulnerability scanner although it builds images',
    ko: 'CI({{files}})가 이미지를 빌드하지만 이미지 취약점 스캐너가 없음',
  },
  'cn-security.image-scanning.no-ci': {
    en: 'No CI pipeline, so no image is scanned',
    ko: 'CI 파이프라인이 없어 어떤 이미지도 스캔되지 않음',
  },
  'cn-security.image-scanning.built-note': {
    en: 'image built here, not scanned: {{text}}',
    ko: '여기서 이미지를 빌드하지만 스캔하지 않음: {{text}}',
  },
  'cn-security.image-scanning.no-scanner-note': {
    en: 'no scanner step',
    ko: '스캐너 단계 없음',
  },
  'cn-security.image-scanning.advice-after-build': {
    en: 'Scan the image with Trivy after the image build in {{path}} (line {{line}}), before it is pushed or deployed; the step fails the pipeline on fixable CRITICAL/HIGH vulnerabilities.',
    ko: '{{path}}({{line}}번째 줄)의 이미지 빌드 뒤, 푸시나 배포 전에 Trivy로 이미지를 스캔하세요. 이 단계는 수정 가능한 CRITICAL/HIGH 취약점이 있으면 파이프라인을 실패시킵니다.',
  },
  'cn-security.image-scanning.advice-in': {
    en: 'Scan the image with Trivy in {{path}}, after the image build; the step fails the pipeline on fixable CRITICAL/HIGH vulnerabilities.',
    ko: '{{path}}에서 이미지 빌드 뒤에 Trivy로 이미지를 스캔하세요. 이 단계는 수정 가능한 CRITICAL/HIGH 취약점이 있으면 파이프라인을 실패시킵니다.',
  },
  'cn-security.image-scanning.advice-in-pipeline': {
    en: 'Scan the image with Trivy in your pipeline, after the image build; the step fails the pipeline on fixable CRITICAL/HIGH vulnerabilities.',
    ko: '파이프라인에서 이미지 빌드 뒤에 Trivy로 이미지를 스캔하세요. 이 단계는 수정 가능한 CRITICAL/HIGH 취약점이 있으면 파이프라인을 실패시킵니다.',
  },
  // non-root
  'cn-security.non-root.all': {
    en: 'Every workload runs as non-root (runAsNonRoot or a non-zero runAsUser)',
    ko: '모든 워크로드가 root가 아닌 사용자로 실행됨 (runAsNonRoot 또는 0이 아닌 runAsUser)',
  },
  'cn-security.non-root.all-note': {
    en: 'all {{n}} workloads run as non-root',
    ko: '워크로드 {{n}}개 모두 root가 아닌 사용자로 실행됨',
  },
  'cn-security.non-root.some': {
    en: '{{ok}} of {{total}} workloads run as non-root; {{names}} may run as root',
    ko: '워크로드 {{total}}개 중 {{ok}}개가 root가 아닌 사용자로 실행됨, {{names}}은(는) root로 실행될 수 있음',
  },
  'cn-security.non-root.root-note': {
    en: 'container(s) {{names}} set neither runAsNonRoot nor a non-zero runAsUser',
    ko: '컨테이너 {{names}}에 runAsNonRoot도, 0이 아닌 runAsUser도 설정되지 않음',
  },
  'cn-security.non-root.advice': {
    en: 'Run {{name}} as an unprivileged user: runAsNonRoot makes the kubelet refuse to start a container that would run as root.',
    ko: '{{name}}을(를) 권한 없는 사용자로 실행하세요. runAsNonRoot를 설정하면 kubelet이 root로 실행될 컨테이너의 시작을 거부합니다.',
  },
  'cn-security.non-root.advice-uid': {
    en: 'UID {{uid}} is the user its image ships with.',
    ko: 'UID {{uid}}는 이미지에 포함된 사용자입니다.',
  },
  'cn-security.non-root.nothing-reason': {
    en: 'No workloads in {{sets}}.',
    ko: '{{sets}}에 워크로드가 없습니다.',
  },
  // network-policy
  'cn-security.network-policy.detached': {
    en: '{{policies}} restrict(s) ingress to the pods selected',
    ko: '{{policies}}이(가) 선택한 파드로의 ingress를 제한함',
  },
  'cn-security.network-policy.detached-note': {
    en: 'ingress policy (the pods it selects are not among the objects of {{set}})',
    ko: 'ingress 정책 (선택하는 파드가 {{set}}의 객체에 없음)',
  },
  'cn-security.network-policy.detached-egress-note': {
    en: 'ingress policy + egress (the pods it selects are not among the objects of {{set}})',
    ko: 'ingress 정책 + egress (선택하는 파드가 {{set}}의 객체에 없음)',
  },
  'cn-security.network-policy.covered-item': {
    en: '{{workload}} ← {{policies}} (ingress only)',
    ko: '{{workload}} ← {{policies}} (ingress 규칙만)',
  },
  'cn-security.network-policy.covered-item-egress': {
    en: '{{workload}} ← {{policies}} (ingress + egress)',
    ko: '{{workload}} ← {{policies}} (ingress + egress 규칙)',
  },
  // Several covered workloads; `items` lists the covered-item notes' messages.
  'cn-security.network-policy.covered-items': {
    en: '{{items}}',
    ko: '워크로드별 NetworkPolicy: {{items}}',
  },
  'cn-security.network-policy.all': {
    en: 'Every app pod is selected by a NetworkPolicy with ingress rules',
    ko: '모든 앱 파드가 ingress 규칙이 있는 NetworkPolicy에 선택됨',
  },
  'cn-security.network-policy.uncovered': {
    en: '{{names}} not selected by any ingress NetworkPolicy',
    ko: '{{names}}을(를) 선택하는 ingress NetworkPolicy가 없음',
  },
  'cn-security.network-policy.uncovered-offered': {
    en: '{{names}} not selected by any ingress NetworkPolicy (the chart offers a NetworkPolicy ({{path}}) that its values switch off)',
    ko: '{{names}}을(를) 선택하는 ingress NetworkPolicy가 없음 (차트가 NetworkPolicy({{path}})를 제공하지만 values에서 꺼져 있음)',
  },
  'cn-security.network-policy.none': {
    en: "No NetworkPolicy selects the app's pods",
    ko: '앱 파드를 선택하는 NetworkPolicy가 없음',
  },
  'cn-security.network-policy.none-offered': {
    en: "No NetworkPolicy selects the app's pods (the chart offers a NetworkPolicy ({{path}}) that its values switch off)",
    ko: '앱 파드를 선택하는 NetworkPolicy가 없음 (차트가 NetworkPolicy({{path}})를 제공하지만 values에서 꺼져 있음)',
  },
  'cn-security.network-policy.open-note': {
    en: 'pods ({{labels}}) accept traffic from anywhere in the cluster',
    ko: '파드({{labels}})가 클러스터 어디에서 오는 트래픽이든 받음',
  },
  'cn-security.network-policy.advice': {
    en: 'Restrict who can reach {{names}}: one NetworkPolicy per workload, for its pod labels, admitting only its own namespace on its container ports, and nothing for workers without ports. Add egress rules where you can.',
    ko: '{{names}}에 접근할 수 있는 대상을 제한하세요. 워크로드마다 파드 레이블에 맞춘 NetworkPolicy를 하나씩 두어 컨테이너 포트에 같은 네임스페이스만 허용하고, 포트가 없는 워커에는 아무것도 허용하지 마세요. 가능하면 egress 규칙도 추가하세요.',
  },
  'cn-security.network-policy.advice-ingress': {
    en: 'Restrict who can reach {{names}}: one NetworkPolicy per workload, for its pod labels, admitting only its own namespace (and the ingress controller where an Ingress routes to it) on its container ports, and nothing for workers without ports. Add egress rules where you can.',
    ko: '{{names}}에 접근할 수 있는 대상을 제한하세요. 워크로드마다 파드 레이블에 맞춘 NetworkPolicy를 하나씩 두어 컨테이너 포트에 같은 네임스페이스(Ingress가 라우팅하는 경우 ingress 컨트롤러 포함)만 허용하고, 포트가 없는 워커에는 아무것도 허용하지 마세요. 가능하면 egress 규칙도 추가하세요.',
  },
  'cn-security.network-policy.nothing-reason': {
    en: 'No workloads and no ingress network policies in {{sets}}.',
    ko: '{{sets}}에 워크로드와 ingress 네트워크 정책이 없습니다.',
  },
  // rbac-least-privilege
  ...rbacWhy,
  'cn-security.rbac-least-privilege.cluster-admin': {
    en: '{{object}} grants cluster-admin',
    ko: '{{object}}이(가) cluster-admin을 부여함',
  },
  'cn-security.rbac-least-privilege.cluster-admin-note': {
    en: 'cluster-admin: full control of the cluster',
    ko: 'cluster-admin: 클러스터 전체 제어 권한',
  },
  'cn-security.rbac-least-privilege.cluster-admin-advice': {
    en: 'Replace {{binding}} with a namespaced Role granting only the verbs and resources the app calls, bound by a RoleBinding.',
    ko: '{{binding}}을(를) 앱이 실제로 호출하는 verbs와 resources만 부여하는 네임스페이스 범위의 Role과 이를 바인딩하는 RoleBinding으로 바꾸세요.',
  },
  'cn-security.rbac-least-privilege.built-in': {
    en: '{{object}} grants the built-in {{role}} role',
    ko: '{{object}}이(가) 기본 제공 {{role}} 역할을 부여함',
  },
  'cn-security.rbac-least-privilege.built-in-wide': {
    en: '{{object}} grants the built-in {{role}} role cluster-wide',
    ko: '{{object}}이(가) 기본 제공 {{role}} 역할을 클러스터 전체 범위로 부여함',
  },
  'cn-security.rbac-least-privilege.built-in-note': {
    en: 'built-in {{role}}: broad write access',
    ko: '기본 제공 {{role}}: 광범위한 쓰기 권한',
  },
  'cn-security.rbac-least-privilege.built-in-wide-note': {
    en: 'built-in {{role}}: broad write access cluster-wide',
    ko: '기본 제공 {{role}}: 클러스터 전체 범위의 광범위한 쓰기 권한',
  },
  'cn-security.rbac-least-privilege.built-in-advice': {
    en: 'Replace the built-in {{role}} role with a Role listing only what the app calls.',
    ko: '기본 제공 {{role}} 역할을 앱이 실제로 호출하는 것만 나열한 Role로 바꾸세요.',
  },
  'cn-security.rbac-least-privilege.view': {
    en: 'read-only view role',
    ko: '읽기 전용 view 역할',
  },
  'cn-security.rbac-least-privilege.view-note': {
    en: 'built-in view (read-only)',
    ko: '기본 제공 view (읽기 전용)',
  },
  'cn-security.rbac-least-privilege.role-not-found': {
    en: '{{object}}: role not found',
    ko: '{{object}}: 역할을 찾지 못함',
  },
  'cn-security.rbac-least-privilege.role-not-found-reason': {
    en: '{{role}} bound by {{binding}} is not among the objects of {{set}}, so its rules cannot be judged.',
    ko: '{{binding}}이(가) 바인딩한 {{role}}이(가) {{set}}의 객체에 없어 규칙을 판단할 수 없습니다.',
  },
  'cn-security.rbac-least-privilege.role-not-found-note': {
    en: 'role not found',
    ko: '역할을 찾지 못함',
  },
  'cn-security.rbac-least-privilege.explicit': {
    en: 'explicit rules',
    ko: '명시적인 규칙',
  },
  'cn-security.rbac-least-privilege.explicit-note': {
    en: 'explicit rules only ({{grants}})',
    ko: '명시적인 규칙만 있음 ({{grants}})',
  },
  'cn-security.rbac-least-privilege.explicit-unbound-note': {
    en: 'explicit rules only (not bound by any binding of {{set}})',
    ko: '명시적인 규칙만 있음 ({{set}}의 어떤 바인딩에도 쓰이지 않음)',
  },
  // Several findings in one note; `findings` lists their messages.
  'cn-security.rbac-least-privilege.why-list': {
    en: '{{findings}}',
    ko: '권한 문제: {{findings}}',
  },
  // A binding's or a role's note; `note` is the note's message.
  'cn-security.rbac-least-privilege.object-note': {
    en: '{{object}}: {{note}}',
    ko: '{{object}} 권한: {{note}}',
  },
  'cn-security.rbac-least-privilege.unbound-note': {
    en: '{{object}}: {{note}} (deployed by the repository; no binding of {{set}} uses it yet)',
    ko: '{{object}} 권한: {{note}} (저장소가 배포하지만 아직 {{set}}의 어떤 바인딩도 사용하지 않음)',
  },
  'cn-security.rbac-least-privilege.narrow-advice': {
    en: 'List in {{role}} only the resources and verbs the app calls.',
    ko: '{{role}}에는 앱이 실제로 호출하는 resources와 verbs만 나열하세요.',
  },
  'cn-security.rbac-least-privilege.narrow-wildcard-advice': {
    en: 'List in {{role}} only the resources and verbs the app calls instead of "*".',
    ko: '{{role}}에는 "*" 대신 앱이 실제로 호출하는 resources와 verbs만 나열하세요.',
  },
  'cn-security.rbac-least-privilege.unbound-accounts': {
    en: 'No Role or ClusterRole is bound to the app ServiceAccounts, so nothing is over-granted',
    ko: '앱 ServiceAccount에 바인딩된 Role이나 ClusterRole이 없어 과도하게 부여된 권한이 없음',
  },
  'cn-security.rbac-least-privilege.unbound-accounts-note': {
    en: 'no RoleBinding/ClusterRoleBinding for ServiceAccount(s) {{accounts}}',
    ko: 'ServiceAccount {{accounts}}에 대한 RoleBinding/ClusterRoleBinding 없음',
  },
  'cn-security.rbac-least-privilege.explicit-bound': {
    en: 'Roles bound to the app ServiceAccounts grant explicit verbs and resources only, no wildcard or cluster-admin',
    ko: '앱 ServiceAccount에 바인딩된 역할이 명시적인 verbs와 resources만 부여하고 와일드카드나 cluster-admin이 없음',
  },
  'cn-security.rbac-least-privilege.explicit-objects': {
    en: 'The RBAC objects of {{set}} grant explicit verbs and resources only, no wildcard or cluster-admin',
    ko: '{{set}}의 RBAC 객체가 명시적인 verbs와 resources만 부여하고 와일드카드나 cluster-admin이 없음',
  },
  'cn-security.rbac-least-privilege.nothing-reason': {
    en: 'No workloads and no RBAC objects (Role, ClusterRole, RoleBinding, ClusterRoleBinding) in {{sets}}.',
    ko: '{{sets}}에 워크로드와 RBAC 객체(Role, ClusterRole, RoleBinding, ClusterRoleBinding)가 없습니다.',
  },
  // tls
  'cn-security.tls.terminates-note': {
    en: '{{kind}} terminates TLS',
    ko: '{{kind}}에서 TLS 종료',
  },
  'cn-security.tls.service-plain-note': {
    en: 'Service {{type}} reached from outside without TLS',
    ko: 'Service {{type}}: TLS 없이 외부에서 접근됨',
  },
  'cn-security.tls.plain-note': {
    en: '{{kind}} serves plain HTTP (no tls)',
    ko: '{{kind}}이(가) 암호화되지 않은 HTTP로 제공됨 (tls 없음)',
  },
  'cn-security.tls.istio-note': {
    en: 'Istio PeerAuthentication {{name}} (mtls STRICT)',
    ko: 'Istio PeerAuthentication {{name}} (mtls STRICT 적용)',
  },
  'cn-security.tls.linkerd-note': {
    en: 'Linkerd proxy injection on {{object}} (automatic mTLS)',
    ko: '{{object}}에 Linkerd 프록시 주입 (자동 mTLS)',
  },
  'cn-security.tls.consul-note': {
    en: 'Consul Connect on {{object}}',
    ko: '{{object}}에 Consul Connect 적용',
  },
  'cn-security.tls.mesh-istio': {
    en: 'TLS in the cluster (Istio PeerAuthentication {{name}} (mtls STRICT))',
    ko: '클러스터 내부 TLS 적용 (Istio PeerAuthentication {{name}}, mtls STRICT)',
  },
  'cn-security.tls.mesh-linkerd': {
    en: 'TLS in the cluster (Linkerd proxy injection on {{object}} (automatic mTLS))',
    ko: '클러스터 내부 TLS 적용 ({{object}}에 Linkerd 프록시 주입, 자동 mTLS)',
  },
  'cn-security.tls.mesh-consul': {
    en: 'TLS in the cluster (Consul Connect on {{object}})',
    ko: '클러스터 내부 TLS 적용 ({{object}}에 Consul Connect)',
  },
  'cn-security.tls.edge-mesh-istio': {
    en: 'TLS at the edge and in the cluster (Istio PeerAuthentication {{name}} (mtls STRICT))',
    ko: '외부 진입점과 클러스터 내부 모두 TLS 적용 (Istio PeerAuthentication {{name}}, mtls STRICT)',
  },
  'cn-security.tls.edge-mesh-linkerd': {
    en: 'TLS at the edge and in the cluster (Linkerd proxy injection on {{object}} (automatic mTLS))',
    ko: '외부 진입점과 클러스터 내부 모두 TLS 적용 ({{object}}에 Linkerd 프록시 주입, 자동 mTLS)',
  },
  'cn-security.tls.edge-mesh-consul': {
    en: 'TLS at the edge and in the cluster (Consul Connect on {{object}})',
    ko: '외부 진입점과 클러스터 내부 모두 TLS 적용 ({{object}}에 Consul Connect)',
  },
  'cn-security.tls.mtls-plain-edge': {
    en: 'mTLS inside, but {{objects}} without TLS',
    ko: '내부는 mTLS지만 {{objects}}에는 TLS가 없음',
  },
  'cn-security.tls.edge-only': {
    en: 'TLS at the Ingress only; traffic inside the cluster is plain',
    ko: 'Ingress에서만 TLS 적용, 클러스터 내부 트래픽은 암호화되지 않음',
  },
  'cn-security.tls.terminate-advice': {
    en: 'Terminate TLS at {{object}}.',
    ko: '{{object}}에서 TLS를 종료하세요.',
  },
  'cn-security.tls.istio-advice': {
    en: 'Encrypt pod-to-pod traffic with mutual TLS: with Istio, require it for namespace {{namespace}} (pods need the sidecar, e.g. label the namespace istio-injection=enabled).',
    ko: '파드 간 트래픽을 상호 TLS(mTLS)로 암호화하세요. Istio라면 네임스페이스 {{namespace}}에 mTLS를 필수로 설정하세요(파드에 사이드카가 필요합니다. 예: 네임스페이스에 istio-injection=enabled 레이블 추가).',
  },
  'cn-security.tls.istio-advice-unnamed': {
    en: 'Encrypt pod-to-pod traffic with mutual TLS: with Istio, require it for namespace of the service (pods need the sidecar, e.g. label the namespace istio-injection=enabled).',
    ko: '파드 간 트래픽을 상호 TLS(mTLS)로 암호화하세요. Istio라면 서비스의 네임스페이스에 mTLS를 필수로 설정하세요(파드에 사이드카가 필요합니다. 예: 네임스페이스에 istio-injection=enabled 레이블 추가).',
  },
  'cn-security.tls.linkerd-advice': {
    en: 'Encrypt pod-to-pod traffic with mutual TLS: mesh the pods with Linkerd (annotation linkerd.io/inject: enabled on namespace {{namespace}}).',
    ko: '파드 간 트래픽을 상호 TLS(mTLS)로 암호화하세요. Linkerd로 파드를 메시에 포함하세요(네임스페이스 {{namespace}}에 linkerd.io/inject: enabled 어노테이션).',
  },
  'cn-security.tls.linkerd-advice-unnamed': {
    en: 'Encrypt pod-to-pod traffic with mutual TLS: mesh the pods with Linkerd (annotation linkerd.io/inject: enabled on namespace of the service).',
    ko: '파드 간 트래픽을 상호 TLS(mTLS)로 암호화하세요. Linkerd로 파드를 메시에 포함하세요(서비스의 네임스페이스에 linkerd.io/inject: enabled 어노테이션).',
  },
  'cn-security.tls.none-plain-entries': {
    en: 'No TLS: the entry points serve plain HTTP',
    ko: 'TLS 없음: 진입점이 암호화되지 않은 HTTP로 제공됨',
  },
  'cn-security.tls.none-services': {
    en: 'No TLS: exposed by Services without an Ingress or mesh',
    ko: 'TLS 없음: Ingress나 메시 없이 Service로 노출됨',
  },
  'cn-security.tls.none': {
    en: 'No TLS: no TLS-terminating entry point and no mesh',
    ko: 'TLS 없음: TLS를 종료하는 진입점도 메시도 없음',
  },
  'cn-security.tls.service-note': {
    en: 'Service {{type}} without TLS',
    ko: 'Service {{type}}: TLS 없음',
  },
  'cn-security.tls.ingress-advice': {
    en: 'Terminate TLS at Ingress/{{name}} (cert-manager issues and renews the certificate).',
    ko: 'Ingress/{{name}}에서 TLS를 종료하세요(cert-manager가 인증서를 발급하고 갱신합니다).',
  },
  'cn-security.tls.entry-advice': {
    en: "Terminate TLS at {{object}}: a tls section (or the cloud load balancer's certificate annotation), or put an Ingress with TLS in front of it.",
    ko: '{{object}}에서 TLS를 종료하세요. tls 섹션(또는 클라우드 로드 밸런서의 인증서 어노테이션)을 쓰거나 앞단에 TLS가 있는 Ingress를 두세요.',
  },
  'cn-security.tls.expose-advice': {
    en: 'Expose the service through an Ingress with TLS (cert-manager issues the certificate) instead of a NodePort/LoadBalancer, and consider a service mesh for mutual TLS inside the cluster.',
    ko: 'NodePort/LoadBalancer 대신 TLS가 있는 Ingress로 서비스를 노출하고(cert-manager가 인증서를 발급합니다), 클러스터 내부의 상호 TLS를 위해 서비스 메시 도입을 검토하세요.',
  },
  'cn-security.tls.nothing-reason': {
    en: 'No workloads, entry points (Ingress, Route, Gateway, LoadBalancer Service) or mesh mTLS policies in {{sets}}.',
    ko: '{{sets}}에 워크로드, 진입점(Ingress, Route, Gateway, LoadBalancer Service), 메시 mTLS 정책이 없습니다.',
  },
  // Routes (HTTPRoute, GRPCRoute, VirtualService) judged by the gateway they attach to: `gateway` is `namespace/name`, `listeners` a list of `name (PROTOCOL port)`.
  'cn-security.tls.route-tls-repo-note': {
    en: '{{kind}} attaches to Gateway {{gateway}} ({{path}}), whose listeners {{listeners}} serve TLS',
    ko: '{{kind}}이(가) Gateway {{gateway}}({{path}})에 연결됨: 리스너 {{listeners}}이(가) TLS로 제공됨',
  },
  'cn-security.tls.route-plain-repo-note': {
    en: '{{kind}} attaches to Gateway {{gateway}} ({{path}}), whose listeners {{listeners}} serve no TLS',
    ko: '{{kind}}이(가) Gateway {{gateway}}({{path}})에 연결됨: 리스너 {{listeners}}에 TLS가 없음',
  },
  'cn-security.tls.route-tls-cluster-note': {
    en: '{{kind}} attaches to Gateway {{gateway}} (live in cluster {{cluster}}), whose listeners {{listeners}} serve TLS',
    ko: '{{kind}}이(가) Gateway {{gateway}}(클러스터 {{cluster}}에서 실행 중)에 연결됨: 리스너 {{listeners}}이(가) TLS로 제공됨',
  },
  'cn-security.tls.route-plain-cluster-note': {
    en: '{{kind}} attaches to Gateway {{gateway}} (live in cluster {{cluster}}), whose listeners {{listeners}} serve no TLS',
    ko: '{{kind}}이(가) Gateway {{gateway}}(클러스터 {{cluster}}에서 실행 중)에 연결됨: 리스너 {{listeners}}에 TLS가 없음',
  },
  'cn-security.tls.route-outside-note': {
    en: '{{kind}} attaches to Gateway {{gateway}}, which is neither in the repository nor in a live cluster read: its listeners decide TLS',
    ko: '{{kind}}이(가) Gateway {{gateway}}에 연결되지만 이 Gateway는 저장소에도, 읽은 라이브 클러스터에도 없음: TLS 여부는 그 리스너가 결정함',
  },
  'cn-security.tls.outside-gateway': {
    en: 'TLS decided by Gateway {{gateways}}, outside the repository',
    ko: 'TLS 여부는 저장소 밖의 Gateway {{gateways}}이(가) 결정함',
  },
  'cn-security.tls.outside-gateway-reason': {
    en: '{{routes}} attach to Gateway {{gateways}}, which is not in the repository (a shared platform gateway) and not in the live cluster data: its listeners, which decide TLS, cannot be read.',
    ko: '{{routes}}이(가) Gateway {{gateways}}에 연결되지만, 이 Gateway는 저장소(공유 플랫폼 게이트웨이)에도 라이브 클러스터 데이터에도 없어 TLS를 결정하는 리스너를 읽을 수 없습니다.',
  },
  'cn-security.tls.gateway-advice': {
    en: 'Attach {{route}} to an HTTPS listener of Gateway {{gateway}} (protocol HTTPS with tls.certificateRefs; cert-manager can issue the certificate), and redirect its HTTP listener to HTTPS.',
    ko: '{{route}}을(를) Gateway {{gateway}}의 HTTPS 리스너(tls.certificateRefs가 있는 HTTPS 프로토콜, cert-manager로 인증서 발급 가능)에 연결하고 HTTP 리스너는 HTTPS로 리다이렉트하세요.',
  },
  // An Ingress with cert-manager's annotation and no tls section: `annotation` is the key, `value` the issuer.
  'cn-security.tls.issuer-without-tls-note': {
    en: 'Ingress has {{annotation}}: {{value}} but no spec.tls, so cert-manager issues no certificate and it serves plain HTTP',
    ko: 'Ingress에 {{annotation}}: {{value}}이(가) 있지만 spec.tls가 없어 cert-manager가 인증서를 발급하지 않으며 암호화되지 않은 HTTP로 제공됨',
  },
};
