import type { MessageCatalog } from '../engineMessages';

/*
 * An admin run (`runs.*`) is said of a workload, with its command line as
 * data in its brackets (` ("alembic upgrade head")`, empty when the image's
 * entrypoint runs) and the release hook it runs as (`hook-helm`,
 * `hook-argocd`: the hook's name as the annotation writes it).
 */

/** XII. Admin processes. */
export const f12AdminProcesses: MessageCatalog = {
  'f12-admin-processes.hook-helm': {
    en: 'Helm hook {{hook}}',
    ko: 'Helm {{hook}} 훅',
  },
  'f12-admin-processes.hook-argocd': {
    en: 'Argo CD {{hook}} hook',
    ko: 'Argo CD {{hook}} 훅',
  },
  // admin runs
  'f12-admin-processes.runs.migrates': {
    en: '{{kind}} {{name}} runs the migrations{{command}}',
    ko: '{{kind}} {{name}}에서 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-hook': {
    en: '{{kind}} {{name}} runs the migrations{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}에서 {{hook}} 단계에 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-init': {
    en: '{{kind}} {{name}} init container {{container}} runs the migrations{{command}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-init-hook': {
    en: '{{kind}} {{name}} init container {{container}} runs the migrations{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 {{hook}} 단계에 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-before-start': {
    en: '{{kind}} {{name}} init container {{container}} runs the migrations before the app starts{{command}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 앱 시작 전에 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-before-start-hook': {
    en: '{{kind}} {{name}} init container {{container}} runs the migrations before the app starts{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 {{hook}} 단계에 앱 시작 전 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-every-start': {
    en: '{{kind}} {{name}} runs the migrations on every start of every replica{{command}}',
    ko: '{{kind}} {{name}}에서 모든 레플리카가 시작할 때마다 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.migrates-every-start-hook': {
    en: '{{kind}} {{name}} runs the migrations on every start of every replica{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}에서 {{hook}} 단계에 모든 레플리카가 시작할 때마다 마이그레이션 실행{{command}}',
  },
  'f12-admin-processes.runs.seeds': {
    en: '{{kind}} {{name}} seeds data{{command}}',
    ko: '{{kind}} {{name}}에서 시드 데이터 적재{{command}}',
  },
  'f12-admin-processes.runs.seeds-hook': {
    en: '{{kind}} {{name}} seeds data{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}에서 {{hook}} 단계에 시드 데이터 적재{{command}}',
  },
  'f12-admin-processes.runs.seeds-init': {
    en: '{{kind}} {{name}} init container {{container}} seeds data{{command}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 시드 데이터 적재{{command}}',
  },
  'f12-admin-processes.runs.seeds-init-hook': {
    en: '{{kind}} {{name}} init container {{container}} seeds data{{command}} as a {{hook}}',
    ko: '{{kind}} {{name}}의 init container {{container}}에서 {{hook}} 단계에 시드 데이터 적재{{command}}',
  },
  // migration-job
  'f12-admin-processes.migration-job.cleaned-up-note': {
    en: 'no migration Job in this namespace now; finished Jobs may have been cleaned up',
    ko: '현재 이 네임스페이스에 마이그레이션 Job 없음. 완료된 Job은 정리되었을 수 있음',
  },
  'f12-admin-processes.migration-job.none-in-set': {
    en: 'no Job runs the migrations',
    ko: '마이그레이션을 실행하는 Job 없음',
  },
  'f12-admin-processes.migration-job.none-in-set-note': {
    en: 'no Job, CronJob or init container runs migrations',
    ko: '마이그레이션을 실행하는 Job, CronJob, init container 없음',
  },
  'f12-admin-processes.migration-job.job-advice': {
    en: "Run the migrations once per release in a Job that uses the app's image and configuration.",
    ko: '앱과 같은 이미지와 설정을 쓰는 Job에서 릴리스마다 한 번씩 마이그레이션을 실행하세요.',
  },
  'f12-admin-processes.migration-job.not-at-start-advice': {
    en: "Run the migrations once per release in a Job (or a Helm/Argo CD pre-sync hook) that uses the app's image and configuration, not at application start.",
    ko: '마이그레이션은 애플리케이션 시작 시점이 아니라, 앱과 같은 이미지와 설정을 쓰는 Job(또는 Helm/Argo CD pre-sync hook)에서 릴리스마다 한 번씩 실행하세요.',
  },
  // `object` is the object and field of a file's evidence (`Deployment/cms spec…command: `), or empty.
  'f12-admin-processes.migration-job.at-start-in-manifests': {
    en: 'Migrations run at application start in every replica ({{object}}{{kind}} {{name}} runs the migrations on every start of every replica{{command}})',
    ko: '모든 레플리카에서 애플리케이션 시작 시 마이그레이션 실행 ({{object}}{{kind}} {{name}}에서 모든 레플리카가 시작할 때마다 마이그레이션 실행{{command}})',
  },
  'f12-admin-processes.migration-job.at-start-in-manifests-hook': {
    en: 'Migrations run at application start in every replica ({{object}}{{kind}} {{name}} runs the migrations on every start of every replica{{command}} as a {{hook}})',
    ko: '모든 레플리카에서 애플리케이션 시작 시 마이그레이션 실행 ({{object}}{{kind}} {{name}}에서 {{hook}} 단계에 모든 레플리카가 시작할 때마다 마이그레이션 실행{{command}})',
  },
  'f12-admin-processes.migration-job.at-start-in-code': {
    en: 'Migrations run at application start in every replica ({{location}})',
    ko: '모든 레플리카에서 애플리케이션 시작 시 마이그레이션 실행 ({{location}})',
  },
  'f12-admin-processes.migration-job.library-elsewhere': {
    en: 'No Job runs the migrations; {{libraries}} in the dependencies migrates elsewhere (typically at application start) or not at all',
    ko: '마이그레이션을 실행하는 Job 없음. 종속성의 {{libraries}}은(는) 다른 곳(보통 애플리케이션 시작 시)에서 마이그레이션하거나 전혀 하지 않음',
  },
  'f12-admin-processes.migration-job.libraries-elsewhere': {
    en: 'No Job runs the migrations; {{libraries}} in the dependencies migrate elsewhere (typically at application start) or not at all',
    ko: '마이그레이션을 실행하는 Job 없음. 종속성의 {{libraries}}은(는) 다른 곳(보통 애플리케이션 시작 시)에서 마이그레이션하거나 전혀 하지 않음',
  },
  'f12-admin-processes.migration-job.database-no-job': {
    en: 'The service uses a database but no Job runs migrations',
    ko: '서비스가 데이터베이스를 쓰지만 마이그레이션을 실행하는 Job 없음',
  },
  'f12-admin-processes.migration-job.database-note': {
    en: '{{dependency}}: database dependency, no migration Job',
    ko: '{{dependency}}: 데이터베이스 종속성, 마이그레이션 Job 없음',
  },
  'f12-admin-processes.migration-job.no-database': {
    en: 'No migration Job and no database dependency',
    ko: '마이그레이션 Job과 데이터베이스 종속성 없음',
  },
  'f12-admin-processes.migration-job.no-database-reason': {
    en: 'The service declares no database or migration library, so it may have no schema to migrate.',
    ko: '서비스가 데이터베이스나 마이그레이션 라이브러리를 선언하지 않으므로 마이그레이션할 스키마가 없을 수 있습니다.',
  },
  'f12-admin-processes.migration-job.no-code-reason': {
    en: 'No migration Job, and without the source code it is unknown whether the service has a database.',
    ko: '마이그레이션 Job이 없고, 소스 코드 없이는 서비스가 데이터베이스를 쓰는지 알 수 없습니다.',
  },
  // seed-job
  'f12-admin-processes.seed-job.none': {
    en: 'No Job seeds data',
    ko: '시드 데이터를 적재하는 Job 없음',
  },
  'f12-admin-processes.seed-job.none-reason': {
    en: 'No Job or CronJob loads seed data (by name or command); the service may need no seeding.',
    ko: '(이름이나 명령으로 보아) 시드 데이터를 적재하는 Job이나 CronJob이 없습니다. 서비스에 시드 데이터가 필요 없을 수 있습니다.',
  },
  'f12-admin-processes.seed-job.seeded': {
    en: 'Data is seeded by {{jobs}}',
    ko: '{{jobs}}에서 시드 데이터 적재',
  },
  // same-release
  'f12-admin-processes.same-release.same': {
    en: "{{jobs}} use the app's image and configuration",
    ko: '{{jobs}}이(가) 앱과 같은 이미지와 설정을 사용함',
  },
  'f12-admin-processes.same-release.same-note': {
    en: 'image {{images}}, same ConfigMaps/Secrets as {{apps}}',
    ko: '이미지 {{images}}, {{apps}}와(과) 같은 ConfigMap/Secret 사용',
  },
  // A Job's evidence: what is wrong with it, in one note (`image-config`: both).
  'f12-admin-processes.same-release.image-note': {
    en: "image {{images}} is not the app's ({{app}})",
    ko: '이미지 {{images}}이(가) 앱 이미지({{app}})가 아님',
  },
  'f12-admin-processes.same-release.config-note': {
    en: 'reads {{config}}, which the app does not',
    ko: '앱이 읽지 않는 {{config}}을(를) 읽음',
  },
  'f12-admin-processes.same-release.no-config-note': {
    en: "reads none of the app's ConfigMaps/Secrets",
    ko: '앱의 ConfigMap/Secret을 하나도 읽지 않음',
  },
  'f12-admin-processes.same-release.image-config-note': {
    en: "image {{images}} is not the app's ({{app}}); reads {{config}}, which the app does not",
    ko: '이미지 {{images}}이(가) 앱 이미지({{app}})가 아님. 앱이 읽지 않는 {{config}}을(를) 읽음',
  },
  'f12-admin-processes.same-release.image-no-config-note': {
    en: "image {{images}} is not the app's ({{app}}); reads none of the app's ConfigMaps/Secrets",
    ko: '이미지 {{images}}이(가) 앱 이미지({{app}})가 아님. 앱의 ConfigMap/Secret을 하나도 읽지 않음',
  },
  // A Job's part of the finding: the same, after the Job.
  'f12-admin-processes.same-release.job-image': {
    en: "{{kind}} {{name}}: image {{images}} is not the app's ({{app}})",
    ko: '{{kind}} {{name}}: 이미지 {{images}}이(가) 앱 이미지({{app}})가 아님',
  },
  'f12-admin-processes.same-release.job-config': {
    en: '{{kind}} {{name}}: reads {{config}}, which the app does not',
    ko: '{{kind}} {{name}}: 앱이 읽지 않는 {{config}}을(를) 읽음',
  },
  'f12-admin-processes.same-release.job-no-config': {
    en: "{{kind}} {{name}}: reads none of the app's ConfigMaps/Secrets",
    ko: '{{kind}} {{name}}: 앱의 ConfigMap/Secret을 하나도 읽지 않음',
  },
  'f12-admin-processes.same-release.job-image-config': {
    en: "{{kind}} {{name}}: image {{images}} is not the app's ({{app}}); reads {{config}}, which the app does not",
    ko: '{{kind}} {{name}}: 이미지 {{images}}이(가) 앱 이미지({{app}})가 아님. 앱이 읽지 않는 {{config}}을(를) 읽음',
  },
  'f12-admin-processes.same-release.job-image-no-config': {
    en: "{{kind}} {{name}}: image {{images}} is not the app's ({{app}}); reads none of the app's ConfigMaps/Secrets",
    ko: '{{kind}} {{name}}: 이미지 {{images}}이(가) 앱 이미지({{app}})가 아님. 앱의 ConfigMap/Secret을 하나도 읽지 않음',
  },
  'f12-admin-processes.same-release.advice': {
    en: 'Run admin Jobs from the release the app runs: the image {{image}} and the ConfigMaps/Secrets of {{app}}.',
    ko: '관리용 Job은 앱이 실행 중인 릴리스, 즉 이미지 {{image}}와 {{app}}의 ConfigMap/Secret으로 실행하세요.',
  },
  'f12-admin-processes.same-release.advice-no-image': {
    en: 'Run admin Jobs from the release the app runs: the image of the app and the ConfigMaps/Secrets of {{app}}.',
    ko: '관리용 Job은 앱이 실행 중인 릴리스, 즉 앱의 이미지와 {{app}}의 ConfigMap/Secret으로 실행하세요.',
  },
  'f12-admin-processes.same-release.no-job': {
    en: 'No admin Job to compare with the app',
    ko: '앱과 비교할 관리용 Job 없음',
  },
  'f12-admin-processes.same-release.no-job-reason': {
    en: "No deploy target or cluster namespace has a Job or CronJob next to the app's workloads.",
    ko: '어느 배포 대상이나 클러스터 네임스페이스에도 앱 워크로드와 함께 있는 Job이나 CronJob이 없습니다.',
  },
  // run-once
  'f12-admin-processes.run-once.all-bounded': {
    en: 'every Job sets backoffLimit and is cleaned up',
    ko: '모든 Job에 backoffLimit이 설정되어 있고 완료 후 정리됨',
  },
  'f12-admin-processes.run-once.lacks': {
    en: '{{kind}} {{name}} lacks {{field}}',
    ko: '{{kind}} {{name}}에 {{field}} 없음',
  },
  'f12-admin-processes.run-once.lacks-both': {
    en: '{{kind}} {{name}} lacks backoffLimit and ttlSecondsAfterFinished',
    ko: '{{kind}} {{name}}에 backoffLimit과 ttlSecondsAfterFinished 없음',
  },
  'f12-admin-processes.run-once.bounded-note': {
    en: 'backoffLimit {{backoffLimit}}, ttlSecondsAfterFinished {{ttl}}',
    ko: 'backoffLimit {{backoffLimit}}, ttlSecondsAfterFinished {{ttl}} 설정됨',
  },
  'f12-admin-processes.run-once.controller-note': {
    en: 'backoffLimit {{backoffLimit}}, cleaned up by its controller',
    ko: 'backoffLimit {{backoffLimit}}, 컨트롤러가 정리함',
  },
  'f12-admin-processes.run-once.lacks-note': {
    en: 'no {{field}}',
    ko: '{{field}} 없음',
  },
  'f12-admin-processes.run-once.lacks-both-note': {
    en: 'no backoffLimit, no ttlSecondsAfterFinished',
    ko: 'backoffLimit 없음, ttlSecondsAfterFinished 없음',
  },
  'f12-admin-processes.run-once.advice': {
    en: 'Bound the retries with backoffLimit and let Kubernetes delete finished Jobs and their pods with ttlSecondsAfterFinished.',
    ko: 'backoffLimit으로 재시도 횟수를 제한하고, ttlSecondsAfterFinished로 완료된 Job과 그 파드를 Kubernetes가 삭제하게 하세요.',
  },
  'f12-admin-processes.run-once.no-job': {
    en: 'No admin Job',
    ko: '관리용 Job 없음',
  },
  'f12-admin-processes.run-once.no-job-reason': {
    en: 'No deploy target or cluster namespace has a Job or CronJob.',
    ko: '어느 배포 대상이나 클러스터 네임스페이스에도 Job이나 CronJob이 없습니다.',
  },
};
