import type { AreaDefinition, AreaGroupId } from '../types';

/** The 19 areas, in report order. @public */
export const AREAS: ReadonlyArray<AreaDefinition> = [
  {
    id: 'f1-codebase',
    group: 'twelve-factor',
    title: 'I. Codebase',
    titleKo: 'I. 코드베이스',
  },
  {
    id: 'f2-dependencies',
    group: 'twelve-factor',
    title: 'II. Dependencies',
    titleKo: 'II. 종속성',
  },
  {
    id: 'f3-config',
    group: 'twelve-factor',
    title: 'III. Config',
    titleKo: 'III. 설정',
  },
  {
    id: 'f4-backing-services',
    group: 'twelve-factor',
    title: 'IV. Backing services',
    titleKo: 'IV. 백엔드 서비스',
  },
  {
    id: 'f5-build-release-run',
    group: 'twelve-factor',
    title: 'V. Build, release, run',
    titleKo: 'V. 빌드, 릴리스, 실행',
  },
  {
    id: 'f6-processes',
    group: 'twelve-factor',
    title: 'VI. Processes',
    titleKo: 'VI. 프로세스',
  },
  {
    id: 'f7-port-binding',
    group: 'twelve-factor',
    title: 'VII. Port binding',
    titleKo: 'VII. 포트 바인딩',
  },
  {
    id: 'f8-concurrency',
    group: 'twelve-factor',
    title: 'VIII. Concurrency',
    titleKo: 'VIII. 동시성',
  },
  {
    id: 'f9-disposability',
    group: 'twelve-factor',
    title: 'IX. Disposability',
    titleKo: 'IX. 폐기 가능성',
  },
  {
    id: 'f10-dev-prod-parity',
    group: 'twelve-factor',
    title: 'X. Dev/prod parity',
    titleKo: 'X. 개발/운영 환경 일치',
  },
  {
    id: 'f11-logs',
    group: 'twelve-factor',
    title: 'XI. Logs',
    titleKo: 'XI. 로그',
  },
  {
    id: 'f12-admin-processes',
    group: 'twelve-factor',
    title: 'XII. Admin processes',
    titleKo: 'XII. 관리 프로세스',
  },
  {
    id: 'cn-containerization',
    group: 'cloud-native',
    title: 'Containerization',
    titleKo: '컨테이너화',
  },
  {
    id: 'cn-orchestration',
    group: 'cloud-native',
    title: 'Orchestration',
    titleKo: '오케스트레이션',
  },
  {
    id: 'cn-observability',
    group: 'cloud-native',
    title: 'Observability',
    titleKo: '관측 가능성',
  },
  {
    id: 'cn-resilience',
    group: 'cloud-native',
    title: 'Resilience & self-healing',
    titleKo: '복원력 및 자가 치유',
  },
  {
    id: 'cn-scalability',
    group: 'cloud-native',
    title: 'Scalability',
    titleKo: '확장성',
  },
  {
    id: 'cn-security',
    group: 'cloud-native',
    title: 'Security',
    titleKo: '보안',
  },
  {
    id: 'cn-cicd',
    group: 'cloud-native',
    title: 'CI/CD & GitOps',
    titleKo: 'CI/CD 및 GitOps',
  },
];

/** The two groups, in report order. @public */
export const GROUPS: ReadonlyArray<{
  id: AreaGroupId;
  title: string;
  titleKo: string;
}> = [
  { id: 'twelve-factor', title: 'Twelve-Factor App', titleKo: '12 팩터 앱' },
  { id: 'cloud-native', title: 'Cloud-native', titleKo: '클라우드 네이티브' },
];

const areaById = new Map(AREAS.map(a => [a.id, a]));

/** Looks an area up by id. @public */
export function getArea(id: string): AreaDefinition | undefined {
  return areaById.get(id);
}
