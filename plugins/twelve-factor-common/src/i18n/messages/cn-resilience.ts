import type { MessageCatalog } from '../engineMessages';

/** Resilience. */
export const cnResilience: MessageCatalog = {
  // auto-restart
  'cn-resilience.auto-restart.restarted': {
    en: '{{n}} controller(s) restart failed pods and every container has a livenessProbe',
    ko: '컨트롤러 {{n}}개가 실패한 파드를 재시작하고, 모든 컨테이너에 livenessProbe 있음',
  },
  // `probe` is a probe note's message (cn-observability.probe.*).
  'cn-resilience.auto-restart.probe-note': {
    en: '{{kind}} restarts its pods (restartPolicy {{policy}}); {{probe}}',
    ko: '{{kind}}가 파드를 재시작함 (restartPolicy {{policy}}); {{probe}}',
  },
  'cn-resilience.auto-restart.no-probe': {
    en: 'no livenessProbe in {{names}}, so a hung process is not restarted',
    ko: '{{names}}에 livenessProbe가 없어 멈춘 프로세스가 재시작되지 않음',
  },
  'cn-resilience.auto-restart.bare': {
    en: 'bare Pod(s) {{names}} are not rescheduled by a controller',
    ko: '단독 Pod {{names}}는 컨트롤러가 다시 스케줄링하지 않음',
  },
  'cn-resilience.auto-restart.no-probe-note': {
    en: '{{kind}} restarts its pods (restartPolicy {{policy}}), but {{container}} has no livenessProbe',
    ko: '{{kind}}가 파드를 재시작하지만 (restartPolicy {{policy}}), {{container}}에 livenessProbe 없음',
  },
  'cn-resilience.auto-restart.bare-note': {
    en: 'bare Pod: no controller recreates it',
    ko: '단독 Pod: 다시 만들어 주는 컨트롤러 없음',
  },
  'cn-resilience.auto-restart.probe-advice': {
    en: 'Add a livenessProbe so that hung containers are restarted too, not only crashed ones.',
    ko: '비정상 종료된 컨테이너뿐 아니라 멈춘 컨테이너도 재시작되도록 livenessProbe를 추가하세요.',
  },
  'cn-resilience.auto-restart.patch-for': {
    en: 'A patch for {{kind}} {{name}}:',
    ko: '{{kind}} {{name}}에 적용할 패치:',
  },
  'cn-resilience.auto-restart.controller-advice': {
    en: 'Run long-lived processes under a Deployment or StatefulSet instead of a bare Pod.',
    ko: '오래 실행되는 프로세스는 단독 Pod 대신 Deployment나 StatefulSet으로 실행하세요.',
  },
  'cn-resilience.auto-restart.none': {
    en: 'No long-running workload',
    ko: '장기 실행 워크로드 없음',
  },
  'cn-resilience.auto-restart.none-reason': {
    en: 'No deploy target or cluster namespace runs a Deployment, StatefulSet, DaemonSet or Rollout.',
    ko: 'Deployment, StatefulSet, DaemonSet, Rollout을 실행하는 배포 대상이나 클러스터 네임스페이스가 없습니다.',
  },
  // outbound calls (circuit breaker, retry, timeouts)
  'cn-resilience.outbound.outlier-note': {
    en: 'outlierDetection for host {{host}}',
    ko: '호스트 {{host}}에 대한 outlierDetection',
  },
  'cn-resilience.outbound.route-note': {
    en: 'route {{route}}: {{field}} {{value}}',
    ko: '라우트 {{route}}: {{field}} {{value}}',
  },
  'cn-resilience.outbound.none': {
    en: 'No outbound calls found',
    ko: '외부 호출을 찾지 못함',
  },
  'cn-resilience.outbound.none-reason': {
    en: 'The service calls no other service that this check can see: no HTTP or gRPC client, database, cache, broker or object-storage library among its dependencies, no outbound call in its code, and no backing-service address in its configuration. A service that only answers requests has no calls to protect.',
    ko: '이 점검에서 보이는 한, 서비스는 다른 서비스를 호출하지 않습니다: 종속성에 HTTP·gRPC 클라이언트, 데이터베이스, 캐시, 브로커, 오브젝트 스토리지 라이브러리가 없고, 코드에 외부 호출이 없으며, 설정에 백킹 서비스 주소도 없습니다. 요청에 응답만 하는 서비스에는 보호할 호출이 없습니다.',
  },
  // circuit-breaker
  'cn-resilience.circuit-breaker.library-note': {
    en: '{{dependency}}: circuit-breaker library',
    ko: '{{dependency}}: 서킷 브레이커 라이브러리',
  },
  // `note` is the first evidence's note: its message, or its English when it has none.
  'cn-resilience.circuit-breaker.in-code': {
    en: 'Circuit breaker in the code ({{note}})',
    ko: '코드에 서킷 브레이커 있음 ({{note}})',
  },
  'cn-resilience.circuit-breaker.mesh': {
    en: 'Mesh outlier detection ejects failing endpoints (Istio DestinationRule)',
    ko: '메시의 outlier detection이 실패하는 엔드포인트를 제외함 (Istio DestinationRule)',
  },
  'cn-resilience.circuit-breaker.none': {
    en: 'No circuit breaker: no circuit-breaker library or code, and no mesh outlier detection',
    ko: '서킷 브레이커 없음: 서킷 브레이커 라이브러리나 코드가 없고, 메시 outlier detection도 없음',
  },
  'cn-resilience.circuit-breaker.call-note': {
    en: 'outbound call without a circuit breaker',
    ko: '서킷 브레이커 없는 외부 호출',
  },
  'cn-resilience.circuit-breaker.call-text-note': {
    en: 'outbound call without a circuit breaker: {{text}}',
    ko: '서킷 브레이커 없는 외부 호출: {{text}}',
  },
  'cn-resilience.circuit-breaker.advice': {
    en: 'Wrap calls to other services in a circuit breaker so that a failing dependency is not hammered and callers fail fast; with Istio, a DestinationRule with outlierDetection does it for every caller.',
    ko: '장애 중인 종속 서비스에 호출이 몰리지 않고 호출자가 빨리 실패하도록 다른 서비스 호출을 서킷 브레이커로 감싸세요. Istio를 쓴다면 outlierDetection이 있는 DestinationRule이 모든 호출자에 대해 이를 처리합니다.',
  },
  'cn-resilience.circuit-breaker.advice-at': {
    en: 'Wrap calls to other services in a circuit breaker so that a failing dependency is not hammered and callers fail fast (e.g. {{at}}); with Istio, a DestinationRule with outlierDetection does it for every caller.',
    ko: '장애 중인 종속 서비스에 호출이 몰리지 않고 호출자가 빨리 실패하도록 다른 서비스 호출을 서킷 브레이커로 감싸세요(예: {{at}}). Istio를 쓴다면 outlierDetection이 있는 DestinationRule이 모든 호출자에 대해 이를 처리합니다.',
  },
  // retry
  // `note` is the first evidence's note: its message, or its English when it has none.
  'cn-resilience.retry.policy': {
    en: 'Retry policy on calls ({{note}})',
    ko: '호출에 재시도 정책 있음 ({{note}})',
  },
  'cn-resilience.retry.library-note': {
    en: '{{dependency}}: retry library',
    ko: '{{dependency}}: 재시도 라이브러리',
  },
  'cn-resilience.retry.advice': {
    en: 'Retry idempotent outbound calls on transient errors with exponential backoff and jitter, bounded in attempts.',
    ko: '멱등한 외부 호출은 일시적 오류에 대해 지수 백오프와 지터를 적용해, 횟수를 제한하여 재시도하세요.',
  },
  'cn-resilience.retry.advice-at': {
    en: 'Retry idempotent outbound calls on transient errors with exponential backoff and jitter, bounded in attempts (e.g. {{at}}).',
    ko: '멱등한 외부 호출은 일시적 오류에 대해 지수 백오프와 지터를 적용해, 횟수를 제한하여 재시도하세요(예: {{at}}).',
  },
  'cn-resilience.retry.task-queue': {
    en: 'Retries only in the task queue ({{text}}); API calls are not retried',
    ko: '재시도는 작업 큐에만 있음 ({{text}}); API 호출은 재시도하지 않음',
  },
  'cn-resilience.retry.unused-one': {
    en: 'No retry policy: {{names}} is a dependency, but no code or configuration uses it (no @Retryable, RetryTemplate, @Retry or retry configuration), and no mesh retries',
    ko: '재시도 정책 없음: {{names}}이(가) 종속성에 있지만 이를 쓰는 코드나 설정이 없고(@Retryable, RetryTemplate, @Retry, 재시도 설정 없음), 메시 재시도도 없음',
  },
  'cn-resilience.retry.unused-many': {
    en: 'No retry policy: {{names}} are dependencies, but no code or configuration uses them (no @Retryable, RetryTemplate, @Retry or retry configuration), and no mesh retries',
    ko: '재시도 정책 없음: {{names}}이(가) 종속성에 있지만 이를 쓰는 코드나 설정이 없고(@Retryable, RetryTemplate, @Retry, 재시도 설정 없음), 메시 재시도도 없음',
  },
  'cn-resilience.retry.none': {
    en: 'No retry policy: no retry library or code, and no mesh retries',
    ko: '재시도 정책 없음: 재시도 라이브러리나 코드가 없고, 메시 재시도도 없음',
  },
  'cn-resilience.retry.call-note': {
    en: 'outbound call without retries',
    ko: '재시도 없는 외부 호출',
  },
  'cn-resilience.retry.call-text-note': {
    en: 'outbound call without retries: {{text}}',
    ko: '재시도 없는 외부 호출: {{text}}',
  },
  'cn-resilience.retry.unused-note': {
    en: '{{dependency}}: retry library that nothing uses',
    ko: '{{dependency}}: 아무도 쓰지 않는 재시도 라이브러리',
  },
  // timeouts
  'cn-resilience.timeouts.config-note': {
    en: '{{name}}={{value}} configures a client timeout (container {{container}})',
    ko: '{{name}}={{value}}로 클라이언트 타임아웃 설정 (컨테이너 {{container}})',
  },
  'cn-resilience.timeouts.ingress-note': {
    en: '{{annotations}}',
    ko: '타임아웃 어노테이션: {{annotations}}',
  },
  // `note` is the first evidence's note: its message, or its English when it has none.
  'cn-resilience.timeouts.set': {
    en: 'Outbound calls have timeouts ({{note}})',
    ko: '외부 호출에 타임아웃 있음 ({{note}})',
  },
  'cn-resilience.timeouts.bare-one': {
    en: '{{clients}} builds a client without one.',
    ko: '{{clients}}에서 타임아웃 없이 클라이언트를 만듭니다.',
  },
  'cn-resilience.timeouts.bare-many': {
    en: '{{clients}} build a client without one.',
    ko: '{{clients}}에서 타임아웃 없이 클라이언트를 만듭니다.',
  },
  'cn-resilience.timeouts.some': {
    en: 'Some outbound clients set timeouts, {{n}} do not ({{clients}})',
    ko: '일부 외부 클라이언트만 타임아웃을 설정함, {{n}}개는 설정하지 않음 ({{clients}})',
  },
  'cn-resilience.timeouts.some-lead': {
    en: "Give every outbound HTTP/DB client connect and read timeouts shorter than the caller's own deadline.",
    ko: '모든 외부 HTTP/DB 클라이언트에 호출자 자신의 기한보다 짧은 연결·읽기 타임아웃을 주세요.',
  },
  'cn-resilience.timeouts.ingress-only': {
    en: 'Timeouts only at the Ingress (proxy timeout annotations); outbound clients in the code set none',
    ko: '타임아웃이 Ingress에만 있음 (프록시 타임아웃 어노테이션); 코드의 외부 클라이언트는 설정하지 않음',
  },
  'cn-resilience.timeouts.ingress-lead': {
    en: 'The Ingress timeout only bounds the client-facing request; set connect and read timeouts on every outbound HTTP/DB client.',
    ko: 'Ingress 타임아웃은 클라이언트 쪽 요청만 제한합니다. 모든 외부 HTTP/DB 클라이언트에 연결·읽기 타임아웃을 설정하세요.',
  },
  'cn-resilience.timeouts.none': {
    en: 'No timeouts on outbound calls, in code, configuration or the Ingress',
    ko: '코드, 설정, Ingress 어디에도 외부 호출 타임아웃 없음',
  },
  'cn-resilience.timeouts.none-lead': {
    en: 'Set connect and read timeouts on every outbound HTTP/DB client.',
    ko: '모든 외부 HTTP/DB 클라이언트에 연결·읽기 타임아웃을 설정하세요.',
  },
  // pdb
  'cn-resilience.pdb.floor-scaler': {
    en: '{{kind}} {{name}} minimum {{min}}',
    ko: '{{kind}} {{name}} 최소 {{min}}',
  },
  'cn-resilience.pdb.floor-replicas': {
    en: '{{n}} replica(s)',
    ko: '레플리카 {{n}}개',
  },
  // A workload a budget covers, with its replica floor (`floor`: floor-scaler or floor-replicas).
  'cn-resilience.pdb.workload-floor': {
    en: '{{kind}} {{name}} ({{floor}})',
    ko: '{{kind}} {{name}} (하한: {{floor}})',
  },
  'cn-resilience.pdb.budget-neither': {
    en: 'neither minAvailable nor maxUnavailable',
    ko: 'minAvailable과 maxUnavailable 모두 없음',
  },
  // `budget`, `floor` and `targets` are phrases, each its own message (or data).
  'cn-resilience.pdb.covers-others-note': {
    en: '{{budget}} covers {{targets}}',
    ko: '{{budget}}, 대상: {{targets}}',
  },
  'cn-resilience.pdb.covers-blocks-note': {
    en: '{{budget}} covers {{targets}}, which it lets no pod leave',
    ko: '{{budget}}, 대상: {{targets}}; 어떤 파드도 내보내지 못함',
  },
  'cn-resilience.pdb.undecided': {
    en: 'PDB {{name}} ({{budget}}) covers no workload among the objects of {{set}}, so whether it lets a pod go depends on replicas that cannot be seen',
    ko: 'PDB {{name}}({{budget}})이(가) {{set}}의 오브젝트 중 어떤 워크로드도 대상으로 하지 않아, 파드를 내보낼 수 있는지는 보이지 않는 레플리카 수에 달려 있음',
  },
  'cn-resilience.pdb.alone-allows-note': {
    en: '{{budget}}: lets a pod go whatever the replicas (its pods are not among the objects of {{set}})',
    ko: '{{budget}}: 레플리카 수와 관계없이 파드 하나를 내보낼 수 있음 (대상 파드가 {{set}}의 오브젝트에 없음)',
  },
  'cn-resilience.pdb.alone-blocks-note': {
    en: '{{budget}}: lets no pod go, whatever the replicas (its pods are not among the objects of {{set}})',
    ko: '{{budget}}: 레플리카 수와 관계없이 어떤 파드도 내보내지 못함 (대상 파드가 {{set}}의 오브젝트에 없음)',
  },
  'cn-resilience.pdb.covers-note': {
    en: 'covers {{kind}} {{name}} ({{floor}})',
    ko: '{{kind}} {{name}} 대상 ({{floor}})',
  },
  'cn-resilience.pdb.covers-no-disruption-note': {
    en: 'covers {{kind}} {{name}} ({{floor}}) but allows no voluntary disruption ({{budget}})',
    ko: '{{kind}} {{name}} 대상 ({{floor}})이지만 자발적 중단을 허용하지 않음 ({{budget}})',
  },
  'cn-resilience.pdb.uncovered-note': {
    en: 'serving {{kind}} without a PodDisruptionBudget',
    ko: 'PodDisruptionBudget 없이 트래픽을 받는 {{kind}}',
  },
  'cn-resilience.pdb.covered': {
    en: 'every serving workload has a PDB that allows one disruption',
    ko: '트래픽을 받는 모든 워크로드에 한 번의 중단을 허용하는 PDB 있음',
  },
  'cn-resilience.pdb.others-allow': {
    en: 'the PDBs allow one disruption ({{names}})',
    ko: 'PDB가 한 번의 중단을 허용함 ({{names}})',
  },
  'cn-resilience.pdb.uncovered-advice': {
    en: 'Give every serving workload a PodDisruptionBudget that lets one pod go at a time (and run at least 2 replicas, or a drain still takes the service down):',
    ko: '트래픽을 받는 모든 워크로드에 한 번에 파드 하나를 내보낼 수 있는 PodDisruptionBudget을 주세요(레플리카도 2개 이상 실행해야 합니다. 그렇지 않으면 drain 시 서비스가 중단됩니다):',
  },
  'cn-resilience.pdb.blocking-advice': {
    en: 'Give every serving workload a PodDisruptionBudget that lets one pod go at a time (and run at least 2 replicas, or a drain still takes the service down); change minAvailable/maxUnavailable so that one pod may be evicted.',
    ko: '트래픽을 받는 모든 워크로드에 한 번에 파드 하나를 내보낼 수 있는 PodDisruptionBudget을 주세요(레플리카도 2개 이상 실행해야 합니다. 그렇지 않으면 drain 시 서비스가 중단됩니다). 파드 하나를 축출할 수 있도록 minAvailable/maxUnavailable을 바꾸세요.',
  },
  'cn-resilience.pdb.uncovered': {
    en: 'no PDB covers {{names}}',
    ko: '{{names}}을(를) 대상으로 하는 PDB 없음',
  },
  'cn-resilience.pdb.blocking': {
    en: 'PDB {{names}} block(s) every voluntary disruption',
    ko: 'PDB {{names}}가 모든 자발적 중단을 막음',
  },
  'cn-resilience.pdb.offered': {
    en: 'the chart offers a PodDisruptionBudget ({{path}}) that its values switch off',
    ko: '차트에 PodDisruptionBudget({{path}})이 있지만 values에서 꺼져 있음',
  },
  'cn-resilience.pdb.none-note': {
    en: 'no PodDisruptionBudget',
    ko: 'PodDisruptionBudget 없음',
  },
  'cn-resilience.pdb.none': {
    en: 'No serving workload',
    ko: '트래픽을 받는 워크로드 없음',
  },
  // `undecided` is empty (scorecards of older scans: the budgets that cannot be judged, each after `; `, in Korean).
  'cn-resilience.pdb.none-reason': {
    en: 'No Deployment or StatefulSet behind a Service in any deploy target or cluster namespace{{undecided}}.',
    ko: '어떤 배포 대상이나 클러스터 네임스페이스에도 Service 뒤의 Deployment나 StatefulSet이 없습니다{{undecided}}.',
  },
  // `undecided` lists the budgets that cannot be judged (cn-resilience.pdb.undecided).
  'cn-resilience.pdb.none-reason-undecided': {
    en: 'No Deployment or StatefulSet behind a Service in any deploy target or cluster namespace; {{undecided}}.',
    ko: '어떤 배포 대상이나 클러스터 네임스페이스에도 Service 뒤의 Deployment나 StatefulSet이 없습니다; {{undecided}}.',
  },
};
