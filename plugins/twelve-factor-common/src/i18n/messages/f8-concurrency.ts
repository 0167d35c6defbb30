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
};
