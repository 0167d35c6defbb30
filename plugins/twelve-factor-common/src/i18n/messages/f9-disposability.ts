import type { MessageCatalog } from '../engineMessages';

/** IX. Disposability. */
export const f9Disposability: MessageCatalog = {
  // fast-startup: what a container's probes say, on its workload (summary) and as a note on the container
  'f9-disposability.fast-startup.startup-probe': {
    en: '{{workload}} startupProbe (up to {{seconds}} s)',
    ko: '{{workload}}: startupProbe (최대 {{seconds}}초)',
  },
  'f9-disposability.fast-startup.startup-probe-note': {
    en: 'container {{container}}: startupProbe (up to {{seconds}} s)',
    ko: '컨테이너 {{container}}: startupProbe (최대 {{seconds}}초)',
  },
  'f9-disposability.fast-startup.readiness-delay': {
    en: '{{workload}} readiness initialDelaySeconds {{delay}}',
    ko: '{{workload}}: readiness initialDelaySeconds {{delay}}초',
  },
  'f9-disposability.fast-startup.readiness-delay-note': {
    en: 'container {{container}}: readiness initialDelaySeconds {{delay}}',
    ko: '컨테이너 {{container}}: readiness initialDelaySeconds {{delay}}초',
  },
  'f9-disposability.fast-startup.liveness-delay': {
    en: '{{workload}} liveness initialDelaySeconds {{delay}}',
    ko: '{{workload}}: liveness initialDelaySeconds {{delay}}초',
  },
  'f9-disposability.fast-startup.liveness-delay-note': {
    en: 'container {{container}}: liveness initialDelaySeconds {{delay}}',
    ko: '컨테이너 {{container}}: liveness initialDelaySeconds {{delay}}초',
  },
  'f9-disposability.fast-startup.jvm-command-readiness': {
    en: '{{workload}} JVM runtime ({{command}}) without a startupProbe (readiness after {{delay}} s)',
    ko: '{{workload}}: startupProbe 없는 JVM 런타임({{command}}) (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-command-readiness-note': {
    en: 'container {{container}}: JVM runtime ({{command}}) without a startupProbe (readiness after {{delay}} s)',
    ko: '컨테이너 {{container}}: startupProbe 없는 JVM 런타임({{command}}) (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-image-readiness': {
    en: '{{workload}} JVM image {{image}} without a startupProbe (readiness after {{delay}} s)',
    ko: '{{workload}}: startupProbe 없는 JVM 이미지 {{image}} (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-image-readiness-note': {
    en: 'container {{container}}: JVM image {{image}} without a startupProbe (readiness after {{delay}} s)',
    ko: '컨테이너 {{container}}: startupProbe 없는 JVM 이미지 {{image}} (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-base-image-readiness': {
    en: '{{workload}} JVM base image {{image}} without a startupProbe (readiness after {{delay}} s)',
    ko: '{{workload}}: startupProbe 없는 JVM 베이스 이미지 {{image}} (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-base-image-readiness-note': {
    en: 'container {{container}}: JVM base image {{image}} without a startupProbe (readiness after {{delay}} s)',
    ko: '컨테이너 {{container}}: startupProbe 없는 JVM 베이스 이미지 {{image}} (readiness는 {{delay}}초 후)',
  },
  'f9-disposability.fast-startup.jvm-command-no-probe': {
    en: '{{workload}} no readiness or startup probe; JVM runtime ({{command}})',
    ko: '{{workload}}: readiness/startup probe 없음, JVM 런타임({{command}})',
  },
  'f9-disposability.fast-startup.jvm-command-no-probe-note': {
    en: 'container {{container}}: no readiness or startup probe; JVM runtime ({{command}})',
    ko: '컨테이너 {{container}}: readiness/startup probe 없음, JVM 런타임({{command}})',
  },
  'f9-disposability.fast-startup.jvm-image-no-probe': {
    en: '{{workload}} no readiness or startup probe; JVM image {{image}}',
    ko: '{{workload}}: readiness/startup probe 없음, JVM 이미지 {{image}}',
  },
  'f9-disposability.fast-startup.jvm-image-no-probe-note': {
    en: 'container {{container}}: no readiness or startup probe; JVM image {{image}}',
    ko: '컨테이너 {{container}}: readiness/startup probe 없음, JVM 이미지 {{image}}',
  },
  'f9-disposability.fast-startup.jvm-base-image-no-probe': {
    en: '{{workload}} no readiness or startup probe; JVM base image {{image}}',
    ko: '{{workload}}: readiness/startup probe 없음, JVM 베이스 이미지 {{image}}',
  },
  'f9-disposability.fast-startup.jvm-base-image-no-probe-note': {
    en: 'container {{container}}: no readiness or startup probe; JVM base image {{image}}',
    ko: '컨테이너 {{container}}: readiness/startup probe 없음, JVM 베이스 이미지 {{image}}',
  },
  'f9-disposability.fast-startup.slow': {
    en: 'slow start-up',
    ko: '시작이 느림',
  },
  'f9-disposability.fast-startup.slow-advice': {
    en: 'Give {{workload}} a startupProbe instead of long initial delays, so that Kubernetes learns as soon as it is up (and still tolerates a slow first start); for a JVM consider class-data sharing, lazy initialisation or a native image.',
    ko: 'Kubernetes가 {{workload}}의 기동 완료를 바로 알 수 있도록(느린 첫 기동도 허용하면서) 긴 초기 지연 대신 startupProbe를 설정하세요. JVM이라면 class-data sharing, 지연 초기화 또는 네이티브 이미지를 검토하세요.',
  },
  'f9-disposability.fast-startup.nothing': {
    en: 'No readiness, startup or liveness probe and no known slow runtime to judge start-up time by',
    ko: '시작 시간을 판단할 readiness·startup·liveness probe도, 느리다고 알려진 런타임도 없음',
  },
  'f9-disposability.fast-startup.nothing-reason': {
    en: 'No readiness, startup or liveness probe and no known slow runtime to judge start-up time by ({{sets}}).',
    ko: '시작 시간을 판단할 readiness·startup·liveness probe도, 느리다고 알려진 런타임도 없습니다 ({{sets}}).',
  },
  // graceful-shutdown
  'f9-disposability.graceful-shutdown.no-code-reason': {
    en: 'No source files of a known language (Python, JavaScript/TypeScript, Go, Java, C#) were found.',
    ko: '알려진 언어(Python, JavaScript/TypeScript, Go, Java, C#)의 소스 파일을 찾지 못했습니다.',
  },
  'f9-disposability.graceful-shutdown.boot-note': {
    en: 'Spring Boot {{version}}: server.shutdown=graceful is the default',
    ko: 'Spring Boot {{version}}: server.shutdown=graceful이 기본값',
  },
  'f9-disposability.graceful-shutdown.no-hook-drained-servers': {
    en: 'No shutdown hook in the code, but on SIGTERM {{servers}} drains in-flight requests',
    ko: '코드에 종료 훅은 없지만 SIGTERM을 받으면 {{servers}}이(가) 처리 중인 요청을 마무리함',
  },
  'f9-disposability.graceful-shutdown.no-hook-drained-boot': {
    en: 'No shutdown hook in the code, but on SIGTERM Spring Boot {{version}} shuts its web server down gracefully by default',
    ko: '코드에 종료 훅은 없지만 SIGTERM을 받으면 Spring Boot {{version}}이(가) 기본으로 웹 서버를 graceful하게 종료함',
  },
  'f9-disposability.graceful-shutdown.no-hook-drained-worker': {
    en: 'No shutdown hook in the code, but on SIGTERM {{workers}} finishes the task in hand',
    ko: '코드에 종료 훅은 없지만 SIGTERM을 받으면 {{workers}}이(가) 처리 중인 작업을 마무리함',
  },
  'f9-disposability.graceful-shutdown.no-hook-drained-servers-worker': {
    en: 'No shutdown hook in the code, but on SIGTERM {{servers}} drains in-flight requests; {{workers}} finishes the task in hand',
    ko: '코드에 종료 훅은 없지만 SIGTERM을 받으면 {{servers}}이(가) 처리 중인 요청을, {{workers}}이(가) 처리 중인 작업을 마무리함',
  },
  'f9-disposability.graceful-shutdown.no-hook-drained-boot-worker': {
    en: 'No shutdown hook in the code, but on SIGTERM Spring Boot {{version}} shuts its web server down gracefully by default; {{workers}} finishes the task in hand',
    ko: '코드에 종료 훅은 없지만 SIGTERM을 받으면 Spring Boot {{version}}이(가) 기본으로 웹 서버를 graceful하게 종료하고, {{workers}}이(가) 처리 중인 작업을 마무리함',
  },
  'f9-disposability.graceful-shutdown.drained-servers-but': {
    en: 'On SIGTERM {{servers}} drains in-flight requests, but nothing shuts the {{process}} process down gracefully',
    ko: 'SIGTERM을 받으면 {{servers}}이(가) 처리 중인 요청을 마무리하지만, {{process}} 프로세스를 graceful하게 종료하는 것은 없음',
  },
  'f9-disposability.graceful-shutdown.drained-boot-but': {
    en: 'On SIGTERM Spring Boot {{version}} shuts its web server down gracefully by default, but nothing shuts the {{process}} process down gracefully',
    ko: 'SIGTERM을 받으면 Spring Boot {{version}}이(가) 기본으로 웹 서버를 graceful하게 종료하지만, {{process}} 프로세스를 graceful하게 종료하는 것은 없음',
  },
  'f9-disposability.graceful-shutdown.drained-worker-but': {
    en: 'On SIGTERM {{workers}} finishes the task in hand, but nothing shuts the {{process}} process down gracefully',
    ko: 'SIGTERM을 받으면 {{workers}}이(가) 처리 중인 작업을 마무리하지만, {{process}} 프로세스를 graceful하게 종료하는 것은 없음',
  },
  'f9-disposability.graceful-shutdown.add-hook-advice': {
    en: 'Add a shutdown hook for the {{process}} process: stop taking new work, finish in-flight work, close connections.',
    ko: '{{process}} 프로세스에 종료 훅을 추가하세요. 새 작업을 더 받지 않고, 처리 중인 작업을 마친 뒤 연결을 닫아야 합니다.',
  },
  'f9-disposability.graceful-shutdown.none': {
    en: 'No shutdown hook or signal handler found in {{files}} source files ({{languages}})',
    ko: '소스 파일 {{files}}개({{languages}})에서 종료 훅이나 시그널 핸들러를 찾지 못함',
  },
  'f9-disposability.graceful-shutdown.none-advice': {
    en: 'Handle SIGTERM: stop taking new work, finish or hand back in-flight work, close connections, then exit within terminationGracePeriodSeconds.',
    ko: 'SIGTERM을 처리하세요. 새 작업을 더 받지 않고, 처리 중인 작업을 마치거나 반환하고, 연결을 닫은 뒤 terminationGracePeriodSeconds 안에 종료해야 합니다.',
  },
  'f9-disposability.graceful-shutdown.orderly-framework': {
    en: 'No shutdown hook in the code; on SIGTERM {{framework}} shuts down in order (shutdown observers run) but does not drain in-flight requests unless configured to',
    ko: '코드에 종료 훅은 없으며, SIGTERM을 받으면 {{framework}}이(가) 순서대로 종료(종료 옵저버 실행)하지만 설정하지 않으면 처리 중인 요청을 마무리하지 않음',
  },
  'f9-disposability.graceful-shutdown.orderly-framework-note': {
    en: '{{framework}}: orderly shutdown, no request draining by default',
    ko: '{{framework}}: 순서 있는 종료, 기본으로는 요청을 마무리하지 않음',
  },
  'f9-disposability.graceful-shutdown.orderly-framework-advice': {
    en: "Turn on {{framework}}'s graceful shutdown so it stops taking requests and finishes in-flight ones within the pod's terminationGracePeriodSeconds.",
    ko: '{{framework}}의 graceful shutdown을 켜서, 새 요청을 받지 않고 처리 중인 요청을 pod의 terminationGracePeriodSeconds 안에 마무리하게 하세요.',
  },
  'f9-disposability.graceful-shutdown.found': {
    en: 'Shutdown hooks found: {{locations}}',
    ko: '종료 훅 발견: {{locations}}',
  },
  'f9-disposability.graceful-shutdown.found-for': {
    en: 'Shutdown hooks found for {{process}}: {{locations}}',
    ko: '{{process}} 종료 훅 발견: {{locations}}',
  },
  'f9-disposability.graceful-shutdown.found-for-both': {
    en: 'Shutdown hooks found for {{process}} and {{other}}: {{locations}}',
    ko: '{{process}}, {{other}} 종료 훅 발견: {{locations}}',
  },
  'f9-disposability.graceful-shutdown.cover': {
    en: 'Shutdown hooks cover {{covered}} but not {{missing}}',
    ko: '종료 훅이 {{covered}}은(는) 다루지만 {{missing}}은(는) 다루지 않음',
  },
  'f9-disposability.graceful-shutdown.cover-none': {
    en: 'Shutdown hooks cover no process type but not {{missing}}',
    ko: '종료 훅이 어떤 프로세스 유형도 다루지 않으며 {{missing}}도 다루지 않음',
  },
  'f9-disposability.graceful-shutdown.add-hook-too-advice': {
    en: 'Add a shutdown hook for the {{process}} process too.',
    ko: '{{process}} 프로세스에도 종료 훅을 추가하세요.',
  },
  'f9-disposability.graceful-shutdown.add-hooks-too-advice': {
    en: 'Add a shutdown hook for the {{process}} and {{other}} processes too.',
    ko: '{{process}}, {{other}} 프로세스에도 종료 훅을 추가하세요.',
  },
  // prestop-hook
  'f9-disposability.prestop-hook.all': {
    en: 'every web container defines lifecycle.preStop ({{workloads}})',
    ko: '모든 웹 컨테이너에 lifecycle.preStop이 정의됨 ({{workloads}})',
  },
  'f9-disposability.prestop-hook.missing': {
    en: '{{missing}} of {{total}} web containers lack a preStop hook ({{containers}})',
    ko: '웹 컨테이너 {{total}}개 중 {{missing}}개에 preStop 훅이 없음 ({{containers}})',
  },
  'f9-disposability.prestop-hook.missing-advice': {
    en: 'Add a short preStop sleep to {{workload}} so that endpoints and the Ingress stop sending traffic before the process gets SIGTERM; keep terminationGracePeriodSeconds above the sleep plus the drain time.',
    ko: '프로세스가 SIGTERM을 받기 전에 엔드포인트와 Ingress가 트래픽 전송을 멈추도록 {{workload}}에 짧은 preStop sleep을 추가하세요. terminationGracePeriodSeconds는 sleep 시간과 드레인 시간을 합한 것보다 길게 유지하세요.',
  },
  'f9-disposability.prestop-hook.nothing': {
    en: 'No web process (a workload a Service sends traffic to) to judge',
    ko: '판단할 웹 프로세스(Service가 트래픽을 보내는 워크로드)가 없음',
  },
  'f9-disposability.prestop-hook.nothing-reason': {
    en: 'No web process (a workload a Service sends traffic to) to judge ({{sets}}).',
    ko: '판단할 웹 프로세스(Service가 트래픽을 보내는 워크로드)가 없습니다 ({{sets}}).',
  },
  // termination-grace
  'f9-disposability.termination-grace.default-note': {
    en: 'relies on the default (30 s)',
    ko: '기본값(30초)에 의존함',
  },
  'f9-disposability.termination-grace.short-note': {
    en: 'sets {{grace}} s, not more than its preStop sleep of {{sleep}} s',
    ko: '{{grace}}초로 설정되어 preStop sleep {{sleep}}초보다 길지 않음',
  },
  'f9-disposability.termination-grace.default': {
    en: '{{workloads}} relies on the default (30 s)',
    ko: '{{workloads}}: 기본값(30초)에 의존함',
  },
  'f9-disposability.termination-grace.default-several': {
    en: '{{workloads}} rely on the default (30 s)',
    ko: '{{workloads}}: 기본값(30초)에 의존함',
  },
  'f9-disposability.termination-grace.short': {
    en: '{{workloads}} sets {{grace}} s, not more than its preStop sleep of {{sleep}} s',
    ko: '{{workloads}}: {{grace}}초로 설정되어 preStop sleep {{sleep}}초보다 길지 않음',
  },
  'f9-disposability.termination-grace.all': {
    en: 'every long-running workload sets terminationGracePeriodSeconds ({{workloads}})',
    ko: '모든 장기 실행 워크로드에 terminationGracePeriodSeconds가 설정됨 ({{workloads}})',
  },
  'f9-disposability.termination-grace.set-advice': {
    en: 'Set terminationGracePeriodSeconds explicitly on {{workloads}}, longer than the preStop sleep plus the time the process needs to finish in-flight work.',
    ko: '{{workloads}}에 terminationGracePeriodSeconds를 명시적으로 설정하세요. preStop sleep 시간과 프로세스가 처리 중인 작업을 마치는 데 필요한 시간을 합한 것보다 길어야 합니다.',
  },
  'f9-disposability.termination-grace.nothing': {
    en: 'No long-running workload (Deployment, StatefulSet, DaemonSet) to judge',
    ko: '판단할 장기 실행 워크로드(Deployment, StatefulSet, DaemonSet)가 없음',
  },
  'f9-disposability.termination-grace.nothing-reason': {
    en: 'No long-running workload (Deployment, StatefulSet, DaemonSet) to judge ({{sets}}).',
    ko: '판단할 장기 실행 워크로드(Deployment, StatefulSet, DaemonSet)가 없습니다 ({{sets}}).',
  },
  // sigterm
  'f9-disposability.sigterm.script-note': {
    en: "{{instruction}} runs {{script}}, whose last command (line {{line}}: {{command}}) is not exec'd: the script's shell stays PID 1 and does not forward SIGTERM",
    ko: '{{instruction}}이(가) {{script}}을(를) 실행하는데 마지막 명령({{line}}행: {{command}})이 exec로 실행되지 않음: 스크립트의 셸이 PID 1로 남아 SIGTERM을 전달하지 않음',
  },
  'f9-disposability.sigterm.container-script-note': {
    en: "container {{container}} runs {{script}}, whose last command (line {{line}}: {{command}}) is not exec'd: the script's shell stays PID 1 and does not forward SIGTERM",
    ko: '컨테이너 {{container}}이(가) {{script}}을(를) 실행하는데 마지막 명령({{line}}행: {{command}})이 exec로 실행되지 않음: 스크립트의 셸이 PID 1로 남아 SIGTERM을 전달하지 않음',
  },
  'f9-disposability.sigterm.script-advice': {
    en: 'Start the server with exec on the last line of {{script}} (line {{line}}), so that it replaces the shell as PID 1 and receives SIGTERM.',
    ko: '서버가 셸 대신 PID 1이 되어 SIGTERM을 받도록 {{script}}의 마지막 줄({{line}}행)에서 exec로 서버를 시작하세요.',
  },
  'f9-disposability.sigterm.launcher-note': {
    en: '{{instruction}} runs {{command}}: the package manager is PID 1 and runs the script through a shell, and does not pass SIGTERM on to the app reliably',
    ko: '{{instruction}}이(가) {{command}}을(를) 실행함: 패키지 관리자가 PID 1이 되어 셸을 통해 스크립트를 실행하므로 SIGTERM이 앱에 확실히 전달되지 않음',
  },
  'f9-disposability.sigterm.container-launcher-note': {
    en: 'container {{container}} runs {{command}}: the package manager is PID 1 and runs the script through a shell, and does not pass SIGTERM on to the app reliably',
    ko: '컨테이너 {{container}}이(가) {{command}}을(를) 실행함: 패키지 관리자가 PID 1이 되어 셸을 통해 스크립트를 실행하므로 SIGTERM이 앱에 확실히 전달되지 않음',
  },
  'f9-disposability.sigterm.launcher-advice': {
    en: 'Start the program directly (node with the entry file of the start script) instead of {{command}}, or run it under tini or dumb-init.',
    ko: '{{command}} 대신 프로그램을 직접 시작하거나(start 스크립트의 진입 파일을 node로 실행), tini 또는 dumb-init 아래에서 실행하세요.',
  },
  'f9-disposability.sigterm.shell-form-note': {
    en: '{{instruction}} runs in shell form (/bin/sh -c) without exec: the shell is PID 1 and does not forward SIGTERM ({{script}})',
    ko: '{{instruction}}이(가) exec 없이 셸 형식(/bin/sh -c)으로 실행됨: 셸이 PID 1이 되어 SIGTERM을 전달하지 않음 ({{script}})',
  },
  'f9-disposability.sigterm.sh-c-note': {
    en: '{{instruction}} runs sh -c without exec: the shell is PID 1 and does not forward SIGTERM ({{script}})',
    ko: '{{instruction}}이(가) exec 없이 sh -c를 실행함: 셸이 PID 1이 되어 SIGTERM을 전달하지 않음 ({{script}})',
  },
  'f9-disposability.sigterm.exec-form-advice': {
    en: 'Make the app PID 1: use the exec form of {{instruction}}, or prefix the command with exec when it needs the shell.',
    ko: '앱이 PID 1이 되게 하세요. {{instruction}}의 exec 형식을 쓰거나, 셸이 필요하면 명령 앞에 exec를 붙이세요.',
  },
  'f9-disposability.sigterm.direct-note': {
    en: '{{instruction}} {{command}}: signals reach the process',
    ko: '{{instruction}} {{command}}: 시그널이 프로세스에 전달됨',
  },
  'f9-disposability.sigterm.container-sh-c-note': {
    en: 'container {{container}} runs sh -c without exec: the shell is PID 1 and does not forward SIGTERM',
    ko: '컨테이너 {{container}}이(가) exec 없이 sh -c를 실행함: 셸이 PID 1이 되어 SIGTERM을 전달하지 않음',
  },
  'f9-disposability.sigterm.container-exec-advice': {
    en: "Prefix the program in {{workload}}'s sh -c command with exec so that it becomes PID 1 and receives SIGTERM.",
    ko: '{{workload}}의 sh -c 명령에서 프로그램 앞에 exec를 붙여 PID 1이 되어 SIGTERM을 받게 하세요.',
  },
  'f9-disposability.sigterm.blocked-script': {
    en: 'SIGTERM does not reach the app: the entrypoint is a start script without exec',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트가 exec 없는 시작 스크립트임',
  },
  'f9-disposability.sigterm.blocked-script-several': {
    en: 'SIGTERM does not reach the app: {{n}} entrypoints are a start script without exec',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트 {{n}}개가 exec 없는 시작 스크립트임',
  },
  'f9-disposability.sigterm.blocked-launcher': {
    en: 'SIGTERM does not reach the app: the entrypoint is a package manager',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트가 패키지 관리자임',
  },
  'f9-disposability.sigterm.blocked-launcher-several': {
    en: 'SIGTERM does not reach the app: {{n}} entrypoints are a package manager',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트 {{n}}개가 패키지 관리자임',
  },
  'f9-disposability.sigterm.blocked-shell': {
    en: 'SIGTERM does not reach the app: the entrypoint is a shell without exec',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트가 exec 없는 셸임',
  },
  'f9-disposability.sigterm.blocked-shell-several': {
    en: 'SIGTERM does not reach the app: {{n}} entrypoints are a shell without exec',
    ko: 'SIGTERM이 앱에 전달되지 않음: 엔트리포인트 {{n}}개가 exec 없는 셸임',
  },
  'f9-disposability.sigterm.boot-note': {
    en: 'Spring Boot {{version}}: the web server shuts down gracefully by default (3.4 and later)',
    ko: 'Spring Boot {{version}}: 웹 서버가 기본으로 graceful하게 종료됨 (3.4 이상)',
  },
  'f9-disposability.sigterm.handled-servers': {
    en: 'SIGTERM reaches the app and is handled ({{servers}} drain on SIGTERM)',
    ko: 'SIGTERM이 앱에 전달되어 처리됨 ({{servers}}이(가) SIGTERM에 드레인함)',
  },
  'f9-disposability.sigterm.handled-servers-hook': {
    en: 'SIGTERM reaches the app and is handled ({{servers}} (its shutdown hook closes the context) drain on SIGTERM)',
    ko: 'SIGTERM이 앱에 전달되어 처리됨 ({{servers}}이(가) SIGTERM에 드레인함, Spring Boot는 종료 훅이 컨텍스트를 닫음)',
  },
  'f9-disposability.sigterm.handled-handler': {
    en: 'SIGTERM reaches the app and is handled (handler at {{location}})',
    ko: 'SIGTERM이 앱에 전달되어 처리됨 (핸들러 위치: {{location}})',
  },
  'f9-disposability.sigterm.handled-servers-handler': {
    en: 'SIGTERM reaches the app and is handled ({{servers}} drain on SIGTERM; handler at {{location}})',
    ko: 'SIGTERM이 앱에 전달되어 처리됨 ({{servers}}이(가) SIGTERM에 드레인함, 핸들러 위치: {{location}})',
  },
  'f9-disposability.sigterm.handled-servers-hook-handler': {
    en: 'SIGTERM reaches the app and is handled ({{servers}} (its shutdown hook closes the context) drain on SIGTERM; handler at {{location}})',
    ko: 'SIGTERM이 앱에 전달되어 처리됨 ({{servers}}이(가) SIGTERM에 드레인함, Spring Boot는 종료 훅이 컨텍스트를 닫음, 핸들러 위치: {{location}})',
  },
  'f9-disposability.sigterm.unreadable-reason': {
    en: 'Neither a Dockerfile CMD/ENTRYPOINT, a manifest command nor the code could be read.',
    ko: 'Dockerfile의 CMD/ENTRYPOINT, 매니페스트의 command, 코드 중 어느 것도 읽을 수 없었습니다.',
  },
  'f9-disposability.sigterm.unhandled': {
    en: 'SIGTERM reaches the process, but nothing handles it: no signal handler or shutdown hook in {{files}} source files ({{languages}}) and no server known to drain, so the process ends at once and in-flight requests are dropped',
    ko: 'SIGTERM이 프로세스에 전달되지만 처리하는 곳이 없음: 소스 파일 {{files}}개({{languages}})에 시그널 핸들러나 종료 훅이 없고 드레인한다고 알려진 서버도 없어, 프로세스가 즉시 종료되고 처리 중인 요청이 유실됨',
  },
  'f9-disposability.sigterm.unhandled-advice': {
    en: 'Handle SIGTERM: stop accepting new work, let in-flight requests finish, close connections, then exit (signal.NotifyContext and http.Server.Shutdown in Go, process.on("SIGTERM") with server.close in Node, a lifespan handler or a draining server such as gunicorn or uvicorn in Python).',
    ko: 'SIGTERM을 처리하세요. 새 작업을 더 받지 않고, 처리 중인 요청을 마치고, 연결을 닫은 뒤 종료해야 합니다(Go는 signal.NotifyContext와 http.Server.Shutdown, Node는 process.on("SIGTERM")과 server.close, Python은 lifespan 핸들러나 gunicorn·uvicorn 같은 드레인하는 서버).',
  },
  'f9-disposability.sigterm.undecided': {
    en: 'Signals reach the process, but no SIGTERM handler or draining server was found',
    ko: '시그널은 프로세스에 전달되지만 SIGTERM 핸들러나 드레인하는 서버를 찾지 못함',
  },
  'f9-disposability.sigterm.undecided-reason': {
    en: 'No entrypoint is wrapped in a shell, but neither a signal handler in the code nor a server known to drain on SIGTERM was found, so whether in-flight work survives a shutdown cannot be told.',
    ko: '셸로 감싼 엔트리포인트는 없지만, 코드의 시그널 핸들러도 SIGTERM에 드레인한다고 알려진 서버도 찾지 못해 종료 시 처리 중인 작업이 보존되는지 알 수 없습니다.',
  },
  'f9-disposability.prestop-hook.hook-note': {
    en: 'container {{container}}: preStop {{hook}}',
    ko: '컨테이너 {{container}}: preStop {{hook}}',
  },
  'f9-disposability.prestop-hook.no-hook-note': {
    en: 'container {{container}}: no preStop hook',
    ko: '컨테이너 {{container}}: preStop 훅 없음',
  },
  'f9-disposability.termination-grace.grace-note': {
    en: '{{grace}} s',
    ko: '{{grace}}초',
  },
  'f9-disposability.termination-grace.grace-sleep-note': {
    en: '{{grace}} s > preStop sleep {{sleep}} s',
    ko: '{{grace}}초 > preStop sleep {{sleep}}초',
  },
  'f9-disposability.termination-grace.grace-live-note': {
    en: '{{grace}} s (live value 30 s, which may be the API default)',
    ko: '{{grace}}초 (실행 중인 값 30초, API 기본값일 수 있음)',
  },
  'f9-disposability.termination-grace.grace-sleep-live-note': {
    en: '{{grace}} s > preStop sleep {{sleep}} s (live value 30 s, which may be the API default)',
    ko: '{{grace}}초 > preStop sleep {{sleep}}초 (실행 중인 값 30초, API 기본값일 수 있음)',
  },
};
