import type { MessageCatalog } from '../engineMessages';

/** CI/CD. */
export const cnCicd: MessageCatalog = {
  // automated-build: `CI builds automatically: a on push (main); b on pull_request`
  'cn-cicd.automated-build.automatic': {
    en: 'CI builds automatically: {{path}} on {{triggers}}',
    ko: 'CI가 자동으로 빌드함: {{path}} ({{triggers}} 시)',
  },
  'cn-cicd.automated-build.automatic-branches': {
    en: 'CI builds automatically: {{path}} on {{triggers}} ({{branches}})',
    ko: 'CI가 자동으로 빌드함: {{path}} ({{branches}}의 {{triggers}} 시)',
  },
  'cn-cicd.automated-build.also-automatic': {
    en: '{{path}} on {{triggers}}',
    ko: '{{path}} ({{triggers}} 시)',
  },
  'cn-cicd.automated-build.also-automatic-branches': {
    en: '{{path}} on {{triggers}} ({{branches}})',
    ko: '{{path}} ({{branches}}의 {{triggers}} 시)',
  },
  'cn-cicd.automated-build.step-note': {
    en: 'build step: {{text}}',
    ko: '빌드 단계: {{text}}',
  },
  'cn-cicd.automated-build.no-step': {
    en: 'CI ({{files}}) has no build or test step',
    ko: 'CI({{files}})에 빌드나 테스트 단계 없음',
  },
  'cn-cicd.automated-build.no-ci': {
    en: 'No CI pipeline: builds are made by hand',
    ko: 'CI 파이프라인 없음: 빌드를 수동으로 함',
  },
  // `files`: each CI file with its triggers (`ci.yml: workflow_dispatch`).
  'cn-cicd.automated-build.by-hand': {
    en: 'CI builds only when started by hand ({{files}})',
    ko: 'CI가 수동으로 시작할 때만 빌드함 ({{files}})',
  },
  'cn-cicd.automated-build.manual-step-note': {
    en: 'build step without an automatic trigger: {{text}}',
    ko: '자동 트리거가 없는 빌드 단계: {{text}}',
  },
  'cn-cicd.automated-build.no-step-note': {
    en: 'no build step',
    ko: '빌드 단계 없음',
  },
  'cn-cicd.automated-build.advice': {
    en: 'Build (and test) every push and pull request in CI, so each change yields a tested artifact.',
    ko: '모든 push와 pull request를 CI에서 빌드(및 테스트)해 변경마다 테스트를 거친 아티팩트가 나오게 하세요.',
  },
  // automated-deploy
  'cn-cicd.automated-deploy.gitops': {
    en: '{{tool}} deploy(s) automatically on merge ({{objects}})',
    ko: '병합 시 {{tool}}이(가) 자동으로 배포함 ({{objects}})',
  },
  'cn-cicd.automated-deploy.gitops-both': {
    en: '{{tool}} and {{other}} deploy(s) automatically on merge ({{objects}})',
    ko: '병합 시 {{tool}}와(과) {{other}}이(가) 자동으로 배포함 ({{objects}})',
  },
  'cn-cicd.automated-deploy.ci': {
    en: 'CI deploys automatically with {{tools}} ({{files}})',
    ko: 'CI가 {{tools}}(으)로 자동 배포함 ({{files}})',
  },
  'cn-cicd.automated-deploy.step-note': {
    en: 'deploy step: {{text}}',
    ko: '배포 단계: {{text}}',
  },
  'cn-cicd.automated-deploy.none': {
    en: 'No deploy found in the repository',
    ko: '저장소에서 배포를 찾지 못함',
  },
  'cn-cicd.automated-deploy.none-reason': {
    en: 'Neither CI nor a GitOps object in the repository deploys the service, and no cluster was consulted: its deploys may be defined in another repository (a GitOps configuration repository, a platform pipeline), so manual deploys cannot be told from deploys run elsewhere.',
    ko: '저장소의 CI도 GitOps 오브젝트도 서비스를 배포하지 않고, 조회한 클러스터도 없습니다. 배포가 다른 저장소(GitOps 설정 저장소, 플랫폼 파이프라인)에 정의되어 있을 수 있으므로 수동 배포와 다른 곳에서 실행되는 배포를 구별할 수 없습니다.',
  },
  'cn-cicd.automated-deploy.manual': {
    en: 'No CI deploy step and no GitOps controller: deploys are manual',
    ko: 'CI 배포 단계와 GitOps 컨트롤러 없음: 배포가 수동임',
  },
  'cn-cicd.automated-deploy.started-by-hand': {
    en: 'Deploys run only when started by hand',
    ko: '배포가 수동으로 시작할 때만 실행됨',
  },
  'cn-cicd.automated-deploy.gitops-by-hand': {
    en: 'GitOps objects exist ({{objects}}) but sync only by hand, and CI does not deploy',
    ko: 'GitOps 오브젝트({{objects}})가 있지만 수동으로만 동기화되고, CI는 배포하지 않음',
  },
  'cn-cicd.automated-deploy.manual-step-note': {
    en: 'deploy without an automatic trigger: {{text}}',
    ko: '자동 트리거가 없는 배포: {{text}}',
  },
  'cn-cicd.automated-deploy.gitops-advice': {
    en: 'Let a GitOps controller deploy every merge: an Argo CD Application per deploy target with automated sync (CI then only pushes images and updates tags in Git).',
    ko: '모든 병합을 GitOps 컨트롤러가 배포하게 하세요. 배포 대상마다 automated sync를 켠 Argo CD Application을 두고, CI는 이미지 push와 Git의 태그 갱신만 맡깁니다.',
  },
  'cn-cicd.automated-deploy.advice': {
    en: 'Deploy every merge automatically: a CI deploy job after the image build, or a GitOps controller (Argo CD, Flux) syncing the manifests.',
    ko: '모든 병합을 자동으로 배포하세요. 이미지 빌드 뒤의 CI 배포 job이나, 매니페스트를 동기화하는 GitOps 컨트롤러(Argo CD, Flux)를 쓰면 됩니다.',
  },
  // environment-separation
  'cn-cicd.environment-separation.job-note': {
    en: 'job {{job}} deploys to environment {{environment}}',
    ko: 'job {{job}}이(가) 환경 {{environment}}에 배포함',
  },
  'cn-cicd.environment-separation.selects-note': {
    en: 'selects environment {{environment}}',
    ko: '환경 {{environment}} 선택',
  },
  'cn-cicd.environment-separation.release-note': {
    en: 'Cloud Deploy release through delivery pipeline {{pipeline}}: targets {{targets}}',
    ko: '전달 파이프라인 {{pipeline}}을(를) 거치는 Cloud Deploy 릴리스: 대상 {{targets}}',
  },
  'cn-cicd.environment-separation.release-unnamed-note': {
    en: 'Cloud Deploy release through delivery pipeline: targets {{targets}}',
    ko: '전달 파이프라인을 거치는 Cloud Deploy 릴리스: 대상 {{targets}}',
  },
  'cn-cicd.environment-separation.target-note': {
    en: 'Cloud Deploy target {{target}}',
    ko: 'Cloud Deploy 대상 {{target}}',
  },
  'cn-cicd.environment-separation.remote-values-note': {
    en: 'values for {{env}} of the remote Helm chart {{chart}}',
    ko: '원격 Helm chart {{chart}}의 {{env}} 환경 values',
  },
  'cn-cicd.environment-separation.several': {
    en: 'The pipeline deploys to {{n}} environments ({{environments}})',
    ko: '파이프라인이 환경 {{n}}개에 배포함 ({{environments}})',
  },
  'cn-cicd.environment-separation.no-pipeline': {
    en: 'No deploy pipeline',
    ko: '배포 파이프라인 없음',
  },
  'cn-cicd.environment-separation.no-pipeline-reason': {
    en: 'The pipeline does not deploy (no CI deploy step, no GitOps object), so there are no pipeline environments to compare.',
    ko: '파이프라인이 배포하지 않으므로(CI 배포 단계도 GitOps 오브젝트도 없음) 비교할 파이프라인 환경이 없습니다.',
  },
  // `pipelines`: the delivery pipelines' names, `(unnamed)` for a release that names none.
  'cn-cicd.environment-separation.cloud-deploy': {
    en: 'CI releases through Cloud Deploy (delivery pipeline {{pipelines}}), whose targets the repository does not declare',
    ko: 'CI가 Cloud Deploy(전달 파이프라인 {{pipelines}})로 릴리스하지만, 그 대상을 저장소에서 선언하지 않음',
  },
  'cn-cicd.environment-separation.cloud-deploy-reason': {
    en: "A Cloud Deploy release goes through its delivery pipeline's targets, which are declared outside the repository (no clouddeploy.yaml DeliveryPipeline or Terraform google_clouddeploy_* resource names them).",
    ko: 'Cloud Deploy 릴리스는 전달 파이프라인의 대상을 거치는데, 그 대상이 저장소 밖에서 선언되어 있습니다(이를 지정하는 clouddeploy.yaml DeliveryPipeline이나 Terraform google_clouddeploy_* 리소스가 없음).',
  },
  'cn-cicd.environment-separation.cloud-deploy-note': {
    en: 'Cloud Deploy release: {{text}}',
    ko: 'Cloud Deploy 릴리스: {{text}}',
  },
  'cn-cicd.environment-separation.one': {
    en: 'The pipeline deploys to one environment',
    ko: '파이프라인이 환경 하나에만 배포함',
  },
  'cn-cicd.environment-separation.one-named': {
    en: 'The pipeline deploys to one environment ({{environment}})',
    ko: '파이프라인이 환경 하나에만 배포함 ({{environment}})',
  },
  'cn-cicd.environment-separation.deploys-note': {
    en: 'deploys: {{text}}',
    ko: '배포: {{text}}',
  },
  'cn-cicd.environment-separation.overlays-advice': {
    en: 'Deploy each overlay ({{overlays}}) from its own pipeline stage or environment, production after a non-production one.',
    ko: '각 overlay({{overlays}})를 별도의 파이프라인 스테이지나 environment에서 배포하고, 프로덕션은 비프로덕션 다음에 배포하세요.',
  },
  'cn-cicd.environment-separation.advice': {
    en: 'Add a non-production environment (its own namespace or overlay) that every change passes before production, each deployed by its own pipeline job.',
    ko: '모든 변경이 프로덕션 전에 거치는 비프로덕션 환경(별도 네임스페이스나 overlay)을 추가하고, 각 환경을 별도의 파이프라인 job으로 배포하세요.',
  },
  // gitops; an object's note: `Argo CD Application cms-prd → cms-prd (automated sync)`
  'cn-cicd.gitops.object-automated-note': {
    en: '{{tool}} {{kind}} {{name}} → {{destination}} (automated sync)',
    ko: '{{tool}} {{kind}} {{name}} → {{destination}} (자동 동기화)',
  },
  'cn-cicd.gitops.object-manual-note': {
    en: '{{tool}} {{kind}} {{name}} → {{destination}} (manual sync)',
    ko: '{{tool}} {{kind}} {{name}} → {{destination}} (수동 동기화)',
  },
  'cn-cicd.gitops.manage': {
    en: '{{tool}} manage(s) the workloads ({{objects}})',
    ko: '{{tool}}이(가) 워크로드를 관리함 ({{objects}})',
  },
  'cn-cicd.gitops.manage-both': {
    en: '{{tool}} and {{other}} manage(s) the workloads ({{objects}})',
    ko: '{{tool}}와(과) {{other}}이(가) 워크로드를 관리함 ({{objects}})',
  },
  'cn-cicd.gitops.also-direct': {
    en: 'CI also runs {{tools}} directly',
    ko: 'CI도 {{tools}}을(를) 직접 실행함',
  },
  'cn-cicd.gitops.next-to-gitops-note': {
    en: 'direct deploy next to GitOps: {{text}}',
    ko: 'GitOps와 별도로 직접 배포: {{text}}',
  },
  'cn-cicd.gitops.hands-over': {
    en: 'CI hands deploys to {{tool}} ({{text}})',
    ko: 'CI가 배포를 {{tool}}에 넘김 ({{text}})',
  },
  'cn-cicd.gitops.hands-over-both': {
    en: 'CI hands deploys to {{tool}} and {{other}} ({{text}})',
    ko: 'CI가 배포를 {{tool}}와(과) {{other}}에 넘김 ({{text}})',
  },
  'cn-cicd.gitops.sync-note': {
    en: 'GitOps sync: {{text}}',
    ko: 'GitOps 동기화: {{text}}',
  },
  'cn-cicd.gitops.advice': {
    en: 'Let Argo CD (or Flux) apply the manifests from Git: one Application per deploy target with automated sync and self-heal, CI only building images and updating the image tag in Git. Drift is corrected and every change is a commit.',
    ko: 'Argo CD(또는 Flux)가 Git의 매니페스트를 적용하게 하세요. 배포 대상마다 automated sync와 self-heal을 켠 Application을 하나씩 두고, CI는 이미지 빌드와 Git의 이미지 태그 갱신만 맡깁니다. 드리프트가 바로잡히고 모든 변경이 커밋으로 남습니다.',
  },
  'cn-cicd.gitops.direct': {
    en: 'CI runs {{tools}} against the cluster directly; no Argo CD Application or Flux object manages the workloads',
    ko: 'CI가 클러스터에 {{tools}}을(를) 직접 실행하고, 워크로드를 관리하는 Argo CD Application이나 Flux 오브젝트 없음',
  },
  'cn-cicd.gitops.direct-note': {
    en: 'direct deploy: {{text}}',
    ko: '직접 배포: {{text}}',
  },
  'cn-cicd.gitops.none-in-clusters': {
    en: 'No Argo CD Application or Flux object deploys the workloads in {{clusters}}, and CI does not deploy',
    ko: '{{clusters}}의 워크로드를 배포하는 Argo CD Application이나 Flux 오브젝트가 없고, CI도 배포하지 않음',
  },
  'cn-cicd.gitops.namespace-note': {
    en: 'no GitOps object targets this namespace',
    ko: '이 네임스페이스를 대상으로 하는 GitOps 오브젝트 없음',
  },
  'cn-cicd.gitops.not-visible': {
    en: 'Deployment method not visible',
    ko: '배포 방식이 보이지 않음',
  },
  'cn-cicd.gitops.not-visible-reason': {
    en: 'Neither the repository nor CI shows how the service is deployed, and no cluster was consulted: GitOps may be configured in another repository.',
    ko: '저장소와 CI 어디에도 서비스의 배포 방식이 드러나지 않고, 조회한 클러스터도 없습니다. GitOps가 다른 저장소에 설정되어 있을 수 있습니다.',
  },
  'cn-cicd.gitops.no-repo-reason': {
    en: 'The repository could not be read and no cluster shows a GitOps object for the service.',
    ko: '저장소를 읽을 수 없었고, 서비스의 GitOps 오브젝트를 보여 주는 클러스터도 없습니다.',
  },
  // rollback
  'cn-cicd.rollback.automatic': {
    en: 'The pipeline rolls back automatically ({{text}})',
    ko: '파이프라인이 자동으로 롤백함 ({{text}})',
  },
  'cn-cicd.rollback.automatic-note': {
    en: 'automated rollback: {{text}}',
    ko: '자동 롤백: {{text}}',
  },
  'cn-cicd.rollback.analysis': {
    en: '{{objects}} abort(s) failing releases on analysis',
    ko: '{{objects}}이(가) 분석 결과에 따라 실패한 릴리스를 중단함',
  },
  'cn-cicd.rollback.analysis-note': {
    en: '{{tool}} analysis rolls back a failing release',
    ko: '{{tool}} 분석이 실패한 릴리스를 롤백함',
  },
  'cn-cicd.rollback.manual': {
    en: 'Rollback is manual: kubectl rollout undo is possible, but nothing undoes a failed release by itself',
    ko: '롤백이 수동임: kubectl rollout undo는 가능하지만 실패한 릴리스를 스스로 되돌리는 장치가 없음',
  },
  'cn-cicd.rollback.no-undo-note': {
    en: 'deploy without rollback on failure: {{text}}',
    ko: '실패 시 롤백하지 않는 배포: {{text}}',
  },
  'cn-cicd.rollback.revisions-note': {
    en: '{{kind}} keeps {{n}} old revision(s) for a manual undo',
    ko: '{{kind}}이(가) 수동 되돌리기용 이전 리비전을 {{n}}개 보관함',
  },
  'cn-cicd.rollback.no-history-note': {
    en: 'revisionHistoryLimit 0: not even a manual undo is possible',
    ko: 'revisionHistoryLimit 0: 수동 되돌리기조차 불가능함',
  },
  'cn-cicd.rollback.undo-advice': {
    en: 'Make the deploy step undo a release that does not become healthy (or use helm upgrade --atomic, or Argo Rollouts with an AnalysisTemplate).',
    ko: '배포 단계가 정상 상태가 되지 않는 릴리스를 되돌리게 하세요(또는 helm upgrade --atomic이나 AnalysisTemplate을 쓰는 Argo Rollouts를 사용하세요).',
  },
  'cn-cicd.rollback.replace-status-advice': {
    en: 'Replace the rollout status line in {{path}} with:',
    ko: '{{path}}의 rollout status 줄을 다음으로 바꾸세요:',
  },
  'cn-cicd.rollback.add-after-advice': {
    en: 'Add after `{{text}}` in {{path}}:',
    ko: '{{path}}의 `{{text}}` 다음에 추가하세요:',
  },
  'cn-cicd.rollback.rollouts-advice': {
    en: 'Roll back failing releases automatically: Argo Rollouts with an AnalysisTemplate (or Flagger) for {{workload}}, so a release that fails its metrics is aborted without a person.',
    ko: '실패한 릴리스를 자동으로 롤백하세요. {{workload}}에 AnalysisTemplate을 쓰는 Argo Rollouts(또는 Flagger)를 적용하면 지표를 통과하지 못한 릴리스가 사람 없이 중단됩니다.',
  },
  'cn-cicd.rollback.nothing-reason': {
    en: 'No Deployments or StatefulSets, and no Rollout or Canary with analysis, in {{targets}}, and no rollback in CI.',
    ko: '{{targets}}에 Deployment나 StatefulSet도, 분석을 쓰는 Rollout이나 Canary도 없고, CI에도 롤백이 없습니다.',
  },
  // progressive-delivery: the ways (`<way>-note`) and a finding for each
  'cn-cicd.progressive-delivery.argo-rollouts-blue-green-note': {
    en: 'Argo Rollouts blue-green',
    ko: 'Argo Rollouts 블루-그린',
  },
  'cn-cicd.progressive-delivery.argo-rollouts-canary-note': {
    en: 'Argo Rollouts canary',
    ko: 'Argo Rollouts 카나리',
  },
  'cn-cicd.progressive-delivery.flagger-canary-note': {
    en: 'Flagger canary',
    ko: 'Flagger 카나리',
  },
  'cn-cicd.progressive-delivery.smi-traffic-split-note': {
    en: 'SMI traffic split',
    ko: 'SMI 트래픽 분할',
  },
  'cn-cicd.progressive-delivery.istio-weighted-note': {
    en: 'Istio weighted routing',
    ko: 'Istio 가중치 라우팅',
  },
  'cn-cicd.progressive-delivery.gateway-api-weighted-note': {
    en: 'Gateway API weighted routing',
    ko: 'Gateway API 가중치 라우팅',
  },
  'cn-cicd.progressive-delivery.ingress-nginx-canary-note': {
    en: 'ingress-nginx canary',
    ko: 'ingress-nginx 카나리',
  },
  'cn-cicd.progressive-delivery.by-argo-rollouts-blue-green': {
    en: 'Progressive delivery: Argo Rollouts blue-green',
    ko: '점진적 배포: Argo Rollouts 블루-그린',
  },
  'cn-cicd.progressive-delivery.by-argo-rollouts-canary': {
    en: 'Progressive delivery: Argo Rollouts canary',
    ko: '점진적 배포: Argo Rollouts 카나리',
  },
  'cn-cicd.progressive-delivery.by-flagger-canary': {
    en: 'Progressive delivery: Flagger canary',
    ko: '점진적 배포: Flagger 카나리',
  },
  'cn-cicd.progressive-delivery.by-smi-traffic-split': {
    en: 'Progressive delivery: SMI traffic split',
    ko: '점진적 배포: SMI 트래픽 분할',
  },
  'cn-cicd.progressive-delivery.by-istio-weighted': {
    en: 'Progressive delivery: Istio weighted routing',
    ko: '점진적 배포: Istio 가중치 라우팅',
  },
  'cn-cicd.progressive-delivery.by-gateway-api-weighted': {
    en: 'Progressive delivery: Gateway API weighted routing',
    ko: '점진적 배포: Gateway API 가중치 라우팅',
  },
  'cn-cicd.progressive-delivery.by-ingress-nginx-canary': {
    en: 'Progressive delivery: ingress-nginx canary',
    ko: '점진적 배포: ingress-nginx 카나리',
  },
  // Several ways at once: `ways` lists their English names.
  'cn-cicd.progressive-delivery.several': {
    en: 'Progressive delivery: {{ways}}',
    ko: '점진적 배포: {{ways}}',
  },
  'cn-cicd.progressive-delivery.rolling': {
    en: 'Releases replace all pods with a rolling update; no canary or blue-green',
    ko: '릴리스가 rolling update로 모든 파드를 교체함. 카나리나 블루-그린 없음',
  },
  'cn-cicd.progressive-delivery.rolling-note': {
    en: '{{kind}} with strategy {{strategy}}; no Rollout, Canary or weighted route',
    ko: 'strategy가 {{strategy}}인 {{kind}}. Rollout, Canary, 가중치 라우트 없음',
  },
  'cn-cicd.progressive-delivery.advice': {
    en: 'Release {{workload}} as a canary with Argo Rollouts (or Flagger): a share of traffic first, then the rest after a pause (add an AnalysisTemplate to promote or abort on metrics).',
    ko: '{{workload}}을(를) Argo Rollouts(또는 Flagger)로 카나리 릴리스하세요. 트래픽 일부를 먼저 보내고 잠시 멈춘 뒤 나머지를 보냅니다(지표에 따라 승격하거나 중단하려면 AnalysisTemplate을 추가하세요).',
  },
  'cn-cicd.progressive-delivery.nothing-reason': {
    en: 'No long-running workloads and no Rollout, Canary or weighted route in {{targets}}.',
    ko: '{{targets}}에 장기 실행 워크로드도, Rollout, Canary, 가중치 라우트도 없습니다.',
  },
};
