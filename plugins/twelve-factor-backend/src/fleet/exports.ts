/*
 * The fleet view's exports, complete rather than one page: a CSV of every
 * matching service, and a Markdown report in the shape of the by-hand
 * assessment, aggregated over the fleet (scores per area, the P0–P3 gaps
 * and who owns them), in English or Korean; a campaign's report (the view
 * of one check) adds every service's own finding and remediation, in the
 * report's language.
 */
import {
  AREAS,
  CHECK_TITLES_KO,
  getArea,
  localized,
  localizedLead,
  priorityOf,
  type CheckDefinition,
  type FleetQuery,
  type MessagePart,
  type Priority,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import { stringify } from 'csv-stringify/sync';
import { verdictAt } from '../database/verdictCodes';
import type { IndexedService } from './FleetIndex';
import { itemOf, rollupsOf, summaryOf } from './query';

/** A spreadsheet formula in a cell is text, not a formula (CSV injection). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Every matching service as CSV; with a check, its verdict for the check too. */
export function fleetCsv(
  services: ReadonlyArray<IndexedService>,
  options: {
    check?: { id: string; position: number };
    findings?: ReadonlyMap<string, { summary: string; remediation?: string }>;
  } = {},
): string {
  const areaIds = AREAS.map(a => a.id);
  const header = [
    'entityRef',
    'title',
    'owner',
    'system',
    'domain',
    'lifecycle',
    'type',
    'namespace',
    'tags',
    'status',
    'scannedAt',
    'overall',
    'twelveFactor',
    'cloudNative',
    'band',
    ...areaIds,
    'pass',
    'partial',
    'fail',
    'unknown',
    'waived',
    ...(options.check
      ? ['checkVerdict', 'checkFinding', 'checkRemediation']
      : []),
  ];
  const rows = services.map(s => {
    const item = itemOf(s);
    const finding = options.findings?.get(s.info.entityRef);
    return [
      item.entityRef,
      item.title,
      item.owner,
      item.system,
      item.domain,
      item.lifecycle,
      item.type,
      item.namespace,
      item.tags,
      item.status,
      item.generatedAt,
      item.overall,
      item.twelveFactor,
      item.cloudNative,
      item.band,
      ...areaIds.map(a => item.areas[a]),
      item.counts.pass,
      item.counts.partial,
      item.counts.fail,
      item.counts.unknown,
      item.counts.waived,
      ...(options.check
        ? [
            s.latest
              ? verdictAt(s.latest.verdicts, options.check.position)
              : undefined,
            finding?.summary,
            finding?.remediation,
          ]
        : []),
    ].map(cell);
  });
  return stringify([header, ...rows]);
}

const WORDS = {
  en: {
    title: 'Twelve-Factor and cloud-native fleet report',
    filter: 'View',
    all: 'the whole fleet',
    generated: 'Generated',
    services: 'Services',
    scored: 'scored',
    averages: '1. Scores',
    overall: 'Overall',
    twelveFactor: 'Twelve-Factor',
    cloudNative: 'Cloud-native',
    bands: 'Score bands',
    waived: 'Waived checks (portal and repository waivers)',
    band: {
      good: 'good (80+)',
      fair: 'fair (50–79)',
      poor: 'poor (<50)',
      none: 'not scanned yet',
    },
    areas: '2. Areas, from the weakest up',
    area: 'Area',
    mean: 'Mean',
    below50: 'Services below 50',
    roadmap: '3. Prioritised roadmap',
    roadmapIntro:
      'Every check that some services fail or partly meet, with who owns the gaps.',
    check: 'Check',
    notMet: 'Not met',
    partly: 'Partly met',
    owners: 'Owners (services)',
    priorities: {
      P0: 'P0: do now',
      P1: 'P1: short term',
      P2: 'P2: medium term',
      P3: 'P3: nice to have',
    } as Record<Priority, string>,
    owned: '4. Owners, from the weakest up',
    owner: 'Owner',
    noOwner: 'no owner',
    gaps: 'Not met results',
    none: 'No gaps.',
    campaign: (check: string) => `5. ${check}: the services`,
    campaignIntro:
      "Every service of the view with this result, by owner, with the service's own finding and the first step to improve it.",
    service: 'Service',
    status: 'Status',
    found: 'What was found',
    improve: 'What to improve',
    verdicts: {
      pass: 'Met',
      partial: 'Partly met',
      fail: 'Not met',
      unknown: 'Unknown',
      waived: 'Waived',
    } as Record<Verdict, string>,
    // The view in the words of its address: what a reader pastes back.
    view: {} as Partial<Record<keyof FleetQuery, string>>,
  },
  ko: {
    title: '12요소 및 클라우드 네이티브 전사 평가 보고서',
    filter: '범위',
    all: '전체 서비스',
    generated: '생성 시각',
    services: '서비스',
    scored: '평가됨',
    averages: '1. 점수',
    overall: '종합',
    twelveFactor: '12요소',
    cloudNative: '클라우드 네이티브',
    bands: '점수 구간',
    waived: '예외 처리된 항목 (포털 및 저장소 예외)',
    band: {
      good: '양호 (80 이상)',
      fair: '보통 (50–79)',
      poor: '미흡 (50 미만)',
      none: '아직 평가 전',
    },
    areas: '2. 영역별 점수 (낮은 순)',
    area: '영역',
    mean: '평균',
    below50: '50점 미만 서비스',
    roadmap: '3. 우선순위 로드맵',
    roadmapIntro:
      '일부 서비스가 미충족하거나 부분충족한 모든 항목과 담당 팀입니다.',
    check: '항목',
    notMet: '미충족',
    partly: '부분충족',
    owners: '담당 (서비스 수)',
    priorities: {
      P0: 'P0: 즉시',
      P1: 'P1: 단기',
      P2: 'P2: 중기',
      P3: 'P3: 장기 (선택)',
    } as Record<Priority, string>,
    owned: '4. 담당 팀별 점수 (낮은 순)',
    owner: '담당',
    noOwner: '담당 없음',
    gaps: '미충족 결과',
    none: '개선 필요 항목이 없습니다.',
    campaign: (check: string) => `5. ${check}: 대상 서비스`,
    campaignIntro:
      '이 보기에서 해당 결과가 나온 모든 서비스를 담당 팀별로, 서비스마다의 현황과 첫 개선 사항과 함께 보여 줍니다.',
    service: '서비스',
    status: '상태',
    found: '현황',
    improve: '개선 사항',
    verdicts: {
      pass: '충족',
      partial: '부분충족',
      fail: '미충족',
      unknown: '판단 불가',
      waived: '예외',
    } as Record<Verdict, string>,
    view: {
      owner: '담당',
      system: '시스템',
      domain: '도메인',
      lifecycle: '수명 주기',
      type: '유형',
      tag: '태그',
      namespace: '네임스페이스',
      band: '점수 구간',
      areaBelow: '영역 점수 미만',
      check: '점검 항목',
      q: '이름 검색',
      within: '대상',
    } as Partial<Record<keyof FleetQuery, string>>,
  },
};

type Lang = keyof typeof WORDS;

/** A check's title in the report's language (custom checks have English only). */
function checkTitle(
  id: string,
  lang: Lang,
  definition: CheckDefinition | undefined,
): string {
  return (
    (lang === 'ko' ? CHECK_TITLES_KO[id] : undefined) ?? definition?.title ?? id
  );
}

function pct(v: number | null): string {
  return v === null ? '–' : `${Math.round(v * 10) / 10} %`;
}

/** The view's filters, in the report's language; names and refs as they are. */
function describe(
  query: FleetQuery,
  lang: Lang,
  definitions: ReadonlyMap<string, CheckDefinition>,
): string | undefined {
  const w = WORDS[lang];
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query) as Array<
    [keyof FleetQuery, unknown]
  >) {
    if (
      v === undefined ||
      ['sort', 'order', 'offset', 'limit', 'groupBy'].includes(k)
    )
      continue;
    const label = w.view[k] ?? k;
    if (k === 'band')
      parts.push(
        `${label}: ${(v as FleetQuery['band'])!
          .map(b => w.band[b])
          .join(', ')}`,
      );
    else if (k === 'check') {
      const { id, verdicts } = v as NonNullable<FleetQuery['check']>;
      parts.push(
        `${label}: ${checkTitle(
          id,
          lang,
          definitions.get(id),
        )} (\`${id}\`; ${verdicts.map(x => w.verdicts[x]).join(', ')})`,
      );
    } else if (k === 'areaBelow') {
      const { area, score } = v as NonNullable<FleetQuery['areaBelow']>;
      const a = getArea(area);
      const title = a ? (lang === 'ko' ? a.titleKo : a.title) : area;
      parts.push(`${label}: ${title} < ${score}`);
    } else if (Array.isArray(v)) parts.push(`${label}: ${v.join(', ')}`);
    else parts.push(`${label}: ${v}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** Markdown table cells: no pipes or line breaks inside. */
function md(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A service's latest finding for a check, as the store keeps it. */
export interface ReportFinding {
  verdict?: Verdict;
  summary: string;
  summaryMsg?: ReadonlyArray<MessagePart>;
  remediation?: string;
  remediationMsg?: ReadonlyArray<MessagePart>;
}

/** The aggregated report of a set of services. */
export function fleetReport(
  services: ReadonlyArray<IndexedService>,
  options: {
    lang: 'en' | 'ko';
    query: FleetQuery;
    checkOrder: ReadonlyArray<string>;
    definitions: ReadonlyArray<CheckDefinition>;
    now: Date;
    /** With the view's check: each service's finding for it (a campaign's report). */
    findings?: ReadonlyMap<string, ReportFinding>;
  },
): string {
  const w = WORDS[options.lang];
  const defs = new Map(options.definitions.map(d => [d.id, d]));
  const summary = summaryOf(services);
  const out: string[] = [];
  out.push(`# ${w.title}`, '');
  out.push(
    `- ${w.filter}: ${describe(options.query, options.lang, defs) ?? w.all}`,
  );
  out.push(`- ${w.generated}: ${options.now.toISOString()}`);
  out.push(
    `- ${w.services}: ${summary.services} (${w.scored} ${summary.scored})`,
    '',
  );

  out.push(`## ${w.averages}`, '');
  out.push(
    `| ${w.overall} | ${w.twelveFactor} | ${w.cloudNative} |`,
    '|---|---|---|',
  );
  out.push(
    `| ${pct(summary.overall)} | ${pct(summary.twelveFactor)} | ${pct(
      summary.cloudNative,
    )} |`,
    '',
  );
  out.push(
    `${w.bands}: ${(['good', 'fair', 'poor', 'none'] as const)
      .map(b => `${w.band[b]} ${summary.bands[b]}`)
      .join(' · ')}`,
    '',
  );
  const waived = services.filter(
    s => (s.latest?.summary.counts.waived ?? 0) > 0,
  );
  out.push(
    `${w.waived}: ${waived.reduce(
      (n, s) => n + (s.latest?.summary.counts.waived ?? 0),
      0,
    )} (${w.services}: ${waived.length})`,
    '',
  );

  out.push(`## ${w.areas}`, '');
  out.push(`| ${w.area} | ${w.mean} | ${w.below50} |`, '|---|---|---|');
  const below50 = (area: string) =>
    services.filter(s => {
      const v = s.latest?.summary.areas[area];
      return v !== undefined && v !== null && v < 50;
    }).length;
  for (const a of [...AREAS].sort(
    (x, y) => (summary.areas[x.id] ?? 101) - (summary.areas[y.id] ?? 101),
  ))
    out.push(
      `| ${options.lang === 'ko' ? a.titleKo : a.title} | ${pct(
        summary.areas[a.id],
      )} | ${below50(a.id)} |`,
    );
  out.push('');

  out.push(`## ${w.roadmap}`, '', w.roadmapIntro, '');
  const rows: Array<{
    priority: Priority;
    id: string;
    fail: number;
    partial: number;
    owners: Map<string, number>;
  }> = [];
  options.checkOrder.forEach((id, position) => {
    let fail = 0;
    let partial = 0;
    const owners = new Map<string, number>();
    for (const s of services) {
      const v: Verdict | undefined = s.latest
        ? verdictAt(s.latest.verdicts, position)
        : undefined;
      if (v !== 'fail' && v !== 'partial') continue;
      if (v === 'fail') fail++;
      else partial++;
      const owner = s.info.owner ?? '';
      owners.set(owner, (owners.get(owner) ?? 0) + 1);
    }
    if (fail + partial === 0) return;
    rows.push({
      priority: priorityOf(
        { checkId: id, verdict: fail > 0 ? 'fail' : 'partial' },
        defs.get(id),
      ),
      id,
      fail,
      partial,
      owners,
    });
  });
  if (rows.length === 0) out.push(w.none, '');
  for (const p of ['P0', 'P1', 'P2', 'P3'] as Priority[]) {
    const inP = rows
      .filter(r => r.priority === p)
      .sort((a, b) => b.fail - a.fail || b.partial - a.partial);
    if (!inP.length) continue;
    out.push(`### ${w.priorities[p]}`, '');
    out.push(
      `| ${w.check} | ${w.notMet} | ${w.partly} | ${w.owners} |`,
      '|---|---|---|---|',
    );
    for (const r of inP) {
      const title = checkTitle(r.id, options.lang, defs.get(r.id));
      const owners = [...r.owners]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 8)
        .map(([o, n]) => `${o || w.noOwner} (${n})`)
        .join(', ');
      out.push(
        `| ${md(title)} (\`${r.id}\`) | ${r.fail} | ${r.partial} | ${md(
          owners,
        )}${r.owners.size > 8 ? ', …' : ''} |`,
      );
    }
    out.push('');
  }

  out.push(`## ${w.owned}`, '');
  out.push(
    `| ${w.owner} | ${w.services} | ${w.overall} | ${w.gaps} |`,
    '|---|---|---|---|',
  );
  for (const r of rollupsOf(services, 'owner'))
    out.push(
      `| ${md(r.key || w.noOwner)} | ${r.services} | ${pct(r.overall)} | ${
        r.counts.fail
      } |`,
    );
  out.push('');

  if (options.query.check && options.findings)
    out.push(
      ...campaignSection(services, options.query.check.id, {
        lang: options.lang,
        definition: defs.get(options.query.check.id),
        findings: options.findings,
      }),
    );
  return out.join('\n');
}

/**
 * A campaign's services, by owner (the most services first), each with its
 * own finding and the first step to improve it, in the report's language
 * (the English where a finding has no messages).
 */
function campaignSection(
  services: ReadonlyArray<IndexedService>,
  checkId: string,
  options: {
    lang: Lang;
    definition: CheckDefinition | undefined;
    findings: ReadonlyMap<string, ReportFinding>;
  },
): string[] {
  const { lang, findings } = options;
  const w = WORDS[lang];
  const owners = new Map<string, IndexedService[]>();
  for (const s of services) {
    const key = s.info.owner ?? '';
    owners.set(key, [...(owners.get(key) ?? []), s]);
  }
  const out = [
    `## ${w.campaign(checkTitle(checkId, lang, options.definition))}`,
    '',
    w.campaignIntro,
    '',
    `| ${w.owner} | ${w.service} | ${w.status} | ${w.found} | ${w.improve} |`,
    '|---|---|---|---|---|',
  ];
  for (const [owner, list] of [...owners].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )) {
    for (const s of list) {
      const f = findings.get(s.info.entityRef);
      const found = f ? localized(f.summary, f.summaryMsg, lang) : '';
      const improve = f?.remediation
        ? localizedLead(f.remediation, f.remediationMsg, lang)
        : '';
      out.push(
        `| ${md(owner || w.noOwner)} | ${md(
          s.info.title ?? s.info.entityRef,
        )} | ${f?.verdict ? w.verdicts[f.verdict] : ''} | ${md(found)} | ${md(
          improve,
        )} |`,
      );
    }
  }
  out.push('');
  return out;
}
