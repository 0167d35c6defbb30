import type { MessageCatalog } from '../engineMessages';

/** X. Dev/prod parity. */
export const f10DevProdParity: MessageCatalog = {
  // container-dev
  'f10-dev-prod-parity.container-dev.tool-note': {
    en: '{{tool}} configuration',
    ko: '{{tool}} 설정',
  },
  'f10-dev-prod-parity.container-dev.none': {
    en: 'No compose file, devcontainer, Tilt or Skaffold configuration for local development',
    ko: '로컬 개발용 compose 파일, devcontainer, Tilt 또는 Skaffold 설정이 없음',
  },
  'f10-dev-prod-parity.container-dev.none-advice': {
    en: 'Add a compose file that builds the app from this repository and starts the backing services production uses, so that every developer runs the same stack with one command.',
    ko: '이 저장소에서 앱을 빌드하고 운영에서 쓰는 백엔드 서비스를 시작하는 compose 파일을 추가해, 모든 개발자가 명령 하나로 같은 스택을 실행하게 하세요.',
  },
  'f10-dev-prod-parity.container-dev.tools': {
    en: 'Local development in containers with {{tools}}',
    ko: '{{tools}}(으)로 컨테이너에서 로컬 개발',
  },
  'f10-dev-prod-parity.container-dev.no-production': {
    en: '{{files}} exists, but there are no production manifests to compare it with',
    ko: '{{files}}이(가) 있지만 비교할 운영 매니페스트가 없음',
  },
  'f10-dev-prod-parity.container-dev.no-production-reason': {
    en: 'The repository has a compose file but no deploy target, so whether it starts the production services cannot be told.',
    ko: '저장소에 compose 파일은 있지만 배포 대상이 없어, 운영 서비스를 시작하는지 알 수 없습니다.',
  },
  'f10-dev-prod-parity.container-dev.services-note': {
    en: '{{n}} services: {{services}}',
    ko: '서비스 {{n}}개: {{services}}',
  },
  'f10-dev-prod-parity.container-dev.service-note': {
    en: 'service {{service}}: {{role}}',
    ko: '서비스 {{service}}: {{role}}',
  },
  'f10-dev-prod-parity.container-dev.service-kind-note': {
    en: 'service {{service}}: {{role}} {{kind}}',
    ko: '서비스 {{service}}: {{role}} {{kind}}',
  },
  'f10-dev-prod-parity.container-dev.service-extra-note': {
    en: 'service {{service}}: {{role}}, not in production',
    ko: '서비스 {{service}}: {{role}}, 운영에는 없음',
  },
  'f10-dev-prod-parity.container-dev.service-kind-extra-note': {
    en: 'service {{service}}: {{role}} {{kind}}, not in production',
    ko: '서비스 {{service}}: {{role}} {{kind}}, 운영에는 없음',
  },
  'f10-dev-prod-parity.container-dev.production-note': {
    en: 'production runs {{workloads}}',
    ko: '운영에서 실행: {{workloads}}',
  },
  'f10-dev-prod-parity.container-dev.production-with-note': {
    en: 'production runs {{workloads}} with {{kinds}}',
    ko: '운영에서 실행: {{workloads}}, {{kinds}} 사용',
  },
  'f10-dev-prod-parity.container-dev.gap-extras': {
    en: 'starts {{services}}, which production does not run',
    ko: '운영에서 실행하지 않는 {{services}}을(를) 시작함',
  },
  'f10-dev-prod-parity.container-dev.gap-process': {
    en: 'lacks the {{processes}} process',
    ko: '{{processes}} 프로세스가 없음',
  },
  'f10-dev-prod-parity.container-dev.gap-kinds': {
    en: 'lacks {{kinds}}',
    ko: '{{kinds}}이(가) 없음',
  },
  'f10-dev-prod-parity.container-dev.same': {
    en: '{{files}} starts the same services as {{target}}',
    ko: '{{files}}이(가) {{target}}과(와) 같은 서비스를 시작함',
  },
  'f10-dev-prod-parity.container-dev.kube-tools': {
    en: '{{tools}} runs the production manifests locally ({{files}} also',
    ko: '{{tools}}이(가) 운영 매니페스트를 로컬에서 실행함. 다만 {{files}}은(는) 다음과 같음',
  },
  'f10-dev-prod-parity.container-dev.diverges': {
    en: '{{files}} diverges from {{target}}: it',
    ko: '{{files}}이(가) {{target}}과(와) 다름',
  },
  'f10-dev-prod-parity.container-dev.keep-advice': {
    en: 'Keep {{files}} to the services production runs; move developer tools into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스만 두세요. 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-tools-advice': {
    en: 'Keep {{files}} to the services production runs; move developer tools such as {{tools}} into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스만 두세요. {{tools}} 같은 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-process-advice': {
    en: 'Keep {{files}} to the services production runs and the {{processes}} process; move developer tools into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스와 {{processes}} 프로세스만 두세요. 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-process-tools-advice': {
    en: 'Keep {{files}} to the services production runs and the {{processes}} process; move developer tools such as {{tools}} into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스와 {{processes}} 프로세스만 두세요. {{tools}} 같은 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-add-advice': {
    en: 'Keep {{files}} to the services production runs (add {{kinds}}); move developer tools into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스({{kinds}} 추가)만 두세요. 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-add-tools-advice': {
    en: 'Keep {{files}} to the services production runs (add {{kinds}}); move developer tools such as {{tools}} into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스({{kinds}} 추가)만 두세요. {{tools}} 같은 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-add-process-advice': {
    en: 'Keep {{files}} to the services production runs (add {{kinds}}) and the {{processes}} process; move developer tools into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스({{kinds}} 추가)와 {{processes}} 프로세스만 두세요. 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.container-dev.keep-add-process-tools-advice': {
    en: 'Keep {{files}} to the services production runs (add {{kinds}}) and the {{processes}} process; move developer tools such as {{tools}} into an opt-in profile (`profiles: [tools]`) so that `docker compose up` starts what production runs.',
    ko: '{{files}}에는 운영에서 실행하는 서비스({{kinds}} 추가)와 {{processes}} 프로세스만 두세요. {{tools}} 같은 개발 도구는 `docker compose up`이 운영에서 실행하는 것만 시작하도록 선택형 프로필(`profiles: [tools]`)로 옮기세요.',
  },
  'f10-dev-prod-parity.environments.runs-note': {
    en: 'runs {{kind}} ({{image}})',
    ko: '{{kind}} 실행 ({{image}})',
  },
  'f10-dev-prod-parity.environments.image-note': {
    en: 'image {{image}}',
    ko: '이미지 {{image}}',
  },
  'f10-dev-prod-parity.environments.names-note': {
    en: '{{variable}} names {{what}}',
    ko: '{{variable}}이(가) {{what}}을(를) 가리킴',
  },
  'f10-dev-prod-parity.environments.names-db-note': {
    en: '{{variable}} names {{what}} (database {{database}})',
    ko: '{{variable}}이(가) {{what}}(데이터베이스 {{database}})을(를) 가리킴',
  },
  'f10-dev-prod-parity.environments.operator-note': {
    en: '{{object}} runs {{kind}} (operator)',
    ko: '{{object}}이(가) {{kind}} 실행 (오퍼레이터)',
  },
  'f10-dev-prod-parity.environments.service-runs-note': {
    en: 'service {{service}} runs {{image}}',
    ko: '서비스 {{service}}이(가) {{image}} 실행',
  },
  'f10-dev-prod-parity.environments.service-names-note': {
    en: 'service {{service}}: {{variable}} names {{what}}',
    ko: '서비스 {{service}}: {{variable}}이(가) {{what}}을(를) 가리킴',
  },
  'f10-dev-prod-parity.environments.service-names-db-note': {
    en: 'service {{service}}: {{variable}} names {{what}} (database {{database}})',
    ko: '서비스 {{service}}: {{variable}}이(가) {{what}}(데이터베이스 {{database}})을(를) 가리킴',
  },
  'f10-dev-prod-parity.same-database.database-note': {
    en: 'database ({{env}}): {{engine}}; {{note}}',
    ko: '데이터베이스 ({{env}}): {{engine}}; {{note}}',
  },
  'f10-dev-prod-parity.same-database.dev-note': {
    en: 'dev ({{env}}): {{engine}}; {{note}}',
    ko: '개발 ({{env}}): {{engine}}; {{note}}',
  },
  'f10-dev-prod-parity.same-database.production-note': {
    en: 'production ({{env}}): {{engine}}; {{note}}',
    ko: '운영 ({{env}}): {{engine}}; {{note}}',
  },
  'f10-dev-prod-parity.same-database.no-dev': {
    en: 'No local/dev database configuration to compare with ({{engines}} elsewhere)',
    ko: '비교할 로컬/개발 데이터베이스 설정이 없음 (다른 곳에는 {{engines}})',
  },
  'f10-dev-prod-parity.same-database.no-dev-reason': {
    en: 'A database ({{engines}}) is configured, but no local or dev configuration names one, so the engines cannot be compared.',
    ko: '데이터베이스({{engines}})가 설정되어 있지만 로컬이나 개발 설정에는 데이터베이스가 없어 엔진을 비교할 수 없습니다.',
  },
  'f10-dev-prod-parity.same-database.no-production': {
    en: 'No production database configuration to compare with ({{engines}} elsewhere)',
    ko: '비교할 운영 데이터베이스 설정이 없음 (다른 곳에는 {{engines}})',
  },
  'f10-dev-prod-parity.same-database.no-production-reason': {
    en: 'A database ({{engines}}) is configured, but no production configuration names one, so the engines cannot be compared.',
    ko: '데이터베이스({{engines}})가 설정되어 있지만 운영 설정에는 데이터베이스가 없어 엔진을 비교할 수 없습니다.',
  },
  'f10-dev-prod-parity.same-database.none': {
    en: 'No database configuration found in any environment',
    ko: '어느 환경에서도 데이터베이스 설정을 찾지 못함',
  },
  'f10-dev-prod-parity.same-database.none-reason': {
    en: 'No deploy target, compose file, .env file or configuration profile names a database; the service may have none.',
    ko: '배포 대상, compose 파일, .env 파일, 설정 프로필 어디에도 데이터베이스가 없습니다. 데이터베이스를 쓰지 않는 서비스일 수 있습니다.',
  },
  'f10-dev-prod-parity.same-database.same': {
    en: '{{engines}} in development ({{dev}}) and production ({{production}})',
    ko: '개발({{dev}})과 운영({{production}}) 모두 {{engines}} 사용',
  },
  'f10-dev-prod-parity.same-database.uses': {
    en: '{{source}} uses {{engines}}',
    ko: '{{source}}은(는) {{engines}} 사용',
  },
  'f10-dev-prod-parity.same-database.uses-while': {
    en: '{{source}} uses {{engines}} while production uses {{production}}',
    ko: '{{source}}은(는) {{engines}}을(를) 쓰지만 운영은 {{production}} 사용',
  },
  'f10-dev-prod-parity.same-database.develop-advice': {
    en: 'Develop against {{engine}} too: run it locally in a container (docker compose or Testcontainers) instead of {{others}}, so that SQL dialect, types and migrations behave as in production.',
    ko: 'SQL 방언, 타입, 마이그레이션이 운영과 똑같이 동작하도록 개발에서도 {{others}} 대신 {{engine}}을(를) 로컬 컨테이너(docker compose 또는 Testcontainers)로 실행해 사용하세요.',
  },
  'f10-dev-prod-parity.same-stack.only-one': {
    en: 'Only one environment ({{env}}) describes its stack',
    ko: '스택을 기술한 환경이 하나({{env}})뿐임',
  },
  'f10-dev-prod-parity.same-stack.none': {
    en: 'No environment describes its stack',
    ko: '스택을 기술한 환경이 없음',
  },
  'f10-dev-prod-parity.same-stack.fewer-reason': {
    en: 'Fewer than two environments (deploy targets, compose files, .env files, configuration profiles) name their backing services or images, so there is nothing to compare.',
    ko: '백엔드 서비스나 이미지를 명시한 환경(배포 대상, compose 파일, .env 파일, 설정 프로필)이 둘 미만이라 비교할 대상이 없습니다.',
  },
  'f10-dev-prod-parity.same-stack.same': {
    en: '{{n}} environments use the same stack',
    ko: '환경 {{n}}개가 같은 스택을 사용함',
  },
  'f10-dev-prod-parity.same-stack.view': {
    en: '{{env}}: {{kinds}}',
    ko: '{{env}} 환경: {{kinds}}',
  },
  'f10-dev-prod-parity.same-stack.view-images': {
    en: '{{env}}: {{kinds}}; images {{images}}',
    ko: '{{env}} 환경: {{kinds}}, 이미지 {{images}}',
  },
  'f10-dev-prod-parity.same-stack.view-empty': {
    en: '{{env}}: no backing services',
    ko: '{{env}} 환경: 백엔드 서비스 없음',
  },
  'f10-dev-prod-parity.same-stack.view-empty-images': {
    en: '{{env}}: no backing services; images {{images}}',
    ko: '{{env}} 환경: 백엔드 서비스 없음, 이미지 {{images}}',
  },
  'f10-dev-prod-parity.same-stack.swap-database': {
    en: '{{env}} uses database {{kinds}} where {{other}} uses {{otherKinds}}',
    ko: '{{env}}은(는) 데이터베이스 {{kinds}}을(를) 쓰지만 {{other}}은(는) {{otherKinds}} 사용',
  },
  'f10-dev-prod-parity.same-stack.swap-backing': {
    en: '{{env}} uses backing service {{kinds}} where {{other}} uses {{otherKinds}}',
    ko: '{{env}}은(는) 백엔드 서비스 {{kinds}}을(를) 쓰지만 {{other}}은(는) {{otherKinds}} 사용',
  },
  'f10-dev-prod-parity.same-stack.swap-image': {
    en: '{{env}} uses image {{kinds}} where {{other}} uses {{otherKinds}}',
    ko: '{{env}}은(는) 이미지 {{kinds}}을(를) 쓰지만 {{other}}은(는) {{otherKinds}} 사용',
  },
  'f10-dev-prod-parity.same-stack.swap-image-advice': {
    en: 'Deploy the same images in every environment and let overlays change only tags, replicas and configuration ({{env}} runs {{kinds}}, {{other}} runs {{otherKinds}}).',
    ko: '모든 환경에 같은 이미지를 배포하고 오버레이로는 태그, 레플리카 수, 설정만 바꾸세요 ({{env}}은(는) {{kinds}}, {{other}}은(는) {{otherKinds}} 실행).',
  },
  'f10-dev-prod-parity.same-stack.swap-database-advice': {
    en: 'Use the same database kind everywhere: run {{otherKinds}} in {{env}} as well (a container in docker compose, Testcontainers in tests) instead of {{kinds}}.',
    ko: '모든 환경에서 같은 종류의 데이터베이스를 쓰세요. {{env}}에서도 {{kinds}} 대신 {{otherKinds}}을(를) 실행하세요 (docker compose의 컨테이너, 테스트에서는 Testcontainers).',
  },
  'f10-dev-prod-parity.same-stack.swap-backing-advice': {
    en: 'Use the same backing service kind everywhere: run {{otherKinds}} in {{env}} as well (a container in docker compose, Testcontainers in tests) instead of {{kinds}}.',
    ko: '모든 환경에서 같은 종류의 백엔드 서비스를 쓰세요. {{env}}에서도 {{kinds}} 대신 {{otherKinds}}을(를) 실행하세요 (docker compose의 컨테이너, 테스트에서는 Testcontainers).',
  },
  'f10-dev-prod-parity.staging.target-note': {
    en: 'deploy target {{target}}',
    ko: '배포 대상 {{target}}',
  },
  'f10-dev-prod-parity.staging.ci-note': {
    en: 'CI deploys to environment {{env}}',
    ko: 'CI가 {{env}} 환경에 배포함',
  },
  'f10-dev-prod-parity.staging.remote-values-note': {
    en: 'values for {{env}} of the remote Helm chart {{chart}}',
    ko: '원격 Helm chart {{chart}}의 {{env}} 환경 values',
  },
  'f10-dev-prod-parity.staging.env-file-note': {
    en: 'configuration for {{env}}',
    ko: '{{env}} 환경 설정',
  },
  'f10-dev-prod-parity.staging.compose-note': {
    en: 'compose file for {{env}}',
    ko: '{{env}} 환경용 compose 파일',
  },
  'f10-dev-prod-parity.staging.profile-note': {
    en: 'configuration profile {{env}}',
    ko: '설정 프로필 {{env}}',
  },
  'f10-dev-prod-parity.staging.none': {
    en: 'No environments found',
    ko: '환경을 찾지 못함',
  },
  'f10-dev-prod-parity.staging.none-reason': {
    en: 'No deploy target, CI environment, .env file or configuration profile names an environment.',
    ko: '배포 대상, CI 환경, .env 파일, 설정 프로필 어디에도 환경 이름이 없습니다.',
  },
  'f10-dev-prod-parity.staging.found': {
    en: 'Pre-production environment: {{environments}}',
    ko: '사전 운영 환경: {{environments}}',
  },
  'f10-dev-prod-parity.staging.missing': {
    en: 'No staging or pre-production environment; found only',
    ko: '스테이징 또는 사전 운영 환경이 없음. 발견된 환경',
  },
  'f10-dev-prod-parity.staging.environment': {
    en: '{{env}}',
    ko: '{{env}} 환경',
  },
  'f10-dev-prod-parity.staging.unnamed-target': {
    en: '{{target}} (unnamed deploy target)',
    ko: '{{target}} (이름 없는 배포 대상)',
  },
  'f10-dev-prod-parity.staging.missing-advice': {
    en: 'Add a staging environment that mirrors production (same overlays, same backing-service kinds) and promote releases through it; if the team decides a small service does without one, record a waiver with the reason.',
    ko: '운영을 그대로 반영한(같은 오버레이, 같은 종류의 백엔드 서비스) 스테이징 환경을 추가하고 릴리스를 그 환경을 거쳐 승격하세요. 작은 서비스라 스테이징 없이 가기로 팀이 결정했다면 그 이유와 함께 예외(waiver)를 기록하세요.',
  },
  'f10-dev-prod-parity.env-overlays.overlays': {
    en: '{{n}} Kustomize overlays ({{overlays}}) over one base ({{base}})',
    ko: '하나의 베이스({{base}}) 위에 Kustomize 오버레이 {{n}}개({{overlays}})',
  },
  'f10-dev-prod-parity.env-overlays.overlay-note': {
    en: 'overlay rendering {{n}} files of the base',
    ko: '베이스의 파일 {{n}}개를 렌더링하는 오버레이',
  },
  'f10-dev-prod-parity.env-overlays.helm-values': {
    en: 'Helm chart {{charts}} with values per environment ({{environments}})',
    ko: '환경별 values가 있는 Helm 차트 {{charts}} ({{environments}})',
  },
  'f10-dev-prod-parity.env-overlays.values-note': {
    en: "values for {{env}} over the chart's values.yaml",
    ko: '차트의 values.yaml 위에 적용하는 {{env}} 환경 values',
  },
  // A chart the repository does not hold (`bitnami/nginx`, `oci://…`), deployed with its values files.
  'f10-dev-prod-parity.env-overlays.remote-helm-values': {
    en: 'Remote Helm chart {{charts}} deployed with values per environment ({{environments}})',
    ko: '원격 Helm 차트 {{charts}}을(를) 환경별 values로 배포함 ({{environments}})',
  },
  'f10-dev-prod-parity.env-overlays.deploys-note': {
    en: 'deploys with values-{{env}}',
    ko: 'values-{{env}}로 배포함',
  },
  'f10-dev-prod-parity.env-overlays.helm-hidden': {
    en: 'Helm chart {{charts}}; per-environment values not visible',
    ko: 'Helm 차트 {{charts}}: 환경별 values가 보이지 않음',
  },
  'f10-dev-prod-parity.env-overlays.helm-hidden-reason': {
    en: 'The repository has a Helm chart, but no deploy step names per-environment values files, so whether environments differ only in values cannot be told.',
    ko: '저장소에 Helm 차트는 있지만 환경별 values 파일을 지정하는 배포 단계가 없어, 환경 간 차이가 values뿐인지 알 수 없습니다.',
  },
  'f10-dev-prod-parity.env-overlays.chart-note': {
    en: 'Helm chart',
    ko: 'Helm 차트',
  },
  'f10-dev-prod-parity.env-overlays.none': {
    en: 'No Kubernetes manifests or Helm charts',
    ko: 'Kubernetes 매니페스트나 Helm 차트가 없음',
  },
  'f10-dev-prod-parity.env-overlays.none-reason': {
    en: 'The repository deploys nothing that this check can read (no Kustomize, plain manifests or Helm charts).',
    ko: '저장소에 이 점검이 읽을 수 있는 배포 정의(Kustomize, 일반 매니페스트, Helm 차트)가 없습니다.',
  },
  'f10-dev-prod-parity.env-overlays.copied': {
    en: 'Environments are copied manifests: {{workload}} is defined separately in {{places}}',
    ko: '환경이 매니페스트 복사본으로 관리됨: {{workload}}이(가) {{places}}에 따로 정의됨',
  },
  'f10-dev-prod-parity.env-overlays.copied-targets': {
    en: 'Environments are copied manifests: {{n}} Kustomize targets is defined separately in {{places}}',
    ko: '환경이 매니페스트 복사본으로 관리됨: Kustomize 대상 {{n}}개가 {{places}}에 따로 정의됨',
  },
  'f10-dev-prod-parity.env-overlays.copy-note': {
    en: '{{n}} workloads, no shared base',
    ko: '워크로드 {{n}}개, 공유 베이스 없음',
  },
  'f10-dev-prod-parity.env-overlays.copied-advice': {
    en: 'Keep one base with the common manifests and one Kustomize overlay per environment that patches only what differs (replicas, resources, hosts, config); then a fix in the base reaches every environment.',
    ko: '공통 매니페스트를 담은 베이스 하나와, 다른 부분(레플리카 수, 리소스, 호스트, 설정)만 패치하는 환경별 Kustomize 오버레이를 두세요. 그러면 베이스의 수정이 모든 환경에 반영됩니다.',
  },
  'f10-dev-prod-parity.env-overlays.one-kustomize': {
    en: 'One environment only: a single kustomization in {{target}}, no per-environment overlays',
    ko: '환경이 하나뿐임: {{target}}에 kustomization 하나만 있고 환경별 오버레이 없음',
  },
  'f10-dev-prod-parity.env-overlays.one-helm': {
    en: 'One environment only: a Helm chart with one set of values in {{target}}, no per-environment values files',
    ko: '환경이 하나뿐임: {{target}}에 values가 한 벌뿐인 Helm 차트만 있고 환경별 values 파일 없음',
  },
  'f10-dev-prod-parity.env-overlays.one-plain': {
    en: 'One environment only: plain manifests in {{target}}, no per-environment overlays',
    ko: '환경이 하나뿐임: {{target}}에 일반 매니페스트만 있고 환경별 오버레이 없음',
  },
  'f10-dev-prod-parity.env-overlays.only-note': {
    en: '{{n}} workloads in the only deploy target',
    ko: '유일한 배포 대상의 워크로드 {{n}}개',
  },
  'f10-dev-prod-parity.env-overlays.helm-advice': {
    en: "Keep the chart's values.yaml for what every environment shares and add a values file per environment beside it (values-staging.yaml, values-prod.yaml) holding only what differs; deploy each with `helm upgrade --install -f`.",
    ko: '차트의 values.yaml에는 모든 환경이 공유하는 값만 두고, 그 옆에 다른 값만 담은 환경별 values 파일(values-staging.yaml, values-prod.yaml)을 추가하세요. 각 환경은 `helm upgrade --install -f`로 배포하세요.',
  },
  'f10-dev-prod-parity.env-overlays.base-advice': {
    en: 'Turn {{target}} into a Kustomize base and add an overlay per environment, so that a second environment (staging, dev) differs from production only in what the overlay patches.',
    ko: '두 번째 환경(staging, dev)이 오버레이가 패치하는 부분만 운영과 다르도록 {{target}}을(를) Kustomize 베이스로 바꾸고 환경별 오버레이를 추가하세요.',
  },
  'f10-dev-prod-parity.staging.found-only': {
    en: 'No staging or pre-production environment; found only {{environments}}',
    ko: '스테이징 또는 사전 운영 환경이 없음. 발견된 환경은 {{environments}}뿐임',
  },
};
