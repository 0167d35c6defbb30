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
};
