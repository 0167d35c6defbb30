import type { MessageCatalog } from '../engineMessages';

/** VIII. Concurrency. */
export const f8Concurrency: MessageCatalog = {
  // process-types: several process types in one workload (also said by f6-processes.independent)
  'f8-concurrency.process-types.combined-manager': {
    en: 'container {{container}} runs process manager {{manager}}',
    ko: '컨테이너 {{container}}이(가) 프로세스 관리자 {{manager}}을(를) 실행함',
  },
  'f8-concurrency.process-types.combined-celery-beat': {
    en: 'container {{container}} runs celery worker with embedded beat scheduler (-B)',
    ko: '컨테이너 {{container}}이(가) beat 스케줄러를 내장한 celery worker(-B)를 실행함',
  },
  'f8-concurrency.process-types.combined-shell': {
    en: 'container {{container}} runs a shell that backgrounds one program (&) and starts another',
    ko: '컨테이너 {{container}}이(가) 한 프로그램을 백그라운드(&)로 띄우고 다른 프로그램을 시작하는 셸을 실행함',
  },
  'f8-concurrency.process-types.combined-pod': {
    en: 'a web container and a worker container share the pod of {{workload}}',
    ko: 'web 컨테이너와 worker 컨테이너가 {{workload}}의 파드를 함께 씀',
  },
  'f8-concurrency.process-types.combined-scheduler': {
    en: 'an in-process scheduler ({{location}}) runs inside the web process {{workload}}, the only kind of long-running process',
    ko: '프로세스 내 스케줄러({{location}})가 유일한 장기 실행 프로세스인 web 프로세스 {{workload}} 안에서 실행됨',
  },
  'f8-concurrency.process-types.combined-manager-dockerfile-note': {
    en: '{{instruction}} {{command}}: process manager {{manager}}; used by {{workload}} container {{container}}',
    ko: '{{instruction}} {{command}}: 프로세스 관리자 {{manager}}; {{workload}}의 컨테이너 {{container}}이(가) 사용',
  },
  'f8-concurrency.process-types.combined-celery-beat-dockerfile-note': {
    en: '{{instruction}} {{command}}: celery worker with embedded beat scheduler (-B); used by {{workload}} container {{container}}',
    ko: '{{instruction}} {{command}}: beat 스케줄러를 내장한 celery worker(-B); {{workload}}의 컨테이너 {{container}}이(가) 사용',
  },
  'f8-concurrency.process-types.combined-shell-dockerfile-note': {
    en: '{{instruction}} {{command}}: a shell that backgrounds one program (&) and starts another; used by {{workload}} container {{container}}',
    ko: '{{instruction}} {{command}}: 한 프로그램을 백그라운드(&)로 띄우고 다른 프로그램을 시작하는 셸; {{workload}}의 컨테이너 {{container}}이(가) 사용',
  },
  'f8-concurrency.process-types.shared': {
    en: 'process types share a workload',
    ko: '여러 프로세스 유형이 한 워크로드를 공유함',
  },
  'f8-concurrency.process-types.separate': {
    en: 'process types run as separate workloads: {{types}}',
    ko: '프로세스 유형이 별도 워크로드로 실행됨: {{types}}',
  },
  'f8-concurrency.process-types.one-per-workload': {
    en: 'one process type per workload: {{types}}',
    ko: '워크로드마다 프로세스 유형 하나: {{types}}',
  },
  'f8-concurrency.process-types.no-apps': {
    en: 'No long-running app workloads to judge',
    ko: '판단할 장기 실행 앱 워크로드 없음',
  },
  'f8-concurrency.process-types.no-apps-reason': {
    en: 'No long-running app workloads to judge ({{sets}}).',
    ko: '판단할 장기 실행 앱 워크로드가 없습니다 ({{sets}}).',
  },
  // horizontal
  'f8-concurrency.horizontal.detached': {
    en: 'managed by an autoscaler ({{scalers}})',
    ko: '오토스케일러가 관리함 ({{scalers}})',
  },
  // One sentence per web workload: the English lists them in one sentence.
  'f8-concurrency.horizontal.autoscaled': {
    en: 'web workload {{workload}} (autoscaled) scales out',
    ko: 'web 워크로드 {{workload}}이(가) 자동 스케일링으로 스케일 아웃됨',
  },
  'f8-concurrency.horizontal.replicas': {
    en: 'web workload {{workload}} ({{n}} replicas) scales out',
    ko: 'web 워크로드 {{workload}}이(가) 레플리카 {{n}}개로 스케일 아웃됨',
  },
  'f8-concurrency.horizontal.fixed': {
    en: '{{workload}} ({{n|replica|replicas}}) fixed without an autoscaler',
    ko: '{{workload}}이(가) 오토스케일러 없이 레플리카 {{n}}개로 고정됨',
  },
  'f8-concurrency.horizontal.advice': {
    en: 'Run at least two replicas of {{workload}} (better: let an HPA manage it, see f8-concurrency.hpa) so that a pod restart or node drain does not take the web process down.',
    ko: '파드 재시작이나 노드 드레인 때 web 프로세스가 중단되지 않도록 {{workload}}을(를) 레플리카 2개 이상으로 실행하세요(HPA가 관리하게 하면 더 좋습니다. f8-concurrency.hpa 참고).',
  },
  'f8-concurrency.horizontal.no-web': {
    en: 'No web workload (containerPort selected by a Service) to judge',
    ko: '판단할 web 워크로드(Service가 선택하는 containerPort) 없음',
  },
  'f8-concurrency.horizontal.no-web-reason': {
    en: 'No web workload (containerPort selected by a Service) to judge ({{sets}}).',
    ko: '판단할 web 워크로드(Service가 선택하는 containerPort)가 없습니다 ({{sets}}).',
  },
  // hpa
  'f8-concurrency.hpa.detached': {
    en: '{{scalers}} with a minimum of 2 or more',
    ko: '{{scalers}}의 최소 레플리카가 2개 이상',
  },
  'f8-concurrency.hpa.old-api': {
    en: '{{name}}: {{apiVersion}} (not autoscaling/v2)',
    ko: '{{name}}: {{apiVersion}} (autoscaling/v2 아님)',
  },
  'f8-concurrency.hpa.low-min': {
    en: '{{name}}: minReplicas {{min}}',
    ko: '{{name}}: minReplicas가 {{min}}임',
  },
  'f8-concurrency.hpa.keep-two-advice': {
    en: 'Keep at least two replicas under the autoscaler (minReplicas 2, autoscaling/v2) so that one pod can fail or be evicted without downtime.',
    ko: '파드 하나가 실패하거나 축출되어도 중단이 없도록 오토스케일러에서 레플리카를 2개 이상 유지하세요(minReplicas 2, autoscaling/v2).',
  },
  'f8-concurrency.hpa.all-v2': {
    en: 'every web Deployment has an autoscaling/v2 HPA with minReplicas ≥ 2 ({{minimums}})',
    ko: '모든 web Deployment에 minReplicas ≥ 2인 autoscaling/v2 HPA가 있음 ({{minimums}})',
  },
  'f8-concurrency.hpa.no-hpa': {
    en: 'no HPA for {{workloads}}',
    ko: '{{workloads}}에 HPA 없음',
  },
  'f8-concurrency.hpa.add-advice': {
    en: 'Add an autoscaling/v2 HorizontalPodAutoscaler for {{workloads}} with minReplicas 2; it needs CPU requests on the containers (and metrics-server in the cluster).',
    ko: '{{workloads}}에 minReplicas 2인 autoscaling/v2 HorizontalPodAutoscaler를 추가하세요. 컨테이너에 CPU requests가 있어야 하고 클러스터에 metrics-server가 필요합니다.',
  },
  'f8-concurrency.hpa.add-advice-two': {
    en: 'Add an autoscaling/v2 HorizontalPodAutoscaler for {{first}} and {{second}} with minReplicas 2; it needs CPU requests on the containers (and metrics-server in the cluster).',
    ko: '{{first}}와(과) {{second}}에 minReplicas 2인 autoscaling/v2 HorizontalPodAutoscaler를 추가하세요. 컨테이너에 CPU requests가 있어야 하고 클러스터에 metrics-server가 필요합니다.',
  },
  'f8-concurrency.hpa.keep-two-of-advice': {
    en: 'Keep at least two replicas of {{workload}} under the autoscaler (minReplicas 2, autoscaling/v2) so that one pod can fail or be evicted without downtime.',
    ko: '파드 하나가 실패하거나 축출되어도 중단이 없도록 오토스케일러에서 {{workload}}의 레플리카를 2개 이상 유지하세요(minReplicas 2, autoscaling/v2).',
  },
  'f8-concurrency.hpa.no-web': {
    en: 'No web Deployment (containerPort selected by a Service) to judge',
    ko: '판단할 web Deployment(Service가 선택하는 containerPort) 없음',
  },
  'f8-concurrency.hpa.no-web-reason': {
    en: 'No web Deployment (containerPort selected by a Service) to judge ({{sets}}).',
    ko: '판단할 web Deployment(Service가 선택하는 containerPort)가 없습니다 ({{sets}}).',
  },
  // worker-scaling
  'f8-concurrency.worker-scaling.queue-scaled': {
    en: '{{workload}} is scaled on its {{trigger}} queue',
    ko: '{{workload}}이(가) {{trigger}} 큐에 따라 스케일링됨',
  },
  'f8-concurrency.worker-scaling.scaled-job': {
    en: 'queue work runs as KEDA ScaledJob {{name}}',
    ko: '큐 작업이 KEDA ScaledJob {{name}}(으)로 실행됨',
  },
  'f8-concurrency.worker-scaling.autoscaled': {
    en: 'workers {{workers}} are autoscaled',
    ko: 'worker {{workers}}이(가) 자동 스케일링됨',
  },
  'f8-concurrency.worker-scaling.fixed': {
    en: '{{workload}} fixed at {{n|replica|replicas}}',
    ko: '{{workload}}이(가) 레플리카 {{n}}개로 고정됨',
  },
  'f8-concurrency.worker-scaling.background-fixed': {
    en: 'background work in {{workload}} fixed at {{n|replica|replicas}}',
    ko: '{{workload}}의 백그라운드 작업이 레플리카 {{n}}개로 고정됨',
  },
  'f8-concurrency.worker-scaling.hpa-advice': {
    en: 'Add an HPA for {{workload}} (or a KEDA ScaledObject on its queue length, which reacts to the backlog rather than to CPU).',
    ko: '{{workload}}에 HPA를 추가하세요(또는 CPU 대신 쌓인 작업량에 반응하는, 큐 길이 기반 KEDA ScaledObject).',
  },
  'f8-concurrency.worker-scaling.keda-advice': {
    en: 'Scale {{workload}} on the length of its {{queue}} queue with a KEDA ScaledObject (broker {{broker}}).',
    ko: 'KEDA ScaledObject로 {{workload}}을(를) {{queue}} 큐 길이에 따라 스케일링하세요(브로커 {{broker}}).',
  },
  'f8-concurrency.worker-scaling.keda-amqp-advice': {
    en: 'Scale {{workload}} on the length of its {{queue}} queue with a KEDA ScaledObject (broker {{broker}}; the TriggerAuthentication supplies the host with credentials).',
    ko: 'KEDA ScaledObject로 {{workload}}을(를) {{queue}} 큐 길이에 따라 스케일링하세요(브로커 {{broker}}; 호스트와 자격 증명은 TriggerAuthentication이 제공).',
  },
  'f8-concurrency.worker-scaling.embedded-advice': {
    en: 'The background work runs inside {{workload}} and can only scale with it; give it its own workload (see f8-concurrency.process-types), then autoscale that.',
    ko: '백그라운드 작업이 {{workload}} 안에서 실행되어 함께만 스케일링됩니다. 별도 워크로드로 분리한 뒤(f8-concurrency.process-types 참고) 그 워크로드를 자동 스케일링하세요.',
  },
  'f8-concurrency.worker-scaling.no-workers': {
    en: 'No worker process type (no queue consumer, no workload that serves no traffic, no KEDA object)',
    ko: 'worker 프로세스 유형 없음 (큐 소비자, 트래픽을 받지 않는 워크로드, KEDA 오브젝트 모두 없음)',
  },
  'f8-concurrency.worker-scaling.no-workers-reason': {
    en: 'No worker process type (no queue consumer, no workload that serves no traffic, no KEDA object) ({{sets}}).',
    ko: 'worker 프로세스 유형이 없습니다 (큐 소비자, 트래픽을 받지 않는 워크로드, KEDA 오브젝트 모두 없음) ({{sets}}).',
  },
  // process-types: evidence notes (why a workload has its process type; combined processes)
  'f8-concurrency.process-types.why-job': {
    en: 'job: {{kind}} runs to completion',
    ko: 'job: {{kind}}이(가) 완료될 때까지 실행됨',
  },
  'f8-concurrency.process-types.why-backing': {
    en: 'backing: runs {{backing}} ({{image}})',
    ko: 'backing: {{backing}} 실행 ({{image}})',
  },
  'f8-concurrency.process-types.why-queue': {
    en: 'worker: command consumes a queue ({{queue}})',
    ko: 'worker: command가 큐를 소비함 ({{queue}})',
  },
  'f8-concurrency.process-types.why-scaler': {
    en: 'worker: {{scaler}} scales it on a queue ({{trigger}})',
    ko: 'worker: {{scaler}}이(가) 큐에 따라 스케일링함 ({{trigger}})',
  },
  'f8-concurrency.process-types.why-web-port': {
    en: 'web: containerPort selected by Service {{services}}',
    ko: 'web: Service {{services}}이(가) containerPort를 선택함',
  },
  'f8-concurrency.process-types.why-web-no-port': {
    en: 'web: declares no containerPort, but Service {{services}} sends traffic to its pods',
    ko: 'web: containerPort를 선언하지 않았지만 Service {{services}}이(가) 파드로 트래픽을 보냄',
  },
  'f8-concurrency.process-types.why-consumer': {
    en: 'worker: serves no traffic and reads a queue (env {{env}})',
    ko: 'worker: 트래픽을 받지 않고 큐를 읽음 (env {{env}})',
  },
  'f8-concurrency.process-types.why-worker-name-unrouted': {
    en: 'worker: named as a worker and no Service routes traffic to it',
    ko: 'worker: 이름이 worker이고 트래픽을 보내는 Service가 없음',
  },
  'f8-concurrency.process-types.why-metrics-only': {
    en: 'worker: long-running, and its only ports serve metrics or health checks',
    ko: 'worker: 장기 실행되며 포트는 메트릭이나 헬스 체크용뿐임',
  },
  'f8-concurrency.process-types.why-worker-name': {
    en: 'worker: named as a worker and serves no port',
    ko: 'worker: 이름이 worker이고 서비스하는 포트가 없음',
  },
  'f8-concurrency.process-types.why-no-port': {
    en: 'worker: long-running and serves no port',
    ko: 'worker: 장기 실행되며 서비스하는 포트가 없음',
  },
  'f8-concurrency.process-types.why-other': {
    en: 'other: declares a containerPort that no Service selects',
    ko: 'other: 어떤 Service도 선택하지 않는 containerPort를 선언함',
  },
  'f8-concurrency.process-types.combined-manager-note': {
    en: 'container {{container}}: process manager {{manager}} ({{command}})',
    ko: '컨테이너 {{container}}: 프로세스 관리자 {{manager}} ({{command}})',
  },
  'f8-concurrency.process-types.combined-celery-beat-note': {
    en: 'container {{container}}: celery worker with embedded beat scheduler (-B) ({{command}})',
    ko: '컨테이너 {{container}}: beat 스케줄러를 내장한 celery worker(-B) ({{command}})',
  },
  'f8-concurrency.process-types.combined-shell-note': {
    en: 'container {{container}}: a shell that backgrounds one program (&) and starts another ({{command}})',
    ko: '컨테이너 {{container}}: 한 프로그램을 백그라운드(&)로 띄우고 다른 프로그램을 시작하는 셸 ({{command}})',
  },
  'f8-concurrency.process-types.combined-pod-note': {
    en: 'web and worker containers in one pod',
    ko: '한 파드에 web 컨테이너와 worker 컨테이너가 함께 있음',
  },
  'f8-concurrency.process-types.combined-scheduler-note': {
    en: 'the web workload is the only long-running process, so it runs the scheduled jobs too',
    ko: 'web 워크로드가 유일한 장기 실행 프로세스라 예약 작업도 실행함',
  },
  'f8-concurrency.process-types.combined-consumer': {
    en: 'a queue consumer ({{location}}) runs inside the web process {{workload}}, the only kind of long-running process',
    ko: '큐 컨슈머({{location}})가 유일한 장기 실행 프로세스인 web 프로세스 {{workload}} 안에서 실행됨',
  },
  'f8-concurrency.process-types.combined-consumer-note': {
    en: 'the web workload is the only long-running process and no worker command is declared, so it consumes the queue too',
    ko: 'web 워크로드가 유일한 장기 실행 프로세스이고 선언된 worker 명령이 없어 큐 소비도 함께 함',
  },
  // Process types declared outside manifests (Procfile, compose, package.json scripts, start scripts, Dockerfiles): `name` is the entry, `command` its command.
  'f8-concurrency.process-types.declared-web-note': {
    en: 'web process type {{name}}: {{command}}',
    ko: 'web 프로세스 유형 {{name}}: {{command}}',
  },
  'f8-concurrency.process-types.declared-worker-note': {
    en: 'worker process type {{name}}: {{command}}',
    ko: 'worker 프로세스 유형 {{name}}: {{command}}',
  },
  'f8-concurrency.process-types.declared-scheduler-note': {
    en: 'scheduler process type {{name}}: {{command}}',
    ko: 'scheduler 프로세스 유형 {{name}}: {{command}}',
  },
  // `types` lists the declared process types with where each is written: `web (Procfile:1), worker (Procfile:2)`.
  'f8-concurrency.process-types.declared-separate': {
    en: 'process types declared as separate commands: {{types}}',
    ko: '프로세스 유형이 별도 명령으로 선언됨: {{types}}',
  },
  // `how` is one of the how-* messages.
  'f8-concurrency.process-types.declared-combined': {
    en: '{{name}} ({{location}}) starts several processes: {{how}}',
    ko: '{{name}}({{location}})이(가) 여러 프로세스를 시작함: {{how}}',
  },
  'f8-concurrency.process-types.how-manager': {
    en: 'process manager {{manager}}',
    ko: '프로세스 관리자 {{manager}}',
  },
  'f8-concurrency.process-types.how-celery-beat': {
    en: 'celery worker with embedded beat scheduler (-B)',
    ko: 'beat 스케줄러를 내장한 celery worker(-B)',
  },
  'f8-concurrency.process-types.how-shell': {
    en: 'a shell that backgrounds one program (&) and starts another',
    ko: '한 프로그램을 백그라운드(&)로 띄우고 다른 프로그램을 시작하는 셸',
  },
  'f8-concurrency.process-types.declared-split-advice': {
    en: 'Give each program that {{name}} ({{location}}) starts an entry of its own (a Procfile line, a compose service, a Deployment) with one command each, so that each process type starts, stops and scales on its own.',
    ko: '{{name}}({{location}})이(가) 시작하는 프로그램마다 명령 하나짜리 별도 항목(Procfile 줄, compose 서비스, Deployment)을 주어, 프로세스 유형마다 따로 시작, 중지, 스케일링되게 하세요.',
  },
  'f8-concurrency.process-types.declared-consumer-in-web': {
    en: 'a queue consumer ({{location}}) runs in the web process: no worker command starts it on its own',
    ko: '큐 컨슈머({{location}})가 web 프로세스 안에서 실행됨: 이를 따로 시작하는 worker 명령이 없음',
  },
  'f8-concurrency.process-types.declared-consumer-advice': {
    en: 'Start the consumers at {{location}} from an entry point of their own and declare it as a worker process type (a Procfile worker line, a compose service, a worker Deployment of the same image), so that the web process only serves requests and the workers scale with the queue.',
    ko: '{{location}}의 컨슈머를 별도 진입점에서 시작하고 worker 프로세스 유형으로 선언하세요(Procfile의 worker 줄, compose 서비스, 같은 이미지의 worker Deployment). 그래야 web 프로세스는 요청만 처리하고 worker는 큐에 따라 스케일링됩니다.',
  },
  'f8-concurrency.process-types.consumers-unplaced': {
    en: 'Queue consumers or tasks in the code ({{locations}}); no command or workload shows where they run',
    ko: '코드에 큐 컨슈머나 태스크가 있음({{locations}}); 어디서 실행되는지 보여 주는 명령이나 워크로드가 없음',
  },
  'f8-concurrency.process-types.consumers-unplaced-reason': {
    en: 'The code consumes a queue or defines tasks ({{locations}}), but no command of the repository (Procfile, compose service, worker script) starts a worker, and no manifests or cluster show the processes that run.',
    ko: '코드가 큐를 소비하거나 태스크를 정의하지만({{locations}}), worker를 시작하는 저장소의 명령(Procfile, compose 서비스, worker 스크립트)이 없고 실행되는 프로세스를 보여 주는 매니페스트나 클러스터도 없습니다.',
  },
  // worker-scaling without manifests: `workers` as declared-separate's `types`.
  'f8-concurrency.worker-scaling.declared': {
    en: 'worker process types declared ({{workers}}); no manifests or cluster show how they scale',
    ko: 'worker 프로세스 유형이 선언됨({{workers}}); 스케일링 방식을 보여 주는 매니페스트나 클러스터가 없음',
  },
  'f8-concurrency.worker-scaling.declared-reason': {
    en: 'Worker process types are declared ({{workers}}), but the repository has no Kubernetes manifests and no cluster was read, so whether they scale with their queue cannot be seen.',
    ko: 'worker 프로세스 유형이 선언되어 있지만({{workers}}) 저장소에 Kubernetes 매니페스트가 없고 읽은 클러스터도 없어, 큐에 따라 스케일링되는지 알 수 없습니다.',
  },
  'f8-concurrency.worker-scaling.consumers': {
    en: 'queue consumers or tasks in the code ({{locations}}); no manifests or cluster show how they scale',
    ko: '코드에 큐 컨슈머나 태스크가 있음({{locations}}); 스케일링 방식을 보여 주는 매니페스트나 클러스터가 없음',
  },
  'f8-concurrency.worker-scaling.consumers-reason': {
    en: 'The code consumes a queue or defines tasks ({{locations}}), but the repository has no Kubernetes manifests and no cluster was read, so how the workers scale cannot be seen.',
    ko: '코드가 큐를 소비하거나 태스크를 정의하지만({{locations}}) 저장소에 Kubernetes 매니페스트가 없고 읽은 클러스터도 없어, worker의 스케일링 방식을 알 수 없습니다.',
  },
  'f8-concurrency.process-types.workloads-note': {
    en: 'workloads: {{types}}',
    ko: '워크로드: {{types}}',
  },
  // worker-scaling: evidence notes
  'f8-concurrency.worker-scaling.detached-note': {
    en: 'scales {{workload}} on a {{trigger}} trigger (the workload is not among the objects of {{set}})',
    ko: '{{trigger}} 트리거로 {{workload}}을(를) 스케일링함 (워크로드가 {{set}}의 오브젝트에 없음)',
  },
  'f8-concurrency.worker-scaling.scaled-job-note': {
    en: 'KEDA ScaledJob: one Job per queued item',
    ko: 'KEDA ScaledJob: 큐 항목마다 Job 하나',
  },
  'f8-concurrency.worker-scaling.scales-note': {
    en: 'scales {{workload}}',
    ko: '{{workload}}을(를) 스케일링함',
  },
  // `work` is the background work's own message.
  'f8-concurrency.worker-scaling.scales-embedded-note': {
    en: 'scales {{workload}} ({{work}})',
    ko: '{{workload}}을(를) 스케일링함 ({{work}})',
  },
  'f8-concurrency.worker-scaling.fixed-note': {
    en: 'replicas fixed at {{n}}, no HPA or ScaledObject',
    ko: '레플리카가 {{n}}개로 고정되고 HPA나 ScaledObject 없음',
  },
  'f8-concurrency.worker-scaling.fixed-embedded-note': {
    en: '{{work}}; replicas fixed at {{n}}, no HPA or ScaledObject',
    ko: '{{work}}; 레플리카가 {{n}}개로 고정되고 HPA나 ScaledObject 없음',
  },
  // horizontal: evidence notes
  'f8-concurrency.horizontal.detached-note': {
    en: '{{scaler}}; the target is not among the objects of {{set}}',
    ko: '{{scaler}}; 대상이 {{set}}의 오브젝트에 없음',
  },
  'f8-concurrency.horizontal.scaled-note': {
    en: 'scaled by {{scalers}}',
    ko: '{{scalers}}이(가) 스케일링함',
  },
  'f8-concurrency.horizontal.replicas-note': {
    en: 'replicas: {{n}}, no autoscaler',
    ko: '레플리카: {{n}}, 오토스케일러 없음',
  },
  'f8-concurrency.horizontal.default-replicas-note': {
    en: 'replicas: {{n}} (default), no autoscaler',
    ko: '레플리카: {{n}} (기본값), 오토스케일러 없음',
  },
  // hpa: evidence notes
  'f8-concurrency.hpa.detached-note': {
    en: '{{scaler}}, minimum {{min}}; the target is not among the objects of {{set}}',
    ko: '{{scaler}}, 최소 {{min}}; 대상이 {{set}}의 오브젝트에 없음',
  },
  'f8-concurrency.hpa.detached-old-api-note': {
    en: '{{scaler}}, minimum {{min}} ({{apiVersion}} (not autoscaling/v2)); the target is not among the objects of {{set}}',
    ko: '{{scaler}}, 최소 {{min}} ({{apiVersion}} (autoscaling/v2 아님)); 대상이 {{set}}의 오브젝트에 없음',
  },
  'f8-concurrency.hpa.detached-low-min-note': {
    en: '{{scaler}}, minimum {{min}} (minReplicas {{min}}); the target is not among the objects of {{set}}',
    ko: '{{scaler}}, 최소 {{min}} (minReplicas가 {{min}}임); 대상이 {{set}}의 오브젝트에 없음',
  },
  'f8-concurrency.hpa.targets-note': {
    en: 'targets {{workload}}, {{field}} {{min}}',
    ko: '대상 {{workload}}, {{field}} {{min}}',
  },
  'f8-concurrency.hpa.targets-old-api-note': {
    en: 'targets {{workload}}, {{field}} {{min}} ({{apiVersion}} (not autoscaling/v2))',
    ko: '대상 {{workload}}, {{field}} {{min}} ({{apiVersion}} (autoscaling/v2 아님))',
  },
  'f8-concurrency.hpa.targets-low-min-note': {
    en: 'targets {{workload}}, {{field}} {{min}} (minReplicas {{min}})',
    ko: '대상 {{workload}}, {{field}} {{min}} (minReplicas가 {{min}}임)',
  },
  'f8-concurrency.hpa.no-hpa-note': {
    en: 'no HorizontalPodAutoscaler targets this web Deployment',
    ko: '이 web Deployment를 대상으로 하는 HorizontalPodAutoscaler 없음',
  },
};
