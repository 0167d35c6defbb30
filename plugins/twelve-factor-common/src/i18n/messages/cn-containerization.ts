import type { MessageCatalog } from '../engineMessages';

/*
 * Findings about one Dockerfile, or one build without a Dockerfile, are said
 * of it (its path, or `jib (pom.xml)`) as a label before the finding.
 */

/** Containerization. */
export const cnContainerization: MessageCatalog = {
  // dockerfiles (shared by the per-Dockerfile checks)
  'cn-containerization.dockerfiles.none': {
    en: 'No Dockerfile',
    ko: 'Dockerfile 없음',
  },
  // `builds`: `jib (pom.xml)`, `buildpacks (Spring Boot build-image, pom.xml)`
  'cn-containerization.dockerfiles.other-build-reason': {
    en: 'The image is built by {{builds}}, whose settings do not decide this check.',
    ko: '이미지를 {{builds}}(으)로 빌드하며, 그 설정으로는 이 점검 항목을 판단할 수 없습니다.',
  },
  'cn-containerization.dockerfiles.none-reason': {
    en: 'No Dockerfile with a FROM instruction was found in the repository.',
    ko: '저장소에서 FROM 명령이 있는 Dockerfile을 찾지 못했습니다.',
  },
  'cn-containerization.dockerfiles.other-build-note': {
    en: '{{kind}} image build',
    ko: '{{kind}} 이미지 빌드',
  },
  // containerized
  'cn-containerization.containerized.stages-note': {
    en: '{{n}} stage(s)',
    ko: '스테이지 {{n}}개',
  },
  'cn-containerization.containerized.no-code': {
    en: 'No source code and no container build',
    ko: '소스 코드와 컨테이너 빌드 없음',
  },
  'cn-containerization.containerized.no-code-reason': {
    en: 'The repository holds no source code in a known language and no container build, so its images are built in another repository.',
    ko: '저장소에 알려진 언어의 소스 코드도 컨테이너 빌드도 없으므로, 이미지는 다른 저장소에서 빌드됩니다.',
  },
  'cn-containerization.containerized.none': {
    en: 'No Dockerfile, Containerfile, buildpacks, Jib or ko configuration found',
    ko: 'Dockerfile, Containerfile, buildpacks, Jib, ko 설정을 찾지 못함',
  },
  'cn-containerization.containerized.none-advice': {
    en: 'Add a Dockerfile that builds the service into an image.',
    ko: '서비스를 이미지로 빌드하는 Dockerfile을 추가하세요.',
  },
  'cn-containerization.containerized.defined': {
    en: 'Container build defined in {{files}}',
    ko: '컨테이너 빌드가 {{files}}에 정의됨',
  },
  // multi-stage
  'cn-containerization.multi-stage.built-outside': {
    en: 'The image is built by {{build}}: the build runs outside the image, which receives only the artifacts',
    ko: '이미지를 {{build}}(으)로 빌드함: 빌드는 이미지 밖에서 실행되고 이미지에는 산출물만 들어감',
  },
  'cn-containerization.multi-stage.stages': {
    en: '{{n}} stages ({{stages}}); the final stage copies from {{from}}',
    ko: '스테이지 {{n}}개 ({{stages}}). 마지막 스테이지가 {{from}}에서 복사함',
  },
  'cn-containerization.multi-stage.stage-note': {
    en: 'stage {{stage}} FROM {{image}}',
    ko: '스테이지 {{stage}}의 FROM {{image}}',
  },
  'cn-containerization.multi-stage.single': {
    en: 'single build stage; build tools ship in the runtime image',
    ko: '빌드 스테이지가 하나뿐이라 빌드 도구가 런타임 이미지에 포함됨',
  },
  'cn-containerization.multi-stage.advice': {
    en: 'Build in one stage and copy only the artifacts into a slim runtime stage.',
    ko: '한 스테이지에서 빌드하고, 산출물만 가벼운 런타임 스테이지로 복사하세요.',
  },
  // non-root-user
  'cn-containerization.non-root-user.runs-as': {
    en: 'the image runs as {{user}}',
    ko: '이미지가 {{user}}(으)로 실행됨',
  },
  'cn-containerization.non-root-user.non-root-base': {
    en: 'base image {{image}} runs as a non-root user',
    ko: '베이스 이미지 {{image}}이(가) non-root 사용자로 실행됨',
  },
  'cn-containerization.non-root-user.buildpacks': {
    en: 'buildpacks images run as the non-root CNB user',
    ko: 'buildpacks 이미지는 non-root CNB 사용자로 실행됨',
  },
  'cn-containerization.non-root-user.ko-default': {
    en: "ko's default base image runs as nonroot",
    ko: 'ko의 기본 베이스 이미지는 nonroot로 실행됨',
  },
  'cn-containerization.non-root-user.final-stage-default': {
    en: 'final stage runs as {{user}} ({{default}} unless the build overrides it)',
    ko: '마지막 스테이지가 {{user}}(으)로 실행됨 (빌드에서 덮어쓰지 않으면 {{default}})',
  },
  'cn-containerization.non-root-user.default-note': {
    en: 'USER {{user}}, {{variable}}={{default}} by default',
    ko: 'USER {{user}}, 기본값 {{variable}}={{default}}',
  },
  'cn-containerization.non-root-user.from-argument': {
    en: 'USER is set from a build argument ({{user}})',
    ko: 'USER가 빌드 인자로 설정됨 ({{user}})',
  },
  'cn-containerization.non-root-user.from-argument-reason': {
    en: 'The final USER comes from a variable ({{user}}) whose value is only known at build time.',
    ko: '마지막 USER가 빌드 시점에만 값을 알 수 있는 변수({{user}})에서 옵니다.',
  },
  'cn-containerization.non-root-user.final-stage': {
    en: 'final stage runs as {{user}}',
    ko: '마지막 스테이지가 {{user}}(으)로 실행됨',
  },
  'cn-containerization.non-root-user.root-user': {
    en: 'final stage sets USER {{user}}',
    ko: '마지막 스테이지의 USER가 {{user}}임',
  },
  'cn-containerization.non-root-user.no-user': {
    en: 'final stage sets no USER, so the image runs as root',
    ko: '마지막 스테이지에 USER가 없어 이미지가 root로 실행됨',
  },
  'cn-containerization.non-root-user.no-user-note': {
    en: 'no USER in the final stage',
    ko: '마지막 스테이지에 USER 없음',
  },
  'cn-containerization.non-root-user.advice': {
    en: 'Create an unprivileged user in the final stage and switch to it before CMD; use a numeric UID so that runAsNonRoot can verify it.',
    ko: '마지막 스테이지에서 권한 없는 사용자를 만들고 CMD 전에 그 사용자로 전환하세요. runAsNonRoot가 확인할 수 있도록 숫자 UID를 쓰세요.',
  },
  // minimal-base; `-default`: the build names no base image and uses its default
  'cn-containerization.minimal-base.minimal': {
    en: 'minimal base image {{image}}',
    ko: '최소 베이스 이미지 {{image}}',
  },
  'cn-containerization.minimal-base.minimal-default': {
    en: "minimal base image {{image}} ({{kind}}'s default)",
    ko: '최소 베이스 이미지 {{image}} ({{kind}} 기본값)',
  },
  'cn-containerization.minimal-base.full': {
    en: 'full OS base image {{image}}',
    ko: '전체 OS 베이스 이미지 {{image}}',
  },
  'cn-containerization.minimal-base.full-default': {
    en: "full OS base image {{image}} ({{kind}}'s default)",
    ko: '전체 OS 베이스 이미지 {{image}} ({{kind}} 기본값)',
  },
  'cn-containerization.minimal-base.final-stage-note': {
    en: 'final stage FROM {{image}}',
    ko: '마지막 스테이지: FROM {{image}}',
  },
  'cn-containerization.minimal-base.from-argument': {
    en: 'base image from a build argument',
    ko: '베이스 이미지를 빌드 인자로 지정함',
  },
  'cn-containerization.minimal-base.from-argument-reason': {
    en: 'The final base image is a variable ({{image}}).',
    ko: '마지막 베이스 이미지가 변수({{image}})입니다.',
  },
  'cn-containerization.minimal-base.image-advice': {
    en: 'Use a minimal runtime image ({{image}}): fewer packages, fewer CVEs, faster pulls.',
    ko: '최소 런타임 이미지({{image}})를 쓰세요. 패키지와 CVE가 줄고 pull이 빨라집니다.',
  },
  'cn-containerization.minimal-base.variant-advice': {
    en: 'Use a minimal runtime image (a -slim, -alpine or distroless variant): fewer packages, fewer CVEs, faster pulls.',
    ko: '최소 런타임 이미지(-slim, -alpine 또는 distroless 변형)를 쓰세요. 패키지와 CVE가 줄고 pull이 빨라집니다.',
  },
  'cn-containerization.minimal-base.image-advice-build': {
    en: 'Use a minimal runtime image ({{image}}) as the {{kind}} base image: fewer packages, fewer CVEs, faster pulls.',
    ko: '{{kind}} 베이스 이미지로 최소 런타임 이미지({{image}})를 쓰세요. 패키지와 CVE가 줄고 pull이 빨라집니다.',
  },
  'cn-containerization.minimal-base.variant-advice-build': {
    en: 'Use a minimal runtime image (a -slim, -alpine or distroless variant) as the {{kind}} base image: fewer packages, fewer CVEs, faster pulls.',
    ko: '{{kind}} 베이스 이미지로 최소 런타임 이미지(-slim, -alpine 또는 distroless 변형)를 쓰세요. 패키지와 CVE가 줄고 pull이 빨라집니다.',
  },
  // security-context
  'cn-containerization.security-context.all': {
    en: 'All {{total}} containers set allowPrivilegeEscalation: false and run as non-root',
    ko: '컨테이너 {{total}}개 모두 allowPrivilegeEscalation: false이고 non-root로 실행됨',
  },
  'cn-containerization.security-context.all-note': {
    en: 'all {{total}} containers of {{set}} hardened',
    ko: '{{set}}의 컨테이너 {{total}}개 모두 강화됨',
  },
  'cn-containerization.security-context.some': {
    en: '{{hardened}} of {{total}} containers are hardened',
    ko: '컨테이너 {{total}}개 중 {{hardened}}개 강화됨',
  },
  'cn-containerization.security-context.lacking-note': {
    en: 'container(s) {{containers}} lack allowPrivilegeEscalation: false or a non-root user',
    ko: '컨테이너 {{containers}}에 allowPrivilegeEscalation: false나 non-root 사용자 설정이 없음',
  },
  'cn-containerization.security-context.advice': {
    en: 'Set allowPrivilegeEscalation: false and run as a non-root user in every container. A strategic-merge patch for your kustomization:',
    ko: '모든 컨테이너에 allowPrivilegeEscalation: false를 설정하고 non-root 사용자로 실행하세요. kustomization용 strategic-merge patch:',
  },
  'cn-containerization.security-context.no-workloads': {
    en: 'No workloads',
    ko: '워크로드 없음',
  },
  'cn-containerization.security-context.no-workloads-reason': {
    en: 'No containers to judge: {{sets}} run no workloads.',
    ko: '판단할 컨테이너 없음: {{sets}}에서 실행되는 워크로드가 없습니다.',
  },
};
