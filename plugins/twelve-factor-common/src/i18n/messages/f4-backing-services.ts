import type { MessageCatalog } from '../engineMessages';

/** IV. Backing services. */
export const f4BackingServices: MessageCatalog = {
  // Shared by the checks of the area.
  'f4-backing-services.from-env-advice': {
    en: "Read {{keys}} from environment variables and let each deployment set them (ConfigMap, or a Secret when the URL carries credentials); keep no environment's address in the code or in settings files baked into the image.",
    ko: '{{keys}} 값은 환경 변수에서 읽고 배포마다 지정하게 하세요(ConfigMap, URL에 자격 증명이 있으면 Secret). 코드나 이미지에 포함되는 설정 파일에는 어떤 환경의 주소도 두지 마세요.',
  },
  'f4-backing-services.from-env-addresses-advice': {
    en: "Read these addresses from environment variables and let each deployment set them (ConfigMap, or a Secret when the URL carries credentials); keep no environment's address in the code or in settings files baked into the image.",
    ko: '이 주소들은 환경 변수에서 읽고 배포마다 지정하게 하세요(ConfigMap, URL에 자격 증명이 있으면 Secret). 코드나 이미지에 포함되는 설정 파일에는 어떤 환경의 주소도 두지 마세요.',
  },
  // `containers` of the embedded findings: "image in Kind name" phrases, already in the reader's language.
  'f4-backing-services.image-in': {
    en: '{{image}} in {{workload}}',
    ko: '{{workload}}의 {{image}}',
  },
  // A host with where it points (backing.ts whereIs), said inside the pass findings.
  'f4-backing-services.host-managed': {
    en: '{{host}} (managed service)',
    ko: '{{host}} (관리형 서비스)',
  },
  'f4-backing-services.host-localhost': {
    en: '{{host}} (the same pod (localhost))',
    ko: '{{host}} (같은 파드(localhost))',
  },
  'f4-backing-services.host-behind-service': {
    en: '{{host}} ({{workload}} behind Service {{service}})',
    ko: '{{host}} (Service {{service}} 뒤의 {{workload}})',
  },
  'f4-backing-services.host-outside': {
    en: '{{host}} (outside the cluster workloads)',
    ko: '{{host}} (클러스터 워크로드 밖)',
  },
  // An address a workload's configuration sets: in its env, its command line, or an object (`via`: Secret x, ConfigMap y).
  'f4-backing-services.ref-env-note': {
    en: '{{key}} (env of {{workload}})',
    ko: '{{key}} ({{workload}}의 env)',
  },
  'f4-backing-services.ref-env-host-note': {
    en: '{{key}} → {{host}} (env of {{workload}})',
    ko: '{{key}} → {{host}} ({{workload}}의 env)',
  },
  'f4-backing-services.ref-command-line-note': {
    en: '{{key}} (command line of {{workload}})',
    ko: '{{key}} ({{workload}}의 명령줄)',
  },
  'f4-backing-services.ref-command-line-host-note': {
    en: '{{key}} → {{host}} (command line of {{workload}})',
    ko: '{{key}} → {{host}} ({{workload}}의 명령줄)',
  },
  'f4-backing-services.ref-object-note': {
    en: '{{key}} ({{via}})',
    ko: '{{key}} ({{via}}에서 읽음)',
  },
  'f4-backing-services.ref-object-host-note': {
    en: '{{key}} → {{host}} ({{via}})',
    ko: '{{key}} → {{host}} ({{via}}에서 읽음)',
  },
  // An address written in a file: in the code or a settings file (`-in-code`), as a default the environment overrides (`-default`), or in deploy files.
  'f4-backing-services.literal-note': {
    en: '{{host}}',
    ko: '주소 {{host}}',
  },
  'f4-backing-services.literal-key-note': {
    en: '{{key}} → {{host}}',
    ko: '{{key}} → 주소 {{host}}',
  },
  'f4-backing-services.literal-default-note': {
    en: '{{host}} (literal default, set by the environment)',
    ko: '{{host}} (리터럴 기본값, 환경에서 지정됨)',
  },
  'f4-backing-services.literal-key-default-note': {
    en: '{{key}} → {{host}} (literal default, set by the environment)',
    ko: '{{key}} → {{host}} (리터럴 기본값, 환경에서 지정됨)',
  },
  'f4-backing-services.literal-in-code-note': {
    en: '{{host}} (literal in the code/settings)',
    ko: '{{host}} (코드/설정 파일에 적힌 리터럴)',
  },
  'f4-backing-services.literal-key-in-code-note': {
    en: '{{key}} → {{host}} (literal in the code/settings)',
    ko: '{{key}} → {{host}} (코드/설정 파일에 적힌 리터럴)',
  },
  // swappable
  'f4-backing-services.swappable.by-env': {
    en: 'Backing services can be swapped by changing {{keys}}; no address is hard-coded in the code or settings files',
    ko: '{{keys}} 값만 바꾸면 지원 서비스를 교체할 수 있음. 코드나 설정 파일에 하드코딩된 주소 없음',
  },
  'f4-backing-services.swappable.literal': {
    en: 'Swapping {{addresses}} needs a code or image change',
    ko: '{{addresses}}을(를) 교체하려면 코드나 이미지를 바꿔야 함',
  },
  // urls-from-env
  'f4-backing-services.urls-from-env.none': {
    en: 'No backing-service address found',
    ko: '지원 서비스 주소를 찾지 못함',
  },
  'f4-backing-services.urls-from-env.none-reason': {
    en: 'Neither the deploy configuration, env files, settings files nor code name a database, cache, broker, mail server or API address.',
    ko: '배포 설정, env 파일, 설정 파일, 코드 어디에도 데이터베이스, 캐시, 브로커, 메일 서버, API 주소가 없습니다.',
  },
  'f4-backing-services.urls-from-env.all-env': {
    en: 'Every backing-service address comes from the environment ({{keys}})',
    ko: '모든 지원 서비스 주소를 환경에서 가져옴 ({{keys}})',
  },
  'f4-backing-services.urls-from-env.all-env-flags': {
    en: "Every backing-service address comes from the environment or the deploy manifests' command-line flags ({{keys}})",
    ko: '모든 지원 서비스 주소를 환경이나 배포 매니페스트의 명령줄 플래그에서 가져옴 ({{keys}})',
  },
  'f4-backing-services.urls-from-env.all-literal': {
    en: 'Every backing-service address is a literal: {{addresses}}',
    ko: '모든 지원 서비스 주소가 리터럴임: {{addresses}}',
  },
  'f4-backing-services.urls-from-env.some-literal': {
    en: '{{n|backing-service address|backing-service addresses}} is a literal ({{addresses}}); {{keys}} come from the environment',
    ko: '지원 서비스 주소 {{n}}개가 리터럴임 ({{addresses}}). {{keys}}는 환경에서 가져옴',
  },
  'f4-backing-services.urls-from-env.some-literals': {
    en: '{{n|backing-service address|backing-service addresses}} are literals ({{addresses}}); {{keys}} come from the environment',
    ko: '지원 서비스 주소 {{n}}개가 리터럴임 ({{addresses}}). {{keys}}는 환경에서 가져옴',
  },
  // cache-separate
  'f4-backing-services.cache-separate.none': {
    en: 'The service uses no cache or broker',
    ko: '서비스가 캐시나 브로커를 쓰지 않음',
  },
  'f4-backing-services.cache-separate.none-reason': {
    en: 'No Redis, Memcached, RabbitMQ or Kafka client, address or workload was found.',
    ko: 'Redis, Memcached, RabbitMQ, Kafka의 클라이언트, 주소, 워크로드를 찾지 못했습니다.',
  },
  'f4-backing-services.cache-separate.embedded': {
    en: "The cache runs inside the app's pod: {{containers}}",
    ko: '캐시가 앱의 파드 안에서 실행됨: {{containers}}',
  },
  'f4-backing-services.cache-separate.embedded-note': {
    en: 'cache container {{image}} next to the app',
    ko: '앱 옆의 캐시 컨테이너 {{image}}',
  },
  'f4-backing-services.cache-separate.embedded-advice': {
    en: 'Run the cache as its own Deployment/StatefulSet with a Service (or use a managed cache) and reach it through REDIS_URL, so that every replica shares it and it survives app restarts.',
    ko: '모든 레플리카가 공유하고 앱이 재시작해도 유지되도록, 캐시를 Service가 있는 별도의 Deployment/StatefulSet으로 실행하거나(또는 관리형 캐시를 쓰고) REDIS_URL로 접근하세요.',
  },
  'f4-backing-services.cache-separate.hard-coded': {
    en: 'The cache/broker is reached by a hard-coded address: {{addresses}}',
    ko: '캐시/브로커에 하드코딩된 주소로 접근함: {{addresses}}',
  },
  'f4-backing-services.cache-separate.workload-note': {
    en: 'cache/broker workload',
    ko: '캐시/브로커 워크로드',
  },
  'f4-backing-services.cache-separate.reached': {
    en: '{{techs}} reached through {{keys}}',
    ko: '{{techs}}에 {{keys}} 값으로 접근함',
  },
  'f4-backing-services.cache-separate.reached-where': {
    en: '{{techs}} reached through {{keys}}: {{where}}',
    ko: '{{techs}}에 {{keys}} 값으로 접근함: {{where}}',
  },
  'f4-backing-services.cache-separate.running-unreached': {
    en: 'A cache/broker runs, but nothing shows how the app reaches it',
    ko: '캐시/브로커가 실행 중이지만 앱이 어떻게 접근하는지 알 수 없음',
  },
  'f4-backing-services.cache-separate.running-unreached-reason': {
    en: '{{running}} runs, but no REDIS_URL/broker address in the deploy configuration, env files or code says how the app reaches it.',
    ko: '{{running}}이(가) 실행 중이지만, 배포 설정, env 파일, 코드 어디에도 앱의 접근 방법을 알려 주는 REDIS_URL/브로커 주소가 없습니다.',
  },
  'f4-backing-services.cache-separate.no-address': {
    en: 'A cache/broker client is used but no address was found',
    ko: '캐시/브로커 클라이언트를 쓰지만 주소를 찾지 못함',
  },
  'f4-backing-services.cache-separate.no-address-reason': {
    en: 'The service depends on {{capabilities}}, but no REDIS_URL/broker address in the deploy configuration, env files or code says how the app reaches it.',
    ko: '서비스가 {{capabilities}}에 의존하지만, 배포 설정, env 파일, 코드 어디에도 앱의 접근 방법을 알려 주는 REDIS_URL/브로커 주소가 없습니다.',
  },
  // external-db
  'f4-backing-services.external-db.none': {
    en: 'The service uses no database',
    ko: '서비스가 데이터베이스를 쓰지 않음',
  },
  'f4-backing-services.external-db.none-reason': {
    en: 'No database driver, database URL or database workload was found.',
    ko: '데이터베이스 드라이버, 데이터베이스 URL, 데이터베이스 워크로드를 찾지 못했습니다.',
  },
  'f4-backing-services.external-db.embedded': {
    en: "The database runs inside the app's pod: {{containers}}",
    ko: '데이터베이스가 앱의 파드 안에서 실행됨: {{containers}}',
  },
  'f4-backing-services.external-db.embedded-note': {
    en: 'database container {{image}} next to the app',
    ko: '앱 옆의 데이터베이스 컨테이너 {{image}}',
  },
  'f4-backing-services.external-db.embedded-advice': {
    en: 'Run the database as its own StatefulSet (or an operator/managed service) and reach it through DATABASE_URL, so that app pods can be replaced and scaled without touching data.',
    ko: '데이터를 건드리지 않고 앱 파드를 교체하고 확장할 수 있도록, 데이터베이스를 별도의 StatefulSet(또는 오퍼레이터/관리형 서비스)으로 실행하고 DATABASE_URL로 접근하세요.',
  },
  'f4-backing-services.external-db.sqlite': {
    en: 'The database is an SQLite file inside the app container',
    ko: '데이터베이스가 앱 컨테이너 안의 SQLite 파일임',
  },
  'f4-backing-services.external-db.sqlite-advice': {
    en: 'Use a database server outside the app (managed PostgreSQL/MySQL, or its own StatefulSet) reached through DATABASE_URL; a file in the container is lost with the pod and cannot be shared by replicas.',
    ko: 'DATABASE_URL로 접근하는 앱 밖의 데이터베이스 서버(관리형 PostgreSQL/MySQL 또는 별도 StatefulSet)를 쓰세요. 컨테이너 안의 파일은 파드와 함께 사라지고 레플리카끼리 공유할 수 없습니다.',
  },
  'f4-backing-services.external-db.hard-coded': {
    en: 'The database address is hard-coded: {{addresses}} in {{files}}',
    ko: '데이터베이스 주소가 하드코딩됨: {{files}}의 {{addresses}}',
  },
  'f4-backing-services.external-db.workload-note': {
    en: 'database workload',
    ko: '데이터베이스 워크로드',
  },
  // `keys`: "KEY from …" phrases; `where`: hosts with where they point, or the database workloads.
  'f4-backing-services.external-db.key-from-env': {
    en: '{{key}} from the workload env',
    ko: '워크로드 env의 {{key}}',
  },
  'f4-backing-services.external-db.key-from-command-line': {
    en: '{{key}} from command line of {{workload}}',
    ko: '{{workload}} 명령줄의 {{key}}',
  },
  'f4-backing-services.external-db.key-from': {
    en: '{{key}} from {{via}}',
    ko: '{{via}}의 {{key}}',
  },
  'f4-backing-services.external-db.reached': {
    en: "The database is reached through {{keys}} and runs outside the app's pods",
    ko: '데이터베이스 접근: {{keys}}. 데이터베이스는 앱의 파드 밖에서 실행됨',
  },
  'f4-backing-services.external-db.reached-where': {
    en: "The database is reached through {{keys}} and runs outside the app's pods: {{where}}",
    ko: '데이터베이스 접근: {{keys}}. 데이터베이스는 앱의 파드 밖에서 실행됨: {{where}}',
  },
  'f4-backing-services.external-db.reached-own': {
    en: "The database is reached through its own workload and runs outside the app's pods",
    ko: '데이터베이스에 자체 워크로드를 통해 접근하며, 데이터베이스는 앱의 파드 밖에서 실행됨',
  },
  'f4-backing-services.external-db.reached-own-where': {
    en: "The database is reached through its own workload and runs outside the app's pods: {{where}}",
    ko: '데이터베이스에 자체 워크로드를 통해 접근하며, 데이터베이스는 앱의 파드 밖에서 실행됨: {{where}}',
  },
  'f4-backing-services.external-db.no-address': {
    en: 'A database driver is used but no database address was found',
    ko: '데이터베이스 드라이버를 쓰지만 데이터베이스 주소를 찾지 못함',
  },
  'f4-backing-services.external-db.no-address-reason': {
    en: 'The service depends on {{capabilities}} ({{n|capability|capabilities}}) but neither its deploy configuration, env files nor code name a database address or database workload.',
    ko: '서비스가 {{capabilities}}(기능 {{n}}개)에 의존하지만, 배포 설정, env 파일, 코드 어디에도 데이터베이스 주소나 데이터베이스 워크로드가 없습니다.',
  },
};
