import type { MessageCatalog } from '../engineMessages';

/** VI. Processes. */
export const f6Processes: MessageCatalog = {
  // external-sessions
  'f6-processes.external-sessions.sticky': {
    en: 'Sticky sessions configured',
    ko: '스티키 세션이 설정됨',
  },
  'f6-processes.external-sessions.sticky-service': {
    en: 'Service {{name}} has sessionAffinity: ClientIP',
    ko: 'Service {{name}}에 sessionAffinity: ClientIP가 설정됨',
  },
  'f6-processes.external-sessions.sticky-annotation': {
    en: '{{kind}} {{name}} sets {{key}}: {{value}}',
    ko: '{{kind}} {{name}}에 {{key}}: {{value}}가 설정됨',
  },
  'f6-processes.external-sessions.sticky-consistent-hash': {
    en: 'DestinationRule {{name}} uses consistentHash load balancing',
    ko: 'DestinationRule {{name}}이(가) consistentHash 로드 밸런싱을 사용함',
  },
  'f6-processes.external-sessions.sticky-http-route': {
    en: 'HTTPRoute {{name}} sets sessionPersistence',
    ko: 'HTTPRoute {{name}}에 sessionPersistence가 설정됨',
  },
  'f6-processes.external-sessions.sticky-backend-config': {
    en: 'BackendConfig {{name}} sets affinityType {{type}}',
    ko: 'BackendConfig {{name}}에 affinityType {{type}}이(가) 설정됨',
  },
  'f6-processes.external-sessions.store-note': {
    en: 'session store library {{dependency}}',
    ko: '세션 저장소 라이브러리 {{dependency}}',
  },
  'f6-processes.external-sessions.sticky-advice': {
    en: 'Keep session state in a shared store (Redis, the database) or in signed tokens, then remove the affinity so that any replica can serve any request.',
    ko: '세션 상태를 공유 저장소(Redis, 데이터베이스)나 서명된 토큰에 두고 어피니티를 제거해, 어느 레플리카든 어떤 요청이든 처리할 수 있게 하세요.',
  },
  'f6-processes.external-sessions.sticky-in-memory-advice': {
    en: 'Keep session state in a shared store (Redis, the database) or in signed tokens, then remove the affinity so that any replica can serve any request ({{location}} keeps sessions in process memory).',
    ko: '세션 상태를 공유 저장소(Redis, 데이터베이스)나 서명된 토큰에 두고 어피니티를 제거해, 어느 레플리카든 어떤 요청이든 처리할 수 있게 하세요({{location}}에서 세션을 프로세스 메모리에 보관함).',
  },
  'f6-processes.external-sessions.no-code-reason': {
    en: 'No sticky sessions are configured, but the repository has no source code to see where sessions live.',
    ko: '스티키 세션은 설정되어 있지 않지만, 저장소에 소스 코드가 없어 세션이 어디에 보관되는지 알 수 없습니다.',
  },
  'f6-processes.external-sessions.unreadable-reason': {
    en: 'No sticky sessions are configured, but the code could not be read to see where sessions live.',
    ko: '스티키 세션은 설정되어 있지 않지만, 코드를 읽을 수 없어 세션이 어디에 보관되는지 알 수 없습니다.',
  },
  'f6-processes.external-sessions.server-side': {
    en: 'Server-side sessions without an external session store ({{location}})',
    ko: '외부 세션 저장소 없이 서버 측 세션을 사용함 ({{location}})',
  },
  'f6-processes.external-sessions.server-side-advice': {
    en: 'Back the sessions with a shared store (Redis through connect-redis / spring-session-data-redis / django-redis) so that a restarted or different replica still finds them.',
    ko: '재시작된 레플리카나 다른 레플리카도 세션을 찾을 수 있도록 공유 저장소(connect-redis / spring-session-data-redis / django-redis를 통한 Redis)에 세션을 보관하세요.',
  },
  'f6-processes.external-sessions.none': {
    en: 'No sticky sessions; no server-side sessions in the code',
    ko: '스티키 세션 없음; 코드에 서버 측 세션 없음',
  },
  'f6-processes.external-sessions.none-store': {
    en: 'No sticky sessions; sessions kept in an external store ({{stores}})',
    ko: '스티키 세션 없음; 세션을 외부 저장소({{stores}})에 보관함',
  },
  'f6-processes.external-sessions.none-token': {
    en: 'No sticky sessions; token-based auth ({{location}})',
    ko: '스티키 세션 없음; 토큰 기반 인증 사용 ({{location}})',
  },
  // independent
  'f6-processes.independent.separate': {
    en: 'each process type runs in its own workload: {{types}}',
    ko: '프로세스 유형마다 별도 워크로드에서 실행됨: {{types}}',
  },
  'f6-processes.independent.scheduler-advice': {
    en: "Run the scheduled work ({{location}}) as a CronJob with the same image and switch the scheduler off in {{workload}}, so that scaling the web process neither multiplies nor stops the job. Set the container's command to the entry point that runs the job once.",
    ko: '예약 작업({{location}})을 같은 이미지의 CronJob으로 실행하고 {{workload}}의 스케줄러는 끄세요. 그래야 web 프로세스를 스케일링해도 작업이 중복되거나 멈추지 않습니다. 컨테이너의 command는 작업을 한 번 실행하는 진입점으로 지정하세요.',
  },
  'f6-processes.independent.in-process-scheduler-advice': {
    en: "Run the scheduled work (the in-process scheduler) as a CronJob with the same image and switch the scheduler off in {{workload}}, so that scaling the web process neither multiplies nor stops the job. Set the container's command to the entry point that runs the job once.",
    ko: '예약 작업(프로세스 내 스케줄러)을 같은 이미지의 CronJob으로 실행하고 {{workload}}의 스케줄러는 끄세요. 그래야 web 프로세스를 스케일링해도 작업이 중복되거나 멈추지 않습니다. 컨테이너의 command는 작업을 한 번 실행하는 진입점으로 지정하세요.',
  },
  'f6-processes.independent.consumer-advice': {
    en: 'Start the queue consumers ({{location}}) from an entry point of their own and run it as a worker Deployment of the same image, and keep them out of {{workload}}, so that the web process only serves requests and the workers scale with the queue.',
    ko: '큐 컨슈머({{location}})를 별도 진입점에서 시작해 같은 이미지의 worker Deployment로 실행하고 {{workload}}에서는 빼세요. 그래야 web 프로세스는 요청만 처리하고 worker는 큐에 따라 스케일링됩니다.',
  },
  'f6-processes.independent.pod-advice': {
    en: 'Move container {{container}} out of {{workload}} into its own Deployment so that web and worker scale, restart and roll out independently.',
    ko: '컨테이너 {{container}}을(를) {{workload}}에서 떼어 별도 Deployment로 옮겨, web과 worker가 각자 스케일링, 재시작, 롤아웃되게 하세요.',
  },
  'f6-processes.independent.beat-advice': {
    en: 'Drop -B from {{workload}} and run celery beat as its own single-replica Deployment, so that scaling the worker does not start several schedulers.',
    ko: '{{workload}}에서 -B를 빼고 celery beat를 레플리카 1개짜리 별도 Deployment로 실행해, worker를 스케일링해도 스케줄러가 여러 개 뜨지 않게 하세요.',
  },
  'f6-processes.independent.manager-advice': {
    en: 'Give each program that process manager {{manager}} starts in {{workload}} its own Deployment (same image, one command each), so that Kubernetes restarts, scales and stops each process type on its own.',
    ko: '{{workload}}에서 프로세스 관리자 {{manager}}이(가) 시작하는 프로그램마다 별도 Deployment(같은 이미지, 프로그램마다 command 하나)를 주어, Kubernetes가 프로세스 유형별로 따로 재시작, 스케일링, 중지하게 하세요.',
  },
  'f6-processes.independent.celery-beat-advice': {
    en: 'Give each program that celery worker with embedded beat scheduler (-B) starts in {{workload}} its own Deployment (same image, one command each), so that Kubernetes restarts, scales and stops each process type on its own.',
    ko: '{{workload}}에서 beat 스케줄러를 내장한 celery worker(-B)가 시작하는 프로그램마다 별도 Deployment(같은 이미지, 프로그램마다 command 하나)를 주어, Kubernetes가 프로세스 유형별로 따로 재시작, 스케일링, 중지하게 하세요.',
  },
  'f6-processes.independent.shell-advice': {
    en: 'Give each program that a shell that backgrounds one program (&) and starts another starts in {{workload}} its own Deployment (same image, one command each), so that Kubernetes restarts, scales and stops each process type on its own.',
    ko: '{{workload}}에서 셸이 백그라운드(&)로 띄우는 프로그램과 이어서 시작하는 프로그램마다 별도 Deployment(같은 이미지, 프로그램마다 command 하나)를 주어, Kubernetes가 프로세스 유형별로 따로 재시작, 스케일링, 중지하게 하세요.',
  },
  // stateless
  'f6-processes.stateless.no-apps': {
    en: 'No long-running app workloads to judge',
    ko: '판단할 장기 실행 앱 워크로드 없음',
  },
  'f6-processes.stateless.no-apps-reason': {
    en: 'No long-running app workloads to judge ({{sets}}).',
    ko: '판단할 장기 실행 앱 워크로드가 없습니다 ({{sets}}).',
  },
  'f6-processes.stateless.bound': {
    en: '{{workloads}} keep state on ReadWriteOnce claim(s) {{claims}}',
    ko: '{{workloads}}이(가) ReadWriteOnce 클레임 {{claims}}에 상태를 보관함',
  },
  'f6-processes.stateless.bound-advice': {
    en: 'Move what {{workload}} writes to {{claim}} into a backing service (database, cache or object storage such as S3/Azure Blob) so that any replica can serve any request and pods can be replaced freely; keep only scratch data in an emptyDir.',
    ko: '{{workload}}이(가) {{claim}}에 쓰는 데이터를 지원 서비스(데이터베이스, 캐시, S3/Azure Blob 같은 오브젝트 스토리지)로 옮겨, 어느 레플리카든 어떤 요청이든 처리하고 파드를 자유롭게 교체할 수 있게 하세요. emptyDir에는 임시 데이터만 두세요.',
  },
  'f6-processes.stateless.unresolved': {
    en: 'claim(s) {{claims}} not found',
    ko: '클레임 {{claims}}을(를) 찾지 못함',
  },
  'f6-processes.stateless.unresolved-reason': {
    en: '{{set}}: the PersistentVolumeClaim(s) {{claims}} mounted by {{workloads}} are not among its objects, so their access modes are unknown.',
    ko: '{{set}}: {{workloads}}이(가) 마운트하는 PersistentVolumeClaim {{claims}}이(가) 이 대상의 오브젝트에 없어 access mode를 알 수 없습니다.',
  },
  'f6-processes.stateless.pass': {
    en: 'no app workload ({{workloads}}) keeps state on a ReadWriteOnce volume',
    ko: 'ReadWriteOnce 볼륨에 상태를 보관하는 앱 워크로드({{workloads}}) 없음',
  },
  // shared-filesystem
  'f6-processes.shared-filesystem.no-apps': {
    en: 'No app workloads to judge',
    ko: '판단할 앱 워크로드 없음',
  },
  'f6-processes.shared-filesystem.no-apps-reason': {
    en: 'No app workloads to judge ({{sets}}).',
    ko: '판단할 앱 워크로드가 없습니다 ({{sets}}).',
  },
  'f6-processes.shared-filesystem.pass': {
    en: 'no app workload mounts a ReadWriteMany volume',
    ko: 'ReadWriteMany 볼륨을 마운트하는 앱 워크로드 없음',
  },
  'f6-processes.shared-filesystem.shared': {
    en: 'ReadWriteMany claim {{claims}} is shared by {{workloads}}',
    ko: 'ReadWriteMany 클레임 {{claims}}을(를) {{workloads}}이(가) 공유함',
  },
  'f6-processes.shared-filesystem.library-advice': {
    en: 'Write the files {{workloads}} share on {{claims}} to object storage through {{library}} (already a dependency, {{path}}), pass object keys between processes, then remove the volume mounts.',
    ko: '{{workloads}}이(가) {{claims}}에서 공유하는 파일을 {{library}}(이미 종속성으로 있음, {{path}})를 통해 오브젝트 스토리지에 쓰고, 프로세스 간에는 오브젝트 키를 주고받은 뒤 볼륨 마운트를 제거하세요.',
  },
  'f6-processes.shared-filesystem.library-advice-two': {
    en: 'Write the files {{first}} and {{second}} share on {{claims}} to object storage through {{library}} (already a dependency, {{path}}), pass object keys between processes, then remove the volume mounts.',
    ko: '{{first}}와(과) {{second}}이(가) {{claims}}에서 공유하는 파일을 {{library}}(이미 종속성으로 있음, {{path}})를 통해 오브젝트 스토리지에 쓰고, 프로세스 간에는 오브젝트 키를 주고받은 뒤 볼륨 마운트를 제거하세요.',
  },
  'f6-processes.shared-filesystem.advice': {
    en: 'Write the files {{workloads}} share on {{claims}} to object storage (S3, Azure Blob, GCS) and pass object keys between processes; then remove the ReadWriteMany volume.',
    ko: '{{workloads}}이(가) {{claims}}에서 공유하는 파일을 오브젝트 스토리지(S3, Azure Blob, GCS)에 쓰고 프로세스 간에는 오브젝트 키를 주고받으세요. 그런 다음 ReadWriteMany 볼륨을 제거하세요.',
  },
  'f6-processes.shared-filesystem.advice-two': {
    en: 'Write the files {{first}} and {{second}} share on {{claims}} to object storage (S3, Azure Blob, GCS) and pass object keys between processes; then remove the ReadWriteMany volume.',
    ko: '{{first}}와(과) {{second}}이(가) {{claims}}에서 공유하는 파일을 오브젝트 스토리지(S3, Azure Blob, GCS)에 쓰고 프로세스 간에는 오브젝트 키를 주고받으세요. 그런 다음 ReadWriteMany 볼륨을 제거하세요.',
  },
  // evidence notes
  'f6-processes.external-sessions.no-affinity-note': {
    en: 'no sessionAffinity, affinity cookie or consistent-hash routing',
    ko: 'sessionAffinity, 어피니티 쿠키, consistent-hash 라우팅 모두 없음',
  },
  'f6-processes.shared-filesystem.none-note': {
    en: 'no ReadWriteMany claim is mounted by {{workloads}}',
    ko: '{{workloads}}이(가) 마운트하는 ReadWriteMany 클레임 없음',
  },
  'f6-processes.shared-filesystem.mount-note': {
    en: 'mounts shared claim {{claim}} (ReadWriteMany)',
    ko: '공유 클레임 {{claim}}을(를) 마운트함 (ReadWriteMany)',
  },
  'f6-processes.shared-filesystem.claim-note': {
    en: 'accessModes {{modes}}',
    ko: 'accessModes는 {{modes}}',
  },
  'f6-processes.shared-filesystem.claim-class-note': {
    en: 'accessModes {{modes}}, storageClassName {{storageClass}}',
    ko: 'accessModes는 {{modes}}, storageClassName은 {{storageClass}}',
  },
  'f6-processes.stateless.bound-note': {
    en: 'mounts claim {{claim}} ({{modes}}): its data lives with one pod',
    ko: '클레임 {{claim}}({{modes}})을(를) 마운트함: 데이터가 한 파드에 묶임',
  },
  'f6-processes.stateless.unresolved-note': {
    en: 'mounts claim {{claim}}, not defined here',
    ko: '클레임 {{claim}}을(를) 마운트하지만 여기에 정의되어 있지 않음',
  },
  'f6-processes.stateless.pass-note': {
    en: 'app workloads {{workloads}} mount no ReadWriteOnce claim',
    ko: '앱 워크로드 {{workloads}}이(가) ReadWriteOnce 클레임을 마운트하지 않음',
  },
  'f6-processes.stateless.pass-shared-note': {
    en: 'app workloads {{workloads}} mount no ReadWriteOnce claim; ReadWriteMany {{claims}} is judged by f6-processes.shared-filesystem',
    ko: '앱 워크로드 {{workloads}}이(가) ReadWriteOnce 클레임을 마운트하지 않음; ReadWriteMany {{claims}}은(는) f6-processes.shared-filesystem에서 판단함',
  },
};
