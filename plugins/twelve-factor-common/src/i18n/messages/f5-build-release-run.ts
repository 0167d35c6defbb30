import type { MessageCatalog } from '../engineMessages';

/** V. Build, release, run. */
export const f5BuildReleaseRun: MessageCatalog = {
  // build-stage
  'f5-build-release-run.build-stage.separated': {
    en: 'build separated from run ({{stages}}); the final stage takes only artifacts from {{from}}',
    ko: '빌드와 실행이 분리됨 ({{stages}}); 최종 스테이지는 {{from}}의 산출물만 가져옴',
  },
  'f5-build-release-run.build-stage.stage-note': {
    en: 'stage {{stage}} FROM {{from}}',
    ko: '스테이지 {{stage}} FROM {{from}}',
  },
  'f5-build-release-run.build-stage.no-copy': {
    en: '{{n}} stages, but the final stage copies nothing from a build stage',
    ko: '스테이지가 {{n}}개지만 최종 스테이지가 빌드 스테이지에서 아무것도 복사하지 않음',
  },
  'f5-build-release-run.build-stage.single-stage': {
    en: 'single-stage build; the build tools ship in the runtime image',
    ko: '단일 스테이지 빌드; 빌드 도구가 런타임 이미지에 그대로 포함됨',
  },
  'f5-build-release-run.build-stage.final-stage-note': {
    en: 'final stage FROM {{from}}',
    ko: '최종 스테이지 FROM {{from}}',
  },
  'f5-build-release-run.build-stage.multi-stage-advice': {
    en: 'Build in a first stage and copy only the built artifacts into a slim runtime stage, so that the image that runs holds no compilers, caches or sources.',
    ko: '첫 스테이지에서 빌드하고 빌드된 산출물만 가벼운 런타임 스테이지로 복사해, 실행되는 이미지에 컴파일러, 캐시, 소스가 남지 않게 하세요.',
  },
  'f5-build-release-run.build-stage.other-build': {
    en: 'The image is built by {{builds}}, which keeps build tools out of the runtime image',
    ko: '이미지를 {{builds}}(으)로 빌드하므로 빌드 도구가 런타임 이미지에 들어가지 않음',
  },
  'f5-build-release-run.build-stage.other-build-note': {
    en: '{{kind}} image build',
    ko: '{{kind}} 이미지 빌드',
  },
  'f5-build-release-run.build-stage.none': {
    en: 'No Dockerfile or buildpack configuration: nothing defines how the release is built',
    ko: 'Dockerfile이나 buildpack 설정이 없음: 릴리스를 빌드하는 방법이 정의되어 있지 않음',
  },
  'f5-build-release-run.build-stage.none-advice': {
    en: 'Add a multi-stage Dockerfile (or a buildpacks project.toml) so that every release is built the same way, by CI.',
    ko: '모든 릴리스가 CI에서 같은 방식으로 빌드되도록 멀티 스테이지 Dockerfile(또는 buildpacks project.toml)을 추가하세요.',
  },
  // ci-pipeline
  'f5-build-release-run.ci-pipeline.none': {
    en: 'No CI definition: releases are built by hand',
    ko: 'CI 정의가 없음: 릴리스를 수작업으로 빌드함',
  },
  'f5-build-release-run.ci-pipeline.none-advice': {
    en: 'Let CI build, test and push every release image, tagged with the commit SHA.',
    ko: '모든 릴리스 이미지를 CI가 빌드하고 테스트한 뒤 커밋 SHA 태그를 붙여 푸시하게 하세요.',
  },
  'f5-build-release-run.ci-pipeline.pushes': {
    en: 'CI builds and pushes the image ({{files}})',
    ko: 'CI가 이미지를 빌드하고 푸시함 ({{files}})',
  },
  'f5-build-release-run.ci-pipeline.pushes-when': {
    en: 'CI builds and pushes the image ({{files}}; only when {{conditions}})',
    ko: 'CI가 이미지를 빌드하고 푸시함 ({{files}}; {{conditions}} 조건일 때만)',
  },
  'f5-build-release-run.ci-pipeline.push-tags-note': {
    en: '{{command}} → pushes {{tags}}',
    ko: '{{command}} → {{tags}} 푸시',
  },
  'f5-build-release-run.ci-pipeline.push-when-note': {
    en: '{{command}} (pushes only when {{condition}})',
    ko: '{{command}} ({{condition}} 조건일 때만 푸시)',
  },
  'f5-build-release-run.ci-pipeline.push-tags-when-note': {
    en: '{{command}} → pushes {{tags}} (pushes only when {{condition}})',
    ko: '{{command}} → {{tags}} 푸시 ({{condition}} 조건일 때만 푸시)',
  },
  'f5-build-release-run.ci-pipeline.build-note': {
    en: 'builds, does not push: {{command}}',
    ko: '빌드만 하고 푸시하지 않음: {{command}}',
  },
  'f5-build-release-run.ci-pipeline.test-note': {
    en: 'tests: {{command}}',
    ko: '테스트: {{command}}',
  },
  'f5-build-release-run.ci-pipeline.no-build-note': {
    en: '{{system}} pipeline without an image build',
    ko: '이미지 빌드가 없는 {{system}} 파이프라인',
  },
  'f5-build-release-run.ci-pipeline.push-advice': {
    en: 'Add a step that builds the image and pushes it to the registry, tagged with the commit SHA (and the version for release tags), so that what is deployed is what CI built.',
    ko: '이미지를 빌드해 커밋 SHA 태그(릴리스 태그에는 버전도)를 붙여 레지스트리에 푸시하는 단계를 추가해, 배포되는 것이 CI가 빌드한 이미지가 되게 하세요.',
  },
  'f5-build-release-run.ci-pipeline.no-push': {
    en: 'CI builds the image but does not push it ({{files}})',
    ko: 'CI가 이미지를 빌드하지만 푸시하지 않음 ({{files}})',
  },
  'f5-build-release-run.ci-pipeline.tests-only': {
    en: 'CI runs tests only ({{files}}); no image is built',
    ko: 'CI가 테스트만 실행함 ({{files}}); 이미지를 빌드하지 않음',
  },
  'f5-build-release-run.ci-pipeline.no-image': {
    en: 'CI ({{files}}) builds no image',
    ko: 'CI({{files}})가 이미지를 빌드하지 않음',
  },
  // immutable-image
  'f5-build-release-run.immutable-image.all-pinned': {
    en: 'every image is pinned ({{images}})',
    ko: '모든 이미지가 고정됨 ({{images}})',
  },
  'f5-build-release-run.immutable-image.mutable': {
    en: '{{n|container runs|containers run}} a mutable image ({{images}})',
    ko: '컨테이너 {{n}}개가 변경 가능한 이미지를 실행함 ({{images}})',
  },
  'f5-build-release-run.immutable-image.mutable-ci-unique': {
    en: '{{n|container runs|containers run}} a mutable image ({{images}}) although CI pushes a unique tag',
    ko: 'CI가 고유 태그를 푸시하는데도 컨테이너 {{n}}개가 변경 가능한 이미지를 실행함 ({{images}})',
  },
  'f5-build-release-run.immutable-image.ci-pushes-note': {
    en: 'CI pushes {{tag}}',
    ko: 'CI가 {{tag}} 푸시',
  },
  'f5-build-release-run.immutable-image.own-pushed-advice': {
    en: "Deploy the service's image by the unique tag CI already pushes (commit SHA or version), set per overlay by CI with `kustomize edit set image`; never deploy :latest.",
    ko: '서비스 이미지는 CI가 이미 푸시하는 고유 태그(커밋 SHA 또는 버전)로 배포하고, 오버레이마다 CI가 `kustomize edit set image`로 지정하게 하세요. :latest는 배포하지 마세요.',
  },
  'f5-build-release-run.immutable-image.own-advice': {
    en: "Deploy the service's image by the unique tag CI should push (commit SHA or version), set per overlay by CI with `kustomize edit set image`; never deploy :latest.",
    ko: '서비스 이미지는 CI가 푸시해야 할 고유 태그(커밋 SHA 또는 버전)로 배포하고, 오버레이마다 CI가 `kustomize edit set image`로 지정하게 하세요. :latest는 배포하지 마세요.',
  },
  'f5-build-release-run.immutable-image.pin-advice': {
    en: 'Pin {{images}} to an exact version or a digest.',
    ko: '{{images}}을(를) 정확한 버전이나 digest로 고정하세요.',
  },
  'f5-build-release-run.immutable-image.no-images': {
    en: 'No container images',
    ko: '컨테이너 이미지 없음',
  },
  'f5-build-release-run.immutable-image.no-images-reason': {
    en: 'None of {{targets}} runs a container.',
    ko: '{{targets}} 중 컨테이너를 실행하는 것이 없습니다.',
  },
  // release-versioning
  'f5-build-release-run.release-versioning.trigger-note': {
    en: 'releases on version tags: {{line}}',
    ko: '버전 태그에서 릴리스: {{line}}',
  },
  'f5-build-release-run.release-versioning.version-tag-note': {
    en: 'CI pushes version tag {{tag}}',
    ko: 'CI가 버전 태그 {{tag}} 푸시',
  },
  'f5-build-release-run.release-versioning.commit-tag-note': {
    en: 'CI pushes commit tag {{tag}}',
    ko: 'CI가 커밋 태그 {{tag}} 푸시',
  },
  'f5-build-release-run.release-versioning.semver': {
    en: 'Releases carry semantic versions (version tags in CI and in the deployed manifests)',
    ko: '릴리스에 시맨틱 버전이 붙음 (CI와 배포된 매니페스트의 버전 태그)',
  },
  'f5-build-release-run.release-versioning.advice': {
    en: 'Cut releases from version tags (vX.Y.Z): CI builds on the tag, pushes :vX.Y.Z (and the commit SHA), and the overlays deploy that tag; stop pushing and deploying :latest.',
    ko: '릴리스는 버전 태그(vX.Y.Z)에서 만드세요. CI가 태그에서 빌드해 :vX.Y.Z(와 커밋 SHA)를 푸시하고, 오버레이는 그 태그를 배포합니다. :latest의 푸시와 배포는 중단하세요.',
  },
  'f5-build-release-run.release-versioning.semver-and-latest': {
    en: 'Releases have semantic versions, but :latest is also pushed or deployed',
    ko: '릴리스에 시맨틱 버전이 있지만 :latest도 푸시되거나 배포됨',
  },
  'f5-build-release-run.release-versioning.sha-and-latest': {
    en: 'Releases have commit-SHA tags, but :latest is also pushed or deployed',
    ko: '릴리스에 커밋 SHA 태그가 있지만 :latest도 푸시되거나 배포됨',
  },
  'f5-build-release-run.release-versioning.sha-only': {
    en: 'Releases are identified by commit-SHA tags only; no semantic version',
    ko: '릴리스를 커밋 SHA 태그로만 식별함; 시맨틱 버전 없음',
  },
  'f5-build-release-run.release-versioning.latest-only': {
    en: 'No release identifier: only :latest (or untagged) images are pushed and deployed',
    ko: '릴리스 식별자 없음: :latest(또는 태그 없는) 이미지만 푸시되고 배포됨',
  },
  'f5-build-release-run.release-versioning.none': {
    en: 'No release identifier: CI tags no image and no manifest names a version',
    ko: '릴리스 식별자 없음: CI가 이미지에 태그를 붙이지 않고, 버전을 지정하는 매니페스트도 없음',
  },
  // rollback
  'f5-build-release-run.rollback.advice': {
    en: 'Deploy {{image}} by its commit SHA or version tag with imagePullPolicy IfNotPresent: each Deployment revision then names one image, and `{{command}}` (or reverting the overlay commit) brings the previous release back.',
    ko: '{{image}}을(를) 커밋 SHA나 버전 태그로, imagePullPolicy IfNotPresent와 함께 배포하세요. 그러면 Deployment의 리비전마다 하나의 이미지를 가리키고, `{{command}}`(또는 오버레이 커밋 되돌리기)로 이전 릴리스를 복원할 수 있습니다.',
  },
  'f5-build-release-run.rollback.explicit': {
    en: '{{workloads}} reference explicit versions ({{versions}}), so a revert or rollout undo restores the previous image',
    ko: '{{workloads}}이(가) 명시적 버전({{versions}})을 참조하므로 revert나 rollout undo로 이전 이미지를 복원할 수 있음',
  },
  'f5-build-release-run.rollback.mutable-ci-unique': {
    en: '{{workloads}} run the mutable tag {{tag}}, so the image behind a revision changes; the previous release can only be named by the commit tag CI pushes',
    ko: '{{workloads}}이(가) 변경 가능한 태그 {{tag}}을(를) 실행해 리비전이 가리키는 이미지가 바뀜; 이전 릴리스는 CI가 푸시하는 커밋 태그로만 지정할 수 있음',
  },
  'f5-build-release-run.rollback.mutable-always-ci-unique': {
    en: '{{workloads}} run the mutable tag {{tag}} with imagePullPolicy Always, so the image behind a revision changes; the previous release can only be named by the commit tag CI pushes',
    ko: '{{workloads}}이(가) 변경 가능한 태그 {{tag}}을(를) imagePullPolicy Always로 실행해 리비전이 가리키는 이미지가 바뀜; 이전 릴리스는 CI가 푸시하는 커밋 태그로만 지정할 수 있음',
  },
  // An image reference without a tag, in the tag list of rollback.mutable*.
  'f5-build-release-run.rollback.untagged': {
    en: 'untagged',
    ko: '태그 없음',
  },
  'f5-build-release-run.rollback.mutable': {
    en: '{{workloads}} run the mutable tag {{tag}} and no unique tag exists, so no previous release can be named',
    ko: '{{workloads}}이(가) 변경 가능한 태그 {{tag}}을(를) 실행하고 고유 태그가 없어 이전 릴리스를 지정할 수 없음',
  },
  'f5-build-release-run.rollback.mutable-always': {
    en: '{{workloads}} run the mutable tag {{tag}} with imagePullPolicy Always and no unique tag exists, so no previous release can be named',
    ko: '{{workloads}}이(가) 변경 가능한 태그 {{tag}}을(를) imagePullPolicy Always로 실행하고 고유 태그가 없어 이전 릴리스를 지정할 수 없음',
  },
  'f5-build-release-run.rollback.no-workloads': {
    en: 'No long-running workloads',
    ko: '장기 실행 워크로드 없음',
  },
  'f5-build-release-run.rollback.no-workloads-reason': {
    en: 'None of {{targets}} runs a Deployment, StatefulSet, DaemonSet or Rollout.',
    ko: '{{targets}} 중 Deployment, StatefulSet, DaemonSet, Rollout을 실행하는 것이 없습니다.',
  },
  // evidence notes on deployed images
  'f5-build-release-run.immutable-image.pinned-note': {
    en: '{{image}} ({{kind}})',
    ko: '{{image}} ({{kind}}(으)로 고정)',
  },
  'f5-build-release-run.immutable-image.deploy-time-note': {
    en: '{{image}} (tag and digest written at deploy by {{tool}})',
    ko: '{{image}} (배포 시 {{tool}}이(가) 태그와 digest를 기록)',
  },
  'f5-build-release-run.immutable-image.pinned-deployed-note': {
    en: '{{image}} ({{kind}} deployed)',
    ko: '{{image}} ({{kind}} 배포됨)',
  },
  'f5-build-release-run.immutable-image.deploy-time-deployed-note': {
    en: '{{image}} (tag and digest written at deploy by {{tool}} deployed)',
    ko: '{{image}} (배포 시 {{tool}}이(가) 태그와 digest를 기록해 배포됨)',
  },
  'f5-build-release-run.immutable-image.floating-note': {
    en: '{{image}} (mutable: floating tag {{tag}})',
    ko: '{{image}} (변경 가능: 유동 태그 {{tag}})',
  },
  'f5-build-release-run.immutable-image.mutable-note': {
    en: '{{image}} (mutable: {{kind}})',
    ko: '{{image}} (변경 가능: {{kind}})',
  },
  'f5-build-release-run.release-versioning.semver-note': {
    en: '{{image}} (semantic version deployed)',
    ko: '{{image}} (시맨틱 버전 배포됨)',
  },
  'f5-build-release-run.rollback.policy-note': {
    en: '{{image}}, imagePullPolicy {{policy}}',
    ko: '{{image}}, imagePullPolicy는 {{policy}}',
  },
  'f5-build-release-run.rollback.default-always-note': {
    en: '{{image}}, imagePullPolicy Always (default for this tag)',
    ko: '{{image}}, imagePullPolicy는 Always (이 태그의 기본값)',
  },
};
