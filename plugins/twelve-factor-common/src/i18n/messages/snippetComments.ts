import type { MessageCatalog } from '../engineMessages';

/**
 * The prose of remediation snippets (comments, a generated document's
 * sentences), without the comment marker: the snippet keeps the English
 * with its marker, and localizedSnippet puts the reader's language in its
 * place. Code quoted in a comment is a parameter and stays as it is.
 */
export const snippetComments = {
  // A file the lines below it belong to (f9 graceful-shutdown, f10 same-database, env-overlays).
  'snippet.file': {
    en: '{{path}}',
    ko: '{{path}} 파일',
  },
  // A setting or package to add to a file (cn-observability health-endpoint, cn-resilience outbound).
  'snippet.add-to-file': {
    en: '{{file}}: {{setting}}',
    ko: '{{file}}에 추가: {{setting}}',
  },
  'snippet.dependency': {
    en: '{{dependency}}',
    ko: '의존성: {{dependency}}',
  },
  // The same with another client library (cn-resilience timeouts).
  'snippet.alternative': {
    en: '{{library}}: {{code}}',
    ko: '{{library}} 사용 시: {{code}}',
  },
  // f3-config secrets: the command that creates the Secret the patch reads.
  'snippet.run-command': {
    en: '{{command}}',
    ko: '먼저 실행: {{command}}',
  },
  // f5 immutable-image: what CI runs to set the tag.
  'snippet.ci-command': {
    en: 'CI: {{command}}',
    ko: 'CI에서 실행: {{command}}',
  },
  'snippet.values-differ': {
    en: 'only what differs from values.yaml',
    ko: 'values.yaml과 다른 값만',
  },
  'snippet.overlay-base': {
    en: '{{path}} (move the manifests of {{target}} here)',
    ko: '{{path}} ({{target}}의 매니페스트를 이곳으로 옮기세요)',
  },
  'snippet.build-here': {
    en: '… build here (compile, install dependencies into /out) …',
    ko: '… 여기서 빌드 (컴파일하고 의존성을 /out에 설치) …',
  },
  'snippet.install-and-build-here': {
    en: '… install build dependencies and build here …',
    ko: '… 여기서 빌드 의존성을 설치하고 빌드 …',
  },
  'snippet.breaker-opens': {
    en: 'Opens after 5 consecutive failures; lets one trial call through after 30 s.',
    ko: '연속 5회 실패하면 열리고, 30초 뒤 시험 호출 하나를 통과시킵니다.',
  },
  'snippet.fluent-bit': {
    en: 'Fluent Bit as a DaemonSet, shipping pod logs to Loki',
    ko: 'Fluent Bit을 DaemonSet으로 실행해 파드 로그를 Loki로 전송',
  },
  'snippet.flask-log-level': {
    en: 'Flask: use @app.put("/admin/log-level") and request.json["level"] instead.',
    ko: 'Flask: 대신 @app.put("/admin/log-level")과 request.json["level"]을 사용하세요.',
  },
  'snippet.pino-stdout': {
    en: 'pino writes JSON lines to stdout by default.',
    ko: 'pino는 기본적으로 stdout에 JSON 줄을 씁니다.',
  },
  'snippet.pip-compile': {
    en: 'Keep loose constraints in requirements.in and commit the compiled, fully pinned file:',
    ko: '느슨한 제약은 requirements.in에 두고, 컴파일해 모두 고정한 파일을 커밋하세요:',
  },
  // f2 system-packages: the README section it writes.
  'snippet.system-dependencies': {
    en: 'System dependencies',
    ko: '시스템 의존성',
  },
  'snippet.image-installs': {
    en: 'The image installs these OS packages:',
    ko: '이미지가 설치하는 OS 패키지:',
  },
  'snippet.pydantic-env': {
    en: 'Read from the environment (DATABASE_URL, LOG_LEVEL, ...); no defaults for environment-specific values.',
    ko: '환경 변수에서 읽음 (DATABASE_URL, LOG_LEVEL, ...). 환경마다 다른 값에는 기본값을 두지 않음.',
  },
  'snippet.dotnet-builder': {
    en: 'The default builder reads appsettings.json, then environment variables (ConnectionStrings__Db, Logging__LogLevel__Default)',
    ko: '기본 빌더는 appsettings.json을 읽은 다음 환경 변수(ConnectionStrings__Db, Logging__LogLevel__Default)를 읽음',
  },
  'snippet.fastapi-lifespan': {
    en: 'stop accepting work, then close pools and flush buffers',
    ko: '새 작업을 받지 않은 뒤 풀을 닫고 버퍼를 비움',
  },
  'snippet.celery-shutdown': {
    en: 'in-flight tasks finish (task_acks_late=True re-queues the rest); release connections here',
    ko: '처리 중인 작업은 끝까지 실행됨 (task_acks_late=True면 나머지는 다시 큐에 들어감). 여기서 연결을 해제',
  },
} satisfies MessageCatalog;

/** The id of a snippet comment's message. @public */
export type SnippetCommentId = keyof typeof snippetComments;
