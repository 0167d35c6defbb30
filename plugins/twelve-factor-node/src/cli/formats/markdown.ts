import {
  AREAS,
  CHECK_TITLES_KO,
  CheckDefinition,
  CheckResult,
  Evidence,
  GROUPS,
  localized,
  localizedSnippet,
  REMEDIATION_SEPARATOR,
  renderDiagnostic,
  priorityOf,
  Priority,
  Scorecard,
  Verdict,
} from '@internal/plugin-twelve-factor-common';

/** Report languages. */
export type Lang = 'en' | 'ko';

/** The report's status bands: none, good (80+), needs improvement (50+), insufficient. */
function band(
  score: number | null,
  words: [string, string, string, string],
): string {
  if (score === null) return words[0];
  if (score >= 80) return words[1];
  return score >= 50 ? words[2] : words[3];
}

const WORDS = {
  en: {
    title: 'Twelve-Factor and cloud-native assessment',
    entity: 'Entity',
    scanned: 'Scanned',
    overall: 'Overall score',
    checklist12: '1. Twelve-Factor checklist',
    checklistCn: '2. Cloud-native checklist',
    summary: '3. Summary',
    roadmap: '4. Prioritised roadmap',
    files: '5. Files to create or modify',
    references: '6. References',
    diagnostics: 'Scan diagnostics',
    item: 'Item',
    status: 'Status',
    found: 'What was found',
    improve: 'What to improve',
    score: 'Score',
    area: 'Area',
    average: 'Average',
    improvements: 'Improvements needed',
    none: 'No gaps.',
    priorities: {
      P0: 'P0: do now',
      P1: 'P1: short term',
      P2: 'P2: medium term',
      P3: 'P3: nice to have',
    } as Record<Priority, string>,
    verdict: {
      pass: '✅ Met',
      partial: '⚠️ Partially met',
      fail: '❌ Not met',
      unknown: '❔ Unknown',
      waived: '⏸️ Waived',
    } as Record<Verdict, string>,
    areaStatus: (s: number | null) =>
      band(s, ['n/a', 'Good', 'Needs improvement', 'Insufficient']),
    improves: 'improves',
    noFiles: 'No file changes suggested.',
    drift: 'Drift between the repository and the clusters',
    target: 'Deploy target ↔ cluster',
    object: 'Object',
    difference: 'Difference',
    missing: 'declared, not running',
    undeclared: 'running, not declared',
  },
  ko: {
    title: '12 팩터 및 클라우드 네이티브 평가',
    entity: '대상',
    scanned: '점검 시각',
    overall: '종합 점수',
    checklist12: '1. 12 팩터 체크리스트',
    checklistCn: '2. 클라우드 네이티브 체크리스트',
    summary: '3. 요약',
    roadmap: '4. 우선순위별 개선 로드맵',
    files: '5. 생성/수정할 파일',
    references: '6. 참고 자료',
    diagnostics: '점검 진단 정보',
    item: '항목',
    status: '상태',
    found: '현황',
    improve: '개선 사항',
    score: '점수',
    area: '영역',
    average: '평균',
    improvements: '개선 필요 사항',
    none: '개선 필요 사항 없음.',
    priorities: {
      P0: 'P0: 즉시',
      P1: 'P1: 단기',
      P2: 'P2: 중기',
      P3: 'P3: 선택',
    } as Record<Priority, string>,
    verdict: {
      pass: '✅ 충족',
      partial: '⚠️ 부분충족',
      fail: '❌ 미충족',
      unknown: '❔ 판단 불가',
      waived: '⏸️ 예외',
    } as Record<Verdict, string>,
    areaStatus: (s: number | null) =>
      band(s, ['해당 없음', '양호', '개선 필요', '미흡']),
    improves: '개선 영역',
    noFiles: '제안된 파일 변경 없음.',
    drift: '저장소와 클러스터 간 차이 (드리프트)',
    target: '배포 대상 ↔ 클러스터',
    object: '오브젝트',
    difference: '차이',
    missing: '선언됨, 실행 중 아님',
    undeclared: '실행 중, 선언되지 않음',
  },
};

function pct(s: number | null | undefined): string {
  return s === null || s === undefined ? '–' : `${Math.round(s * 10) / 10}%`;
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function describe(e: Evidence): string {
  switch (e.type) {
    case 'file':
      return `\`${e.path}${e.startLine ? `:${e.startLine}` : ''}\`${
        e.target ? ` [${e.target}]` : ''
      }`;
    case 'cluster-object':
      return `\`${e.cluster}/${e.namespace ? `${e.namespace}/` : ''}${e.kind}/${
        e.name
      }\``;
    default:
      return `\`${e.field}\``;
  }
}

/** The report in the shape of the by-hand assessment, in English or Korean. */
export function toMarkdown(
  card: Scorecard,
  definitions: ReadonlyArray<CheckDefinition>,
  lang: Lang,
  entityTitle?: string,
): string {
  const w = WORDS[lang];
  const defs = new Map(definitions.map(d => [d.id, d]));
  const title = (r: CheckResult) =>
    (lang === 'ko' ? CHECK_TITLES_KO[r.checkId] : undefined) ??
    defs.get(r.checkId)?.title ??
    r.checkId;
  const areaTitle = (id: string) => {
    const a = AREAS.find(x => x.id === id);
    if (!a) return id;
    return lang === 'ko' ? a.titleKo : a.title;
  };
  const out: string[] = [];
  out.push(`# ${w.title}: ${entityTitle ?? card.entityRef}`, '');
  out.push(
    `- ${w.entity}: \`${card.entityRef}\``,
    `- ${w.scanned}: ${card.generatedAt}`,
    `- ${w.overall}: **${pct(card.overall)}**`,
    '',
  );

  for (const group of GROUPS) {
    out.push(
      `## ${group.id === 'twelve-factor' ? w.checklist12 : w.checklistCn}`,
      '',
    );
    for (const area of card.areas.filter(a => a.group === group.id)) {
      const rows = card.results.filter(r => r.area === area.areaId);
      out.push(`### ${areaTitle(area.areaId)} (${pct(area.score)})`, '');
      out.push(
        `| ${w.item} | ${w.status} | ${w.found} | ${w.improve} |`,
        '|---|---|---|---|',
      );
      for (const r of rows) {
        const found = [
          localized(r.summary, r.summaryMsg, lang),
          ...r.evidence.slice(0, 3).map(describe),
        ].join('<br>');
        let improve =
          r.remediation &&
          localized(
            r.remediation.text,
            r.remediation.textMsg,
            lang,
            REMEDIATION_SEPARATOR,
          );
        if (r.verdict === 'waived' || r.verdict === 'unknown')
          improve = r.reason && localized(r.reason, r.reasonMsg, lang);
        else if (r.verdict === 'pass') improve = '';
        out.push(
          `| ${cell(title(r))} | ${w.verdict[r.verdict]} | ${cell(
            found,
          )} | ${cell(improve)} |`,
        );
      }
      out.push('');
      const gaps = rows.filter(
        r =>
          (r.verdict === 'fail' || r.verdict === 'partial') &&
          r.remediation?.snippet,
      );
      if (gaps.length) {
        out.push(`**${w.improvements}**`, '');
        for (const r of gaps) {
          const s = r.remediation!.snippet!;
          out.push(
            `- ${title(r)}${s.path ? ` (\`${s.path}\`)` : ''}:`,
            '',
            `\`\`\`${s.language}`,
            localizedSnippet(s, lang).trimEnd(),
            '```',
            '',
          );
        }
      }
    }
  }

  out.push(`## ${w.summary}`, '');
  for (const group of GROUPS) {
    out.push(`| ${w.area} | ${w.score} | ${w.status} |`, '|---|---|---|');
    for (const a of card.areas.filter(x => x.group === group.id)) {
      out.push(
        `| ${areaTitle(a.areaId)} | ${pct(a.score)} | ${w.areaStatus(
          a.score,
        )} |`,
      );
    }
    const g = card.groups.find(x => x.groupId === group.id);
    out.push(
      `| **${w.average} (${
        lang === 'ko' ? group.titleKo : group.title
      })** | **${pct(g?.score)}** | ${w.areaStatus(g?.score ?? null)} |`,
      '',
    );
  }

  out.push(`## ${w.roadmap}`, '');
  const gaps = card.results.filter(
    r => r.verdict === 'fail' || r.verdict === 'partial',
  );
  const byPriority = new Map<Priority, CheckResult[]>();
  for (const r of gaps) {
    const p = priorityOf(r, defs.get(r.checkId));
    byPriority.set(p, [...(byPriority.get(p) ?? []), r]);
  }
  if (gaps.length === 0) out.push(w.none, '');
  for (const p of ['P0', 'P1', 'P2', 'P3'] as Priority[]) {
    const items = byPriority.get(p);
    if (!items?.length) continue;
    out.push(`### ${w.priorities[p]}`, '');
    for (const r of items) {
      out.push(
        `- **${title(r)}** (${w.verdict[r.verdict]}; ${w.improves}: ${areaTitle(
          r.area,
        )}): ${
          r.remediation
            ? localized(
                r.remediation.text,
                r.remediation.textMsg,
                lang,
                REMEDIATION_SEPARATOR,
              )
            : localized(r.summary, r.summaryMsg, lang)
        }`,
      );
    }
    out.push('');
  }

  out.push(`## ${w.files}`, '');
  const files = new Map<string, 'NEW' | 'MODIFY'>();
  for (const r of gaps) {
    const s = r.remediation?.snippet;
    if (s?.path) files.set(s.path, s.action === 'create' ? 'NEW' : 'MODIFY');
  }
  if (files.size === 0) out.push(w.noFiles, '');
  else {
    out.push('```');
    for (const [path, action] of [...files.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    ))
      out.push(`${path}  (${action})`);
    out.push('```', '');
  }

  if (card.drift?.some(t => t.items.length)) {
    out.push(`### ${w.drift}`, '');
    out.push(
      `| ${w.target} | ${w.object} | ${w.difference} |`,
      '|---|---|---|',
    );
    for (const t of card.drift) {
      for (const i of t.items) {
        let what = `${i.field}: ${i.declared} → ${i.live}`;
        if (i.type === 'missing') what = w.missing;
        if (i.type === 'undeclared') what = w.undeclared;
        out.push(
          `| \`${t.target}\` ↔ \`${t.cluster}/${t.namespace}\` | ${i.kind}/${
            i.name
          } | ${cell(what)} |`,
        );
      }
    }
    out.push('');
  }

  if (card.diagnostics.length) {
    out.push(`### ${w.diagnostics}`, '');
    for (const d of card.diagnostics)
      out.push(
        `- [${d.level}] ${d.source}${
          d.path ? ` \`${d.path}\`` : ''
        }: ${renderDiagnostic(d, lang)}`,
      );
    out.push('');
  }

  out.push(`## ${w.references}`, '');
  out.push(
    '- https://12factor.net/',
    '- https://github.com/cncf/toc/blob/main/DEFINITION.md',
    '- https://kubernetes.io/docs/concepts/configuration/overview/',
    '- https://learn.microsoft.com/azure/well-architected/',
    '',
  );
  return out.join('\n');
}
