import type { MessageCatalog } from '../engineMessages';

/** Scalability. */
export const cnScalability: MessageCatalog = {
  // vertical
  'cn-scalability.vertical.vpa-detached': {
    en: 'A VerticalPodAutoscaler sizes {{targets}}',
    ko: 'VerticalPodAutoscaler가 {{targets}}의 크기를 조정함',
  },
  'cn-scalability.vertical.vpa-detached-note': {
    en: 'VerticalPodAutoscaler (update mode {{mode}}); its target is not among the objects of {{set}}',
    ko: 'VerticalPodAutoscaler(업데이트 모드 {{mode}}), 대상이 {{set}}의 객체에 없음',
  },
  'cn-scalability.vertical.sized': {
    en: 'Resource requests/limits set, so pods can be resized',
    ko: '리소스 requests/limits가 설정되어 파드 크기를 조정할 수 있음',
  },
  'cn-scalability.vertical.sized-unsized': {
    en: 'Resource requests/limits set, so pods can be resized ({{names}} set none)',
    ko: '리소스 requests/limits가 설정되어 파드 크기를 조정할 수 있음 ({{names}}에는 설정 없음)',
  },
  'cn-scalability.vertical.sized-vpa': {
    en: 'Resource requests/limits set and a VerticalPodAutoscaler, so pods can be resized',
    ko: '리소스 requests/limits와 VerticalPodAutoscaler가 설정되어 파드 크기를 조정할 수 있음',
  },
  'cn-scalability.vertical.sized-vpa-unsized': {
    en: 'Resource requests/limits set and a VerticalPodAutoscaler, so pods can be resized ({{names}} set none)',
    ko: '리소스 requests/limits와 VerticalPodAutoscaler가 설정되어 파드 크기를 조정할 수 있음 ({{names}}에는 설정 없음)',
  },
  'cn-scalability.vertical.sized-note': {
    en: 'requests/limits set',
    ko: 'requests/limits 설정됨',
  },
  'cn-scalability.vertical.vpa-note': {
    en: 'VerticalPodAutoscaler targets {{target}}',
    ko: 'VerticalPodAutoscaler 대상: {{target}}',
  },
  'cn-scalability.vertical.none': {
    en: 'No resource requests or limits and no VerticalPodAutoscaler',
    ko: '리소스 requests/limits와 VerticalPodAutoscaler가 모두 없음',
  },
  'cn-scalability.vertical.none-note': {
    en: 'no resources.requests or limits',
    ko: 'resources.requests와 limits 없음',
  },
  'cn-scalability.vertical.none-advice': {
    en: 'Set resource requests and limits for every container (see cn-orchestration.resources); to size them from real usage, run a VerticalPodAutoscaler in recommendation mode for {{name}} and read its recommendations.',
    ko: '모든 컨테이너에 리소스 requests와 limits를 설정하세요(cn-orchestration.resources 참고). 실제 사용량에 맞춰 크기를 정하려면 {{name}}에 대해 VerticalPodAutoscaler를 권장 모드로 실행하고 그 권장값을 확인하세요.',
  },
  'cn-scalability.vertical.nothing-reason': {
    en: 'No workloads and no VerticalPodAutoscaler in {{sets}}.',
    ko: '{{sets}}에 워크로드와 VerticalPodAutoscaler가 없습니다.',
  },
  // database and cache (datastores.ts)
  'cn-scalability.datastores.resource': {
    en: '{{product}} {{object}}',
    ko: '{{product}} 리소스 {{object}}',
  },
  'cn-scalability.datastores.resource-single': {
    en: '{{product}} {{object}} runs a single instance',
    ko: '{{product}} {{object}}: 단일 인스턴스로 실행됨',
  },
  'cn-scalability.datastores.replicated': {
    en: '{{workload}} runs {{image}} replicated ({{n}} replica(s))',
    ko: '{{workload}}: 복제 구성의 {{image}} 실행 (레플리카 {{n}}개)',
  },
  'cn-scalability.datastores.single-database': {
    en: '{{workload}} runs a single {{image}} database',
    ko: '{{workload}}: 단일 {{image}} 데이터베이스 실행',
  },
  'cn-scalability.datastores.single-database-replicas': {
    en: '{{workload}} runs a single {{image}} database ({{n}} replicas without replication)',
    ko: '{{workload}}: 단일 {{image}} 데이터베이스 실행 (복제 없는 레플리카 {{n}}개)',
  },
  'cn-scalability.datastores.single-cache': {
    en: '{{workload}} runs a single {{image}} cache',
    ko: '{{workload}}: 단일 {{image}} 캐시 실행',
  },
  'cn-scalability.datastores.single-cache-replicas': {
    en: '{{workload}} runs a single {{image}} cache ({{n}} replicas without replication)',
    ko: '{{workload}}: 단일 {{image}} 캐시 실행 (복제 없는 레플리카 {{n}}개)',
  },
  'cn-scalability.datastores.managed-database': {
    en: 'managed database {{host}}',
    ko: '관리형 데이터베이스 {{host}}',
  },
  'cn-scalability.datastores.managed-database-from': {
    en: 'managed database {{host}} ({{source}})',
    ko: '관리형 데이터베이스 {{host}} ({{source}})',
  },
  'cn-scalability.datastores.managed-cache': {
    en: 'managed cache {{host}}',
    ko: '관리형 캐시 {{host}}',
  },
  'cn-scalability.datastores.managed-cache-from': {
    en: 'managed cache {{host}} ({{source}})',
    ko: '관리형 캐시 {{host}} ({{source}})',
  },
  // After the first four stores of a pass summary.
  'cn-scalability.datastores.and-more': {
    en: 'and {{n}} more',
    ko: '외 {{n}}개',
  },
  // database
  'cn-scalability.database.pass': {
    en: 'The database is a managed service or an operator-run cluster',
    ko: '데이터베이스가 관리형 서비스이거나 오퍼레이터가 운영하는 클러스터임',
  },
  'cn-scalability.database.single-advice': {
    en: '{{object}} is a single pod: it cannot scale or fail over on its own. Use a managed service (Azure Database for PostgreSQL, Amazon RDS, Cloud SQL) or an operator-run cluster with replicas, failover and backups, e.g. CloudNativePG:',
    ko: '{{object}}은(는) 단일 파드라서 스스로 확장하거나 장애 조치할 수 없습니다. 관리형 서비스(Azure Database for PostgreSQL, Amazon RDS, Cloud SQL)나 레플리카·장애 조치·백업을 갖춘 오퍼레이터 운영 클러스터를 사용하세요. 예: CloudNativePG',
  },
  'cn-scalability.database.single-advice-unnamed': {
    en: 'The database is a single pod: it cannot scale or fail over on its own. Use a managed service (Azure Database for PostgreSQL, Amazon RDS, Cloud SQL) or an operator-run cluster with replicas, failover and backups, e.g. CloudNativePG:',
    ko: '데이터베이스가 단일 파드라서 스스로 확장하거나 장애 조치할 수 없습니다. 관리형 서비스(Azure Database for PostgreSQL, Amazon RDS, Cloud SQL)나 레플리카·장애 조치·백업을 갖춘 오퍼레이터 운영 클러스터를 사용하세요. 예: CloudNativePG',
  },
  'cn-scalability.database.not-visible': {
    en: 'Database location not visible',
    ko: '데이터베이스 위치가 보이지 않음',
  },
  'cn-scalability.database.not-visible-reason': {
    en: 'The code uses a database ({{drivers}}), but no managed-service host, database operator resource or database pod names where it runs, so how it scales cannot be judged.',
    ko: '코드가 데이터베이스({{drivers}})를 사용하지만 실행 위치를 알려 주는 관리형 서비스 호스트, 데이터베이스 오퍼레이터 리소스, 데이터베이스 파드가 없어 확장 방식을 판단할 수 없습니다.',
  },
  'cn-scalability.database.none': {
    en: 'No database',
    ko: '데이터베이스 없음',
  },
  'cn-scalability.database.none-reason': {
    en: 'No database found: no managed-service host, database operator resource or database pod.',
    ko: '데이터베이스를 찾지 못했습니다. 관리형 서비스 호스트, 데이터베이스 오퍼레이터 리소스, 데이터베이스 파드가 없습니다.',
  },
  // cache
  'cn-scalability.cache.pass': {
    en: 'The cache is replicated or managed',
    ko: '캐시가 복제 구성이거나 관리형 서비스임',
  },
  'cn-scalability.cache.single-advice': {
    en: '{{object}} is a single instance: when it restarts, every client loses the cache at once. Run Redis with Sentinel (replicas + automatic failover), Redis Cluster, or a managed cache (Azure Cache for Redis, ElastiCache, Memorystore).',
    ko: '{{object}}은(는) 단일 인스턴스라서 재시작하면 모든 클라이언트가 한꺼번에 캐시를 잃습니다. Redis를 Sentinel(레플리카 + 자동 장애 조치)과 함께 실행하거나 Redis Cluster 또는 관리형 캐시(Azure Cache for Redis, ElastiCache, Memorystore)를 사용하세요.',
  },
  'cn-scalability.cache.single-advice-unnamed': {
    en: 'The cache is a single instance: when it restarts, every client loses the cache at once. Run Redis with Sentinel (replicas + automatic failover), Redis Cluster, or a managed cache (Azure Cache for Redis, ElastiCache, Memorystore).',
    ko: '캐시가 단일 인스턴스라서 재시작하면 모든 클라이언트가 한꺼번에 캐시를 잃습니다. Redis를 Sentinel(레플리카 + 자동 장애 조치)과 함께 실행하거나 Redis Cluster 또는 관리형 캐시(Azure Cache for Redis, ElastiCache, Memorystore)를 사용하세요.',
  },
  'cn-scalability.cache.none': {
    en: 'No cache',
    ko: '캐시 없음',
  },
  'cn-scalability.cache.none-reason': {
    en: 'No cache found: no Redis/Valkey/Memcached workload, cache operator resource or managed cache host.',
    ko: '캐시를 찾지 못했습니다. Redis/Valkey/Memcached 워크로드, 캐시 오퍼레이터 리소스, 관리형 캐시 호스트가 없습니다.',
  },
  // event-driven
  'cn-scalability.event-driven.scaled-jobs': {
    en: 'Queue work runs as KEDA ScaledJobs ({{jobs}})',
    ko: '큐 작업이 KEDA ScaledJob으로 실행됨 ({{jobs}})',
  },
  // One scaler whose workload is elsewhere; the English lists them all in one clause.
  'cn-scalability.event-driven.keda-scales': {
    en: 'KEDA scales {{target}} on {{trigger}}',
    ko: 'KEDA가 {{trigger}} 트리거로 {{target}} 확장',
  },
  'cn-scalability.event-driven.scaled-job-note': {
    en: 'KEDA ScaledJob',
    ko: 'KEDA ScaledJob 리소스',
  },
  'cn-scalability.event-driven.detached-note': {
    en: 'scales {{target}} on a {{trigger}} trigger (the workload is not among the objects of {{set}})',
    ko: '{{trigger}} 트리거로 {{target}} 확장 (워크로드가 {{set}}의 객체에 없음)',
  },
  // A consumer scaled by a ScaledObject or HPA, by how it was recognised.
  'cn-scalability.event-driven.scaled-framework': {
    en: '{{framework}} consumer {{name}} scaled by {{scaler}}',
    ko: '{{framework}} 컨슈머 {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.scaled-command': {
    en: '{{command}} consumer consumer {{name}} scaled by {{scaler}}',
    ko: '{{command}} 컨슈머 {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.scaled-trigger': {
    en: 'queue consumer ({{trigger}}) consumer {{name}} scaled by {{scaler}}',
    ko: '큐 컨슈머({{trigger}}) {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.scaled-metric': {
    en: 'queue consumer (external metric {{metric}}) consumer {{name}} scaled by {{scaler}}',
    ko: '큐 컨슈머(외부 메트릭 {{metric}}) {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.scaled-env': {
    en: 'queue consumer (env {{env}}) consumer {{name}} scaled by {{scaler}}',
    ko: '큐 컨슈머(환경 변수 {{env}}) {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.scaled-by-name': {
    en: 'queue worker (by name) consumer {{name}} scaled by {{scaler}}',
    ko: '큐 워커(이름으로 판단) {{name}}: {{scaler}}로 확장됨',
  },
  // A consumer with fixed replicas, by how it was recognised.
  'cn-scalability.event-driven.fixed-framework': {
    en: '{{framework}} consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '{{framework}} 컨슈머: 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.fixed-command': {
    en: '{{command}} consumer consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '{{command}} 컨슈머: 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.fixed-trigger': {
    en: 'queue consumer ({{trigger}}) consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '큐 컨슈머({{trigger}}): 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.fixed-metric': {
    en: 'queue consumer (external metric {{metric}}) consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '큐 컨슈머(외부 메트릭 {{metric}}): 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.fixed-env': {
    en: 'queue consumer (env {{env}}) consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '큐 컨슈머(환경 변수 {{env}}): 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.fixed-by-name': {
    en: 'queue worker (by name) consumer with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '큐 워커(이름으로 판단): 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.scaled-code': {
    en: 'runs the queue consumer of the code ({{location}}); {{name}} scaled by {{scaler}}',
    ko: '코드의 큐 컨슈머({{location}})를 실행함; {{name}}: {{scaler}}로 확장됨',
  },
  'cn-scalability.event-driven.fixed-code': {
    en: 'runs the queue consumer of the code ({{location}}) with {{replicas}} fixed replica(s) and no KEDA ScaledObject',
    ko: '코드의 큐 컨슈머({{location}})를 실행함: 고정 레플리카 {{replicas}}개, KEDA ScaledObject 없음',
  },
  'cn-scalability.event-driven.scaled': {
    en: 'Queue consumers scale on events ({{names}})',
    ko: '큐 컨슈머가 이벤트에 따라 확장됨 ({{names}})',
  },
  'cn-scalability.event-driven.unscaled': {
    en: 'Queue consumer(s) {{names}} without event-driven scaling',
    ko: '이벤트 기반 확장이 없는 큐 컨슈머: {{names}}',
  },
  'cn-scalability.event-driven.unscaled-advice': {
    en: 'Scale {{name}} on its queue length with a KEDA ScaledObject: workers are added while tasks wait and removed when the queue drains (KEDA must be installed in the cluster).',
    ko: 'KEDA ScaledObject로 {{name}}을(를) 큐 길이에 따라 확장하세요. 작업이 대기하는 동안 워커가 늘고 큐가 비면 줄어듭니다(클러스터에 KEDA가 설치되어 있어야 합니다).',
  },
  'cn-scalability.event-driven.nothing-reason': {
    en: 'No queue consumers: no workload runs a Celery/RQ/Dramatiq/Sidekiq-style worker or a Kafka/SQS/Pub/Sub consumer, none is scaled on a queue, so event-driven scaling does not apply.',
    ko: '큐 컨슈머 없음: Celery/RQ/Dramatiq/Sidekiq 방식의 워커나 Kafka/SQS/Pub/Sub 컨슈머를 실행하는 워크로드가 없고 큐에 따라 확장되는 워크로드도 없으므로 이벤트 기반 확장은 해당되지 않습니다.',
  },
};
