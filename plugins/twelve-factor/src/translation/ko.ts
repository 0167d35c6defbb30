import { createTranslationMessages } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from './ref';

const ko = createTranslationMessages({
  ref: twelveFactorTranslationRef,
  full: true,
  messages: {
    tabTitle: '12 팩터',
    overall: '종합',
    twelveFactorGroup: '12 팩터 앱',
    cloudNativeGroup: '클라우드 네이티브',
    area: '영역',
    score: '점수',
    check: '점검 항목',
    verdict: '상태',
    finding: '현황',
    evidence: '근거',
    remediation: '개선 방안',
    docs: '문서',
    noScore: '해당 없음',
    weakestAreas: '취약 영역',
    viewDetails: '상세 보기',
    refresh: '다시 점검',
    generatedAt: '점검 시각 {{time}}',
    diagnostics: '점검 진단 정보',
    weight: '가중치 {{weight}}',
    reason: '사유',
    waivedBy: '예외 처리: {{reason}}',
    expiredWaiver: '예외가 {{date}}에 만료되어 다시 점수에 반영됩니다.',
    cardTitle: '12 팩터 점수',
    'verdicts.pass': '충족',
    'verdicts.partial': '부분충족',
    'verdicts.fail': '미충족',
    'verdicts.unknown': '판단 불가',
    'verdicts.waived': '예외',
  },
});

export default ko;
