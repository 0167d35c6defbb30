import type { MessageCatalog } from '../engineMessages';

/**
 * Why a check is `unknown` when the material it needs is missing: the
 * reasons the engine's facts give (no repository, no Kubernetes objects, no
 * source files) and the ones the backend gives for a repository it could
 * not read. `detail` is a foreign error's text or a nested message.
 */
export const unknowns = {
  'unknown.repo-unreadable': {
    en: 'The repository of this entity could not be read.',
    ko: '이 엔티티의 저장소를 읽을 수 없습니다.',
  },
  'unknown.no-source': {
    en: 'No repository source is configured for this entity (backstage.io/source-location or twelveFactor.sources).',
    ko: '이 엔티티에는 저장소 출처가 설정되어 있지 않습니다(backstage.io/source-location 또는 twelveFactor.sources).',
  },
  'unknown.repo-read-failed': {
    en: 'Reading the repository failed: {{detail}}',
    ko: '저장소를 읽지 못했습니다: {{detail}}',
  },
  'unknown.cannot-read': {
    en: 'Cannot read {{location}}: {{detail}}',
    ko: '{{location}}을(를) 읽을 수 없습니다: {{detail}}',
  },
  'unknown.source-not-url': {
    en: 'Source location {{location}} is not a URL the UrlReader can read.',
    ko: '소스 위치 {{location}}은(는) UrlReader가 읽을 수 있는 URL이 아닙니다.',
  },
  'unknown.folder-not-in-repo': {
    en: "The entity's folder {{folder}}/ is not in the repository.",
    ko: '엔티티의 폴더 {{folder}}/이(가) 저장소에 없습니다.',
  },
  // `reasons` is a list of the messages below, or unknown.no-manifests-no-cluster.
  'unknown.no-objects': {
    en: 'No Kubernetes objects to judge: {{reasons}}.',
    ko: '판단할 Kubernetes 오브젝트가 없습니다: {{reasons}}.',
  },
  'unknown.no-manifests-no-cluster': {
    en: 'no manifests and no cluster',
    ko: '매니페스트도 클러스터도 없음',
  },
  'unknown.no-manifests': {
    en: 'the repository has no Kubernetes manifests',
    ko: '저장소에 Kubernetes 매니페스트가 없음',
  },
  // With what was left out (`items`: left-out.item*).
  'unknown.no-manifests-left-out': {
    en: "the repository has no Kubernetes manifests (left out as not the service's own: {{items}})",
    ko: '저장소에 Kubernetes 매니페스트가 없음(서비스 자체의 것이 아니어서 제외함: {{items}})',
  },
  'unknown.helm-renders-nothing-left-out': {
    en: "the repository's Helm charts ({{charts}}) render no objects (left out as not the service's own: {{items}})",
    ko: '저장소의 Helm 차트({{charts}})가 렌더링하는 오브젝트가 없음(서비스 자체의 것이 아니어서 제외함: {{items}})',
  },
  'unknown.helm-renders-nothing': {
    en: "the repository's Helm charts ({{charts}}) render no objects",
    ko: '저장소의 Helm 차트({{charts}})가 렌더링하는 오브젝트가 없음',
  },
  // A chart deployed from outside the repository (`bitnami/nginx`, `oci://…`): only its values files are here.
  'unknown.remote-helm-chart': {
    en: 'the service is deployed from the remote Helm chart {{charts}}, which is not in the repository and is not rendered (values files: {{files}})',
    ko: '서비스가 저장소에 없는 원격 Helm chart {{charts}}로 배포되어 렌더링하지 않음 (values 파일: {{files}})',
  },
  'unknown.cluster-not-mapped': {
    en: 'The entity has no backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation.',
    ko: '엔티티에 backstage.io/kubernetes-id 또는 backstage.io/kubernetes-label-selector 어노테이션이 없습니다.',
  },
  'unknown.cluster-reason': {
    en: 'cluster {{cluster}}: {{detail}}',
    ko: '클러스터 {{cluster}}: {{detail}}',
  },
  'unknown.cluster-no-workloads': {
    en: 'cluster {{cluster}}: no workloads of this entity found ({{selector}})',
    ko: '클러스터 {{cluster}}: 이 엔티티의 워크로드를 찾지 못함({{selector}})',
  },
  'unknown.fact-failed': {
    en: 'Could not derive {{fact}}: {{detail}}',
    ko: '{{fact}}을(를) 도출하지 못했습니다: {{detail}}',
  },
  'unknown.fact-not-registered': {
    en: 'The {{fact}} fact is not registered with this engine.',
    ko: '{{fact}} 팩트가 이 엔진에 등록되어 있지 않습니다.',
  },
  'unknown.no-workload-no-alert-rule': {
    en: 'No workload and no alert rule to judge.',
    ko: '판단할 워크로드도 알림 규칙도 없습니다.',
  },
  'unknown.no-workload': {
    en: 'No deploy target or cluster namespace of this entity runs any workload.',
    ko: '이 엔티티의 어떤 배포 대상이나 클러스터 네임스페이스에서도 워크로드가 실행되지 않습니다.',
  },
  'unknown.no-source-files': {
    en: 'The repository has no Python, JavaScript/TypeScript, Go, Java or C# source file to read.',
    ko: '저장소에 읽을 Python, JavaScript/TypeScript, Go, Java, C# 소스 파일이 없습니다.',
  },
} satisfies MessageCatalog;

/** The id of a reason for an `unknown` verdict. @public */
export type UnknownMessageId = keyof typeof unknowns;
