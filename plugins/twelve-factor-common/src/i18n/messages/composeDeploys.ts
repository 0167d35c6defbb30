import type { MessageCatalog } from '../engineMessages';

/**
 * Texts of the checks when Docker Compose or Docker Swarm, deployed from CI,
 * is the deployment (the ids are the checks' own).
 */
export const composeDeploys = {
  'f1-codebase.deploys-per-env.compose-base': {
    en: 'CI deploys one base compose file ({{base}}) with an override per environment ({{envs}})',
    ko: 'CI가 기본 compose 파일 하나({{base}})에 환경별 오버라이드({{envs}})를 더해 배포함',
  },
  'f1-codebase.deploys-per-env.compose-copies': {
    en: 'CI deploys a separate compose file to each environment ({{envs}}), with no base file they share',
    ko: 'CI가 환경({{envs}})마다 별도의 compose 파일을 배포하며, 공유하는 기본 파일이 없음',
  },
  'f1-codebase.deploys-per-env.compose-copies-advice': {
    en: 'Keep what the environments share in one base compose file and only the differences in an override per environment (docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d).',
    ko: '환경들이 공유하는 내용은 기본 compose 파일 하나에 두고, 환경별 오버라이드에는 차이만 두세요 (docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d).',
  },
  'f1-codebase.deploys-per-env.compose-one-env': {
    en: 'CI deploys with Docker Compose to one environment only ({{files}})',
    ko: 'CI가 Docker Compose로 한 환경에만 배포함 ({{files}})',
  },
  'f1-codebase.deploys-per-env.compose-one-env-command': {
    en: 'CI deploys with Docker Compose to one environment only ({{command}})',
    ko: 'CI가 Docker Compose로 한 환경에만 배포함 ({{command}})',
  },
  'f1-codebase.deploys-per-env.compose-one-env-advice': {
    en: 'Deploy the same base compose file to every environment, with an override per environment (docker-compose.staging.yml, docker-compose.prod.yml) for what differs.',
    ko: '모든 환경에 같은 기본 compose 파일을 배포하고, 달라지는 부분은 환경별 오버라이드(docker-compose.staging.yml, docker-compose.prod.yml)에 두세요.',
  },
  'f1-codebase.deploys-per-env.compose-deploy-note': {
    en: 'compose deploy: {{command}}',
    ko: 'compose 배포: {{command}}',
  },
  'f1-codebase.deploys-per-env.compose-deploy-env-note': {
    en: 'compose deploy to {{env}}: {{command}}',
    ko: '{{env}}에 compose 배포: {{command}}',
  },
  'f1-codebase.deploys-per-env.compose-file-note': {
    en: 'deployed compose file (services {{services}})',
    ko: '배포되는 compose 파일 (서비스 {{services}})',
  },
  'f10-dev-prod-parity.env-overlays.compose-base': {
    en: 'CI deploys one base compose file ({{base}}) with an override per environment ({{envs}})',
    ko: 'CI가 기본 compose 파일 하나({{base}})에 환경별 오버라이드({{envs}})를 더해 배포함',
  },
  'f10-dev-prod-parity.env-overlays.compose-copies': {
    en: 'CI deploys a separate compose file to each environment ({{envs}}), with no base file they share',
    ko: 'CI가 환경({{envs}})마다 별도의 compose 파일을 배포하며, 공유하는 기본 파일이 없음',
  },
  'f10-dev-prod-parity.env-overlays.compose-copies-advice': {
    en: 'Keep what the environments share in one base compose file and only the differences in an override per environment (docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d).',
    ko: '환경들이 공유하는 내용은 기본 compose 파일 하나에 두고, 환경별 오버라이드에는 차이만 두세요 (docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d).',
  },
  'f10-dev-prod-parity.env-overlays.compose-deploy-note': {
    en: 'compose deploy: {{command}}',
    ko: 'compose 배포: {{command}}',
  },
  'f10-dev-prod-parity.env-overlays.compose-deploy-env-note': {
    en: 'compose deploy to {{env}}: {{command}}',
    ko: '{{env}}에 compose 배포: {{command}}',
  },
  'f10-dev-prod-parity.env-overlays.compose-file-note': {
    en: 'deployed compose file (services {{services}})',
    ko: '배포되는 compose 파일 (서비스 {{services}})',
  },
  'f5-build-release-run.immutable-image.compose-image-note': {
    en: '{{service}}: image {{image}}',
    ko: '{{service}}: 이미지 {{image}}',
  },
  'f5-build-release-run.immutable-image.compose-pinned': {
    en: 'The deployed compose files pin every image to a release ({{images}})',
    ko: '배포되는 compose 파일이 모든 이미지를 릴리스에 고정함 ({{images}})',
  },
  'f5-build-release-run.immutable-image.compose-mutable': {
    en: 'The deployed compose files use images whose tag moves ({{images}})',
    ko: '배포되는 compose 파일이 태그가 바뀌는 이미지를 사용함 ({{images}})',
  },
  'f5-build-release-run.immutable-image.compose-advice': {
    en: 'Tag the image with the release (commit SHA or version) in the deployed compose file, set by the deploy step, so that each deploy names one image.',
    ko: '배포되는 compose 파일에서 이미지를 릴리스(커밋 SHA나 버전)로 태그하고 배포 단계에서 값을 넣어, 배포마다 하나의 이미지를 가리키게 하세요.',
  },
  'f5-build-release-run.immutable-image.compose-unresolved-reason': {
    en: 'The images of the deployed compose services ({{services}}) are set by variables the deploy step does not show.',
    ko: '배포 compose 서비스({{services}})의 이미지가 배포 단계에 드러나지 않는 변수로 정해집니다.',
  },
  'cn-cicd.gitops.direct-host': {
    en: 'CI runs {{tools}} against the hosts directly; no GitOps controller (Argo CD, Flux) reconciles the deployment from the repository',
    ko: 'CI가 호스트에 {{tools}}을(를) 직접 실행하고, 저장소에서 배포를 맞춰 주는 GitOps 컨트롤러(Argo CD, Flux)가 없음',
  },
  'cn-resilience.auto-restart.compose-restart-note': {
    en: '{{service}}: restart policy {{policy}}',
    ko: '{{service}}: 재시작 정책 {{policy}}',
  },
  'cn-resilience.auto-restart.compose-no-restart-note': {
    en: '{{service}}: no restart policy (Compose does not restart it)',
    ko: '{{service}}: 재시작 정책 없음 (Compose가 재시작하지 않음)',
  },
  'cn-resilience.auto-restart.compose-no-restart': {
    en: 'Deployed compose services without a restart policy: {{services}}',
    ko: '재시작 정책이 없는 배포 compose 서비스: {{services}}',
  },
  'cn-resilience.auto-restart.compose-no-restart-advice': {
    en: 'Set restart: unless-stopped (or deploy.restart_policy) on every deployed service, and a healthcheck.',
    ko: '배포되는 모든 서비스에 restart: unless-stopped(또는 deploy.restart_policy)와 healthcheck를 설정하세요.',
  },
  'cn-resilience.auto-restart.compose-swarm-healthy': {
    en: 'Swarm restarts {{services}} when they exit and replaces them when their healthcheck fails',
    ko: 'Swarm이 {{services}}을(를) 종료 시 재시작하고 healthcheck 실패 시 교체함',
  },
  'cn-resilience.auto-restart.compose-not-on-hang': {
    en: '{{services}} restart when they exit, but nothing replaces them when they hang (Docker Compose does not act on a failing healthcheck; Swarm needs one)',
    ko: '{{services}}은(는) 종료 시 재시작되지만, 멈췄을 때 교체하는 것은 없음 (Docker Compose는 healthcheck 실패에 대응하지 않으며, Swarm에는 healthcheck가 필요함)',
  },
  'cn-resilience.auto-restart.compose-not-on-hang-advice': {
    en: 'Add a healthcheck and run the service where a failing healthcheck replaces the container (Docker Swarm, Kubernetes), or an autoheal companion.',
    ko: 'healthcheck를 추가하고, healthcheck 실패 시 컨테이너를 교체하는 환경(Docker Swarm, Kubernetes)이나 autoheal 보조 컨테이너로 실행하세요.',
  },
  'cn-orchestration.resources.compose-service-note': {
    en: '{{service}}: memory limit {{memory}}, cpus {{cpus}}',
    ko: '{{service}}: 메모리 제한 {{memory}}, cpus {{cpus}}',
  },
  'cn-orchestration.resources.compose-set': {
    en: 'Deployed compose services set a memory limit and CPUs: {{services}}',
    ko: '배포 compose 서비스에 메모리 제한과 CPU가 설정됨: {{services}}',
  },
  'cn-orchestration.resources.compose-missing': {
    en: 'Deployed compose services without a memory limit and CPUs: {{services}}',
    ko: '메모리 제한과 CPU가 없는 배포 compose 서비스: {{services}}',
  },
  'cn-orchestration.resources.compose-advice': {
    en: 'Set deploy.resources.limits (memory, cpus) and reservations on every deployed service.',
    ko: '배포되는 모든 서비스에 deploy.resources.limits(memory, cpus)와 reservations를 설정하세요.',
  },
  'f8-concurrency.horizontal.compose-replicas-note': {
    en: '{{service}}: {{replicas}} replica(s)',
    ko: '{{service}}: 레플리카 {{replicas}}개',
  },
  'f8-concurrency.horizontal.compose-replicated': {
    en: 'Deployed compose services run 2 or more replicas: {{services}}',
    ko: '배포 compose 서비스가 레플리카 2개 이상으로 실행됨: {{services}}',
  },
  'f8-concurrency.horizontal.compose-single': {
    en: 'Deployed compose services run one replica: {{services}}',
    ko: '배포 compose 서비스가 레플리카 1개로 실행됨: {{services}}',
  },
  'f8-concurrency.horizontal.compose-advice': {
    en: 'Run two or more replicas (deploy.replicas) behind a load balancer, so that one instance can stop without an outage.',
    ko: '로드 밸런서 뒤에서 레플리카를 2개 이상(deploy.replicas) 실행해, 인스턴스 하나가 멈춰도 중단이 없게 하세요.',
  },
} satisfies MessageCatalog;
