import type { MessageCatalog } from '../engineMessages';

/** I. Codebase. */
export const f1Codebase: MessageCatalog = {
  // version-control; `-several` lists two CI systems or more (`others` is the rest).
  'f1-codebase.version-control.unlocated-note': {
    en: 'not set; judged from the repository that was read',
    ko: '설정되지 않음. 읽은 저장소로 판단함',
  },
  'f1-codebase.version-control.read-ci': {
    en: 'The repository read for this scan has {{system}} CI (the entity names no source location)',
    ko: '이번 스캔에서 읽은 저장소가 CI로 {{system}} 사용 (엔터티에 소스 위치가 지정되지 않음)',
  },
  'f1-codebase.version-control.read-ci-several': {
    en: 'The repository read for this scan has {{first}} and {{others}} CI (the entity names no source location)',
    ko: '이번 스캔에서 읽은 저장소가 CI로 {{first}}, {{others}} 사용 (엔터티에 소스 위치가 지정되지 않음)',
  },
  'f1-codebase.version-control.ci-definition-note': {
    en: '{{system}} definition',
    ko: '{{system}} 정의',
  },
  'f1-codebase.version-control.read-no-ci': {
    en: 'The repository read for this scan has no CI definition (the entity names no source location)',
    ko: '이번 스캔에서 읽은 저장소에 CI 정의가 없음 (엔터티에 소스 위치가 지정되지 않음)',
  },
  'f1-codebase.version-control.add-ci-advice': {
    en: 'Add a CI pipeline that tests and builds every change.',
    ko: '모든 변경 사항을 테스트하고 빌드하는 CI 파이프라인을 추가하세요.',
  },
  'f1-codebase.version-control.no-location': {
    en: 'The catalog entity has no source location, and no repository was read',
    ko: '카탈로그 엔터티에 소스 위치가 없고 읽은 저장소도 없음',
  },
  'f1-codebase.version-control.no-location-note': {
    en: 'not set (nor a GitHub/GitLab/Azure DevOps/Bitbucket project annotation)',
    ko: '설정되지 않음 (GitHub/GitLab/Azure DevOps/Bitbucket 프로젝트 annotation도 없음)',
  },
  'f1-codebase.version-control.no-location-advice': {
    en: 'Record where the code lives on the catalog entity, so that the codebase (and its CI) can be found from the service.',
    ko: '서비스에서 코드베이스(와 그 CI)를 찾을 수 있도록 카탈로그 엔터티에 코드 위치를 기록하세요.',
  },
  // `host` is a known VCS host (GitHub, GitLab, …); `-repo` when it is not.
  'f1-codebase.version-control.code-note': {
    en: 'code in {{host}}',
    ko: '코드가 {{host}}에 있음',
  },
  'f1-codebase.version-control.code-repo-note': {
    en: 'code in a repository',
    ko: '코드가 저장소에 있음',
  },
  'f1-codebase.version-control.code-ci': {
    en: 'Code in {{host}} ({{location}}) with {{system}} CI',
    ko: '코드가 {{host}}({{location}})에 있고 CI로 {{system}} 사용',
  },
  'f1-codebase.version-control.code-ci-several': {
    en: 'Code in {{host}} ({{location}}) with {{first}} and {{others}} CI',
    ko: '코드가 {{host}}({{location}})에 있고 CI로 {{first}}, {{others}} 사용',
  },
  'f1-codebase.version-control.code-repo-ci': {
    en: 'Code in a repository ({{location}}) with {{system}} CI',
    ko: '코드가 저장소({{location}})에 있고 CI로 {{system}} 사용',
  },
  'f1-codebase.version-control.code-repo-ci-several': {
    en: 'Code in a repository ({{location}}) with {{first}} and {{others}} CI',
    ko: '코드가 저장소({{location}})에 있고 CI로 {{first}}, {{others}} 사용',
  },
  'f1-codebase.version-control.code-no-ci': {
    en: 'Code in {{host}} ({{location}}), but no CI definition in the repository',
    ko: '코드가 {{host}}({{location}})에 있지만 저장소에 CI 정의가 없음',
  },
  'f1-codebase.version-control.code-repo-no-ci': {
    en: 'Code in a repository ({{location}}), but no CI definition in the repository',
    ko: '코드가 저장소({{location}})에 있지만 저장소에 CI 정의가 없음',
  },
  // one-app-one-repo. Folders are listed as `dir/`; when the repository root
  // is among them, `-root` says it and `before`/`after` list the others
  // around it, as the English does.
  'f1-codebase.one-app-one-repo.dockerfile-note': {
    en: 'Dockerfile',
    ko: '이미지를 빌드하는 Dockerfile',
  },
  'f1-codebase.one-app-one-repo.image-build-note': {
    en: '{{kind}} image build',
    ko: '{{kind}} 이미지 빌드',
  },
  'f1-codebase.one-app-one-repo.compose-build-note': {
    en: 'compose service {{service}} builds {{context}}',
    ko: 'compose 서비스 {{service}}에서 {{context}} 빌드',
  },
  'f1-codebase.one-app-one-repo.one-codebase': {
    en: 'One codebase; the repository builds no container image of another app',
    ko: '코드베이스 하나. 저장소에서 다른 앱의 컨테이너 이미지를 빌드하지 않음',
  },
  'f1-codebase.one-app-one-repo.one-codebase-in': {
    en: 'One codebase (dependencies declared in {{dir}}); the repository builds no container image of another app',
    ko: '코드베이스 하나 (종속성이 {{dir}}에 선언됨). 저장소에서 다른 앱의 컨테이너 이미지를 빌드하지 않음',
  },
  'f1-codebase.one-app-one-repo.one-codebase-root': {
    en: 'One codebase (dependencies declared in the repository root); the repository builds no container image of another app',
    ko: '코드베이스 하나 (종속성이 저장소 루트에 선언됨). 저장소에서 다른 앱의 컨테이너 이미지를 빌드하지 않음',
  },
  'f1-codebase.one-app-one-repo.manifests-no-build': {
    en: 'Several dependency manifests and no container build',
    ko: '종속성 매니페스트가 여러 개이고 컨테이너 빌드가 없음',
  },
  'f1-codebase.one-app-one-repo.manifests-no-build-reason': {
    en: 'Dependency manifests in {{dirs}} but no Dockerfile or compose build tells whether they are one deployable or several.',
    ko: '{{dirs}}에 종속성 매니페스트가 있지만, 이들이 배포 단위 하나인지 여러 개인지 알려 주는 Dockerfile이나 compose 빌드가 없습니다.',
  },
  'f1-codebase.one-app-one-repo.manifests-no-build-root-reason': {
    en: 'Dependency manifests in {{before}}the repository root{{after}} but no Dockerfile or compose build tells whether they are one deployable or several.',
    ko: '{{before}}저장소 루트{{after}}에 종속성 매니페스트가 있지만, 이들이 배포 단위 하나인지 여러 개인지 알려 주는 Dockerfile이나 compose 빌드가 없습니다.',
  },
  'f1-codebase.one-app-one-repo.one-deployable': {
    en: 'The repository builds one deployable, from {{dir}}',
    ko: '저장소에서 배포 단위 하나를 {{dir}}에서 빌드함',
  },
  'f1-codebase.one-app-one-repo.one-deployable-root': {
    en: 'The repository builds one deployable, from the repository root',
    ko: '저장소에서 배포 단위 하나를 저장소 루트에서 빌드함',
  },
  'f1-codebase.one-app-one-repo.one-deployable-services': {
    en: 'The repository builds one deployable, from {{dir}} (compose services {{services}} run the same image)',
    ko: '저장소에서 배포 단위 하나를 {{dir}}에서 빌드함 (compose 서비스 {{services}}에서 같은 이미지를 실행)',
  },
  'f1-codebase.one-app-one-repo.one-deployable-root-services': {
    en: 'The repository builds one deployable, from the repository root (compose services {{services}} run the same image)',
    ko: '저장소에서 배포 단위 하나를 저장소 루트에서 빌드함 (compose 서비스 {{services}}에서 같은 이미지를 실행)',
  },
  'f1-codebase.one-app-one-repo.each-built': {
    en: '{{n}} deployables ({{dirs}}), each with its own CI build',
    ko: '배포 단위 {{n}}개 ({{dirs}}), 각각 자체 CI 빌드가 있음',
  },
  'f1-codebase.one-app-one-repo.shared': {
    en: '{{n}} deployables share the repository ({{dirs}}); {{without}} has no build definition of its own',
    ko: '배포 단위 {{n}}개가 저장소를 공유함 ({{dirs}}). {{without}}에는 자체 빌드 정의가 없음',
  },
  'f1-codebase.one-app-one-repo.shared-many': {
    en: '{{n}} deployables share the repository ({{dirs}}); {{without}} have no build definition of its own',
    ko: '배포 단위 {{n}}개가 저장소를 공유함 ({{dirs}}). {{without}}에는 자체 빌드 정의가 없음',
  },
  'f1-codebase.one-app-one-repo.shared-root': {
    en: '{{n}} deployables share the repository ({{before}}the repository root{{after}}); {{withoutBefore}}the repository root{{withoutAfter}} has no build definition of its own',
    ko: '배포 단위 {{n}}개가 저장소를 공유함 ({{before}}저장소 루트{{after}}). {{withoutBefore}}저장소 루트{{withoutAfter}}에는 자체 빌드 정의가 없음',
  },
  'f1-codebase.one-app-one-repo.shared-root-many': {
    en: '{{n}} deployables share the repository ({{before}}the repository root{{after}}); {{withoutBefore}}the repository root{{withoutAfter}} have no build definition of its own',
    ko: '배포 단위 {{n}}개가 저장소를 공유함 ({{before}}저장소 루트{{after}}). {{withoutBefore}}저장소 루트{{withoutAfter}}에는 자체 빌드 정의가 없음',
  },
  'f1-codebase.one-app-one-repo.own-build-advice': {
    en: 'Give each app its own repository and catalog component, or at least its own CI build (path filter, own image tag) so that {{name}} releases only its own artifact.',
    ko: '앱마다 자체 저장소와 카탈로그 컴포넌트를 두거나, 최소한 자체 CI 빌드(경로 필터, 자체 이미지 태그)를 두어 {{name}}에서 자기 산출물만 릴리스하도록 하세요.',
  },
  // deploys-per-env
  'f1-codebase.deploys-per-env.no-manifests': {
    en: 'No deploy manifests in the repository',
    ko: '저장소에 배포 매니페스트가 없음',
  },
  'f1-codebase.deploys-per-env.create-advice': {
    en: "Describe the deployment in the repository: a Kustomize base with the service's objects and one overlay per environment (namespace, replicas, configuration).",
    ko: '배포를 저장소에 기술하세요. 서비스의 오브젝트를 담은 Kustomize base 하나와 환경마다 overlay 하나(namespace, replicas, 설정)를 두면 됩니다.',
  },
  'f1-codebase.deploys-per-env.overlay-advice': {
    en: 'Turn the manifests into a Kustomize base ({{root}}/base, with a kustomization.yaml listing them) and add one overlay per environment that patches only what differs.',
    ko: '매니페스트를 Kustomize base({{root}}/base, 매니페스트를 나열한 kustomization.yaml 포함)로 바꾸고, 달라지는 부분만 패치하는 overlay를 환경마다 하나씩 추가하세요.',
  },
  'f1-codebase.deploys-per-env.overlay-note': {
    en: '{{env}} overlay',
    ko: '{{env}} 환경 overlay',
  },
  'f1-codebase.deploys-per-env.one-base': {
    en: 'One base ({{base}}) with per-environment overlays for {{envs}}',
    ko: 'base 하나({{base}})와 {{envs}} 환경별 overlay',
  },
  'f1-codebase.deploys-per-env.copied-no-base': {
    en: 'Environments {{envs}} are deployed from copied manifests without a shared base',
    ko: '{{envs}} 환경이 공유 base 없이 복사한 매니페스트로 배포됨',
  },
  'f1-codebase.deploys-per-env.helm-values': {
    en: 'Helm chart {{charts}} with values for {{envs}}',
    ko: 'Helm chart {{charts}}, {{envs}} 환경별 values 있음',
  },
  'f1-codebase.deploys-per-env.values-note': {
    en: 'values for {{env}}',
    ko: '{{env}} 환경의 values',
  },
  // A chart the repository does not hold (`bitnami/nginx`, `oci://…`), deployed with its values files.
  'f1-codebase.deploys-per-env.remote-helm-values': {
    en: 'Remote Helm chart {{charts}} deployed with values for {{envs}}',
    ko: '원격 Helm chart {{charts}}을(를) {{envs}} 환경별 values로 배포함',
  },
  'f1-codebase.deploys-per-env.one-env-remote-helm': {
    en: 'One environment only: remote Helm chart {{charts}}',
    ko: '환경이 하나뿐임: 원격 Helm chart {{charts}}',
  },
  'f1-codebase.deploys-per-env.remote-release-note': {
    en: 'release {{release}} of the remote chart {{chart}}',
    ko: '원격 차트 {{chart}}의 릴리스 {{release}}',
  },
  'f1-codebase.deploys-per-env.copies': {
    en: 'Environments {{envs}} are copies of the manifests in {{dir}}',
    ko: '{{envs}} 환경이 {{dir}}에 있는 매니페스트의 복사본임',
  },
  'f1-codebase.deploys-per-env.plain-note': {
    en: 'plain manifests for {{envs}}',
    ko: '{{envs}} 환경용 일반 매니페스트',
  },
  // `targets`: deploy targets with their environment; `charts`: charts of no
  // target, joined with ', Helm chart ' (the Helm term stays in English).
  'f1-codebase.deploys-per-env.one-env': {
    en: 'One environment only: {{targets}}',
    ko: '환경이 하나뿐임: {{targets}}',
  },
  'f1-codebase.deploys-per-env.one-env-charts': {
    en: 'One environment only: {{targets}}, Helm chart {{charts}}',
    ko: '환경이 하나뿐임: {{targets}}, Helm chart {{charts}}',
  },
  'f1-codebase.deploys-per-env.one-env-only-charts': {
    en: 'One environment only: Helm chart {{charts}}',
    ko: '환경이 하나뿐임: Helm chart {{charts}}',
  },
  'f1-codebase.deploys-per-env.target-note': {
    en: '{{kind}} deploy target',
    ko: '{{kind}} 배포 대상',
  },
  'f1-codebase.deploys-per-env.chart-note': {
    en: 'Helm chart',
    ko: 'Helm chart 정의',
  },
  'f1-codebase.deploys-per-env.helm-advice': {
    en: 'Deploy the chart {{root}} once per environment with a values file each (values-staging.yaml, values-prod.yaml beside values.yaml) holding only what differs.',
    ko: '{{root}} 차트를 환경마다 한 번씩 배포하고, 달라지는 값만 담은 values 파일을 환경마다 하나씩(values.yaml 옆에 values-staging.yaml, values-prod.yaml) 두세요.',
  },
};
