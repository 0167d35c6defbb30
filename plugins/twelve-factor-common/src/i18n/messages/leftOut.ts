import type { MessageCatalog } from '../engineMessages';

/**
 * What a scan did not read as the service's own (test fixtures, docs,
 * examples, local-only stacks, vendored material), and why: the evidence
 * notes "left out: <path> (<reason>)" and the reasons themselves.
 */
export const leftOut = {
  // A note: `item` is one of left-out.item*.
  'left-out.note': {
    en: 'left out: {{item}}',
    ko: '제외함: {{item}}',
  },
  'left-out.item': {
    en: '{{path}} ({{reason}})',
    ko: '{{path}}({{reason}})',
  },
  'left-out.item-files': {
    en: '{{path}} ({{reason}}; {{count}} files)',
    ko: '{{path}}({{reason}}, 파일 {{count}}개)',
  },
  'left-out.item-more': {
    en: "{{count}} more folders of material that is not the service's own ({{paths}})",
    ko: '서비스 자체의 것이 아닌 자료의 폴더 {{count}}개 더({{paths}})',
  },
  'left-out.reason.test-material': {
    en: 'test material',
    ko: '테스트 자료',
  },
  'left-out.reason.test-stack': {
    en: 'test material (a test stack)',
    ko: '테스트 자료(테스트 스택)',
  },
  'left-out.reason.load-tests': {
    en: 'load tests',
    ko: '부하 테스트',
  },
  'left-out.reason.documentation': {
    en: 'documentation',
    ko: '문서',
  },
  'left-out.reason.example': {
    en: 'example',
    ko: '예제',
  },
  'left-out.reason.vendored': {
    en: 'vendored third-party material',
    ko: '저장소에 포함된 서드파티 자료',
  },
  'left-out.reason.dev-tooling': {
    en: 'development tooling',
    ko: '개발 도구',
  },
  'left-out.reason.observability': {
    en: 'local observability stack',
    ko: '로컬 관측성 스택',
  },
  'left-out.reason.observability-named': {
    en: 'local observability stack (named for it)',
    ko: '로컬 관측성 스택(파일 이름으로 판단)',
  },
  'left-out.reason.observability-images': {
    en: 'local observability stack (runs only observability tooling)',
    ko: '로컬 관측성 스택(관측성 도구만 실행)',
  },
  // `parent` is a chart folder or left-out.root-chart.
  'left-out.reason.vendored-chart': {
    en: 'vendored chart (a dependency of {{parent}})',
    ko: '저장소에 포함된 차트({{parent}}의 의존성)',
  },
  'left-out.root-chart': {
    en: 'the root chart',
    ko: '루트 차트',
  },
  'left-out.reason.other-services': {
    en: "other services of the repository, none of the entity's",
    ko: '저장소의 다른 서비스(이 엔티티의 것은 없음)',
  },
} satisfies MessageCatalog;
