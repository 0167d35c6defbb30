import type { MessageCatalog } from '../engineMessages';

/** Texts shared by several checks (checks/*.ts outside the area folders). */
export const shared: MessageCatalog = {
  // checks/remoteHelmValues.ts: a check judged on the values files of a Helm chart the repository does not hold; `setting` is the chart key (resources, livenessProbe, image.tag…).
  'shared.remote-helm.pass': {
    en: '{{setting}} set as this check wants in the values of the remote Helm chart {{charts}}',
    ko: '원격 Helm chart {{charts}}의 values에 {{setting}}이(가) 이 점검의 기준대로 설정됨',
  },
  'shared.remote-helm.partial': {
    en: '{{setting}} set as this check wants only in part, or not for every environment, in the values of the remote Helm chart {{charts}}',
    ko: '원격 Helm chart {{charts}}의 values에 {{setting}}이(가) 일부만 또는 일부 환경에만 이 점검의 기준대로 설정됨',
  },
  'shared.remote-helm.fail': {
    en: '{{setting}} in the values of the remote Helm chart {{charts}} does not meet this check',
    ko: '원격 Helm chart {{charts}}의 values에 있는 {{setting}}이(가) 이 점검의 기준에 맞지 않음',
  },
  'shared.remote-helm.value-note': {
    en: '{{value}} (values of a remote chart)',
    ko: '{{value}} (원격 차트의 values)',
  },
  // An object's note in a file (setMessages.ts); `note` is that note's message.
  'shared.object-note': {
    en: '{{object}}: {{note}}',
    ko: '리소스 {{object}}: {{note}}',
  },
  // facts/objectSets.ts offeredButOff's note.
  'shared.chart-offers-note': {
    en: 'the chart offers a {{kind}} ({{path}}) that its values switch off',
    ko: '차트가 {{kind}}({{path}})를 제공하지만 values에서 꺼져 있음',
  },
  // engine/clusterGaps.ts: a pass or partial the cluster could contradict; `problems` are the clusters' errors as read.
  'shared.cluster-gaps-pass': {
    en: 'Evidence from the repository says pass, but the live state could not be checked: {{problems}}.',
    ko: '저장소의 근거로는 충족이지만 클러스터의 실제 상태를 확인할 수 없었습니다: {{problems}}.',
  },
  'shared.cluster-gaps-partial': {
    en: 'Evidence from the repository says partial, but the live state could not be checked: {{problems}}.',
    ko: '저장소의 근거로는 부분 충족이지만 클러스터의 실제 상태를 확인할 수 없었습니다: {{problems}}.',
  },
  // engine/driftEvidence.ts
  'shared.drift-missing-note': {
    en: 'drift: declared in {{target}} but not running in {{cluster}}/{{namespace}}',
    ko: '드리프트: {{target}}에 선언되어 있지만 {{cluster}}/{{namespace}}에서 실행되지 않음',
  },
  'shared.drift-undeclared-note': {
    en: 'drift: running in {{cluster}}/{{namespace}} but not declared in {{target}}',
    ko: '드리프트: {{cluster}}/{{namespace}}에서 실행 중이지만 {{target}}에 선언되어 있지 않음',
  },
  'shared.drift-changed-note': {
    en: 'drift: {{field}} is {{declared}} in {{target}} but {{live}} in {{cluster}}/{{namespace}}',
    ko: '드리프트: {{field}} 값이 {{target}}에서는 {{declared}}, {{cluster}}/{{namespace}}에서는 {{live}}',
  },
  // A code match (facts/code, facts/runtimeHints): `what` is its description's message, `code` the line.
  'shared.code-match-note': {
    en: '{{what}}: {{code}}',
    ko: '{{what}}: {{code}}',
  },
  // The same, with the process it belongs to (`role`: web, worker).
  'shared.code-match-role-note': {
    en: '{{what}} ({{role}}): {{code}}',
    ko: '{{what}} ({{role}}): {{code}}',
  },
};
