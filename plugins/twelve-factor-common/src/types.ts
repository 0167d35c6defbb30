import type { EngineMessage, MessagePart } from './i18n/engineMessages';
/*
 * The domain model shared by the engine, the backend, the frontend and the
 * CLI. Everything here is plain data (JSON-serialisable) so that a scorecard
 * can be stored, sent over HTTP and rendered without conversion.
 */

/** The two groups of areas. @public */
export type AreaGroupId = 'twelve-factor' | 'cloud-native';

/** An area: one of the twelve factors or one of the cloud-native areas. @public */
export interface AreaDefinition {
  id: string;
  group: AreaGroupId;
  /** English title, e.g. "II. Dependencies". */
  title: string;
  /** Korean title, e.g. "II. 종속성". */
  titleKo: string;
}

/** Where a check's evidence can come from. @public */
export type EvidenceSource = 'repo' | 'cluster' | 'catalog';

/**
 * The outcome of one check.
 *
 * - `pass`, `partial`, `fail`: decided from evidence.
 * - `unknown`: not decidable (missing evidence, source unreachable, not yet
 *   analysed); always carries a reason and is left out of the score.
 * - `waived`: a team decided the gap is acceptable; carries the reason and is
 *   left out of the score.
 * @public
 */
export type Verdict = 'pass' | 'partial' | 'fail' | 'unknown' | 'waived';

/** All verdicts, from best to worst, then the undecided ones. @public */
export const VERDICTS: ReadonlyArray<Verdict> = [
  'pass',
  'partial',
  'fail',
  'unknown',
  'waived',
];

/** A check of the catalog: stable id, what it means and how it is weighted. @public */
export interface CheckDefinition {
  /** Stable id, `<area>.<name>`. */
  id: string;
  /** Area id (the part of the id before the dot). */
  area: string;
  title: string;
  /** 1 normal, 2 emphasised. */
  weight: number;
  sources: EvidenceSource[];
  /** What each verdict means, in words the evidence can decide. */
  criteria: Partial<Record<'pass' | 'partial' | 'fail' | 'unknown', string>>;
  docsUrl: string;
}

/** A file of the service's repository, optionally a line range. @public */
export interface FileEvidence {
  type: 'file';
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  startLine?: number;
  endLine?: number;
  /**
   * The deploy target the evidence belongs to (e.g. `kubernetes/overlays/prd`)
   * when it comes from rendered manifests.
   */
  target?: string;
  /** What was found there, in a few words. */
  note?: string;
  /** The note as a message, for other languages. */
  noteMsg?: EngineMessage;
}

/** An object in a live cluster (or a cluster dump). @public */
export interface ClusterObjectEvidence {
  type: 'cluster-object';
  cluster: string;
  namespace?: string;
  kind: string;
  name: string;
  /** e.g. `spec.template.spec.containers[0].image` */
  fieldPath?: string;
  note?: string;
  /** The note as a message, for other languages. */
  noteMsg?: EngineMessage;
}

/** A field of the Backstage catalog entity. @public */
export interface CatalogEvidence {
  type: 'catalog';
  /** e.g. `metadata.annotations["backstage.io/source-location"]` */
  field: string;
  value?: string;
  note?: string;
  /** The note as a message, for other languages. */
  noteMsg?: EngineMessage;
}

/** Why a verdict was reached. @public */
export type Evidence = FileEvidence | ClusterObjectEvidence | CatalogEvidence;

/** A ready-to-apply change. @public */
export interface RemediationSnippet {
  /** Syntax of the snippet, for highlighting. */
  language:
    | 'yaml'
    | 'dockerfile'
    | 'python'
    | 'typescript'
    | 'javascript'
    | 'go'
    | 'java'
    | 'shell'
    | 'text'
    | 'toml'
    | 'json';
  /** Where the snippet goes, relative to the repository root, when known. */
  path?: string;
  /** Whether the file is to be created or modified. */
  action?: 'create' | 'modify';
  content: string;
  /**
   * The snippet's prose (comments, a generated document's sentences) as
   * messages: `text` is the line's English as `content` holds it, marker
   * included (`# only what differs from values.yaml`), so that a reader of
   * another language sees it replaced and the code byte for byte the same
   * (localizedSnippet).
   */
  comments?: SnippetComment[];
}

/** One piece of a snippet's prose and the message it says. @public */
export interface SnippetComment {
  /** The English exactly as the snippet's content holds it, with its comment marker. */
  text: string;
  /** The same without the marker, by id; `text` ends with its English. */
  msg: EngineMessage;
}

/** What to change to improve a check. @public */
export interface Remediation {
  /** What to do, in English (Markdown). */
  text: string;
  /** The same as messages, for other languages. */
  textMsg?: MessagePart[];
  docsUrl: string;
  snippet?: RemediationSnippet;
}

/** A team's decision to accept a gap. @public */
export interface Waiver {
  check: string;
  reason: string;
  /** ISO date (YYYY-MM-DD); the waiver lapses after that day. */
  expires?: string;
  /** Where the waiver was declared, e.g. `.twelve-factor.yaml`. */
  source?: string;
  /**
   * `repository` for a waiver committed to `.twelve-factor.yaml`, `portal`
   * for one granted from the tab (stored in the database, audited).
   */
  origin?: 'repository' | 'portal';
  /** Portal waivers: the id of the stored waiver. */
  id?: string;
  /** Portal waivers: who granted it (a user entity ref). */
  author?: string;
  /** Portal waivers: an optional link to a ticket. */
  ticket?: string;
}

/** The result of one check for one entity. @public */
export interface CheckResult {
  checkId: string;
  area: string;
  verdict: Verdict;
  /** One sentence saying what was found, in English. */
  summary: string;
  /** The finding as messages, for other languages (renderParts). */
  summaryMsg?: MessagePart[];
  /** Why the check is `unknown` or `waived`. */
  reason?: string;
  reasonMsg?: MessagePart[];
  evidence: Evidence[];
  remediation?: Remediation;
  /** Set when the verdict is `waived`: the waiver that applied. */
  waiver?: Waiver;
  /** Set when a waiver matched but had expired: the verdict stands. */
  expiredWaiver?: Waiver;
  /**
   * Set when the verdict is `unknown`: what would decide the check, so that
   * the tab can group unknowns and say what to connect.
   * - `repository`: the service's repository could not be read (or has no
   *   source location);
   * - `cluster`: live cluster data is missing or could not be read;
   * - `implementation`: the engine has no implementation for the check;
   * - `error`: the check raised an error (see the diagnostics);
   * - `evidence`: both sources were read and nothing in them decides it.
   */
  needs?: UnknownCause;
}

/** What an `unknown` verdict needs to be decided. @public */
export type UnknownCause =
  | 'repository'
  | 'cluster'
  | 'implementation'
  | 'error'
  | 'evidence';

/** What a scan read. @public */
export interface ScanInputs {
  /** Whether the repository was read. */
  repository: boolean;
  /** The clusters whose data the scan had (some may have failed; see the diagnostics). */
  clusters: string[];
}

/** Score of one area. @public */
export interface AreaScore {
  areaId: string;
  group: AreaGroupId;
  /** Percent 0–100, or null when no check of the area was decided. */
  score: number | null;
  /** Number of results per verdict. */
  counts: Record<Verdict, number>;
}

/** Score of one group of areas. @public */
export interface GroupScore {
  groupId: AreaGroupId;
  /** Mean of the group's decided area scores, or null. */
  score: number | null;
}

/** Something worth telling about a scan that is not a check result. @public */
export interface Diagnostic {
  level: 'info' | 'warning' | 'error';
  /** What produced it, e.g. `repo`, `kustomize`, `cluster:prod-eu`. */
  source: string;
  /** In English; kept as it always read for the API's users and older scorecards. */
  message: string;
  /**
   * The message by id, for other languages (renderDiagnostic); an error of
   * ours that it quotes is a nested message in its `detail` parameter.
   */
  messageMsg?: EngineMessage;
  path?: string;
}

/** A difference between what a deploy target declares and what runs. @public */
export interface DriftItem {
  kind: string;
  name: string;
  /** missing: declared, not running; undeclared: running, not declared; changed: a field differs. */
  type: 'missing' | 'undeclared' | 'changed';
  /** For `changed`: replicas, image, livenessProbe, readinessProbe, resources. */
  field?: string;
  declared?: string;
  live?: string;
}

/** Drift of one deploy target against one cluster namespace. @public */
export interface DriftTarget {
  /** The repository's deploy target, e.g. `kubernetes/overlays/prd`. */
  target: string;
  cluster: string;
  namespace: string;
  items: DriftItem[];
}

/** The full result for one entity at one point in time. @public */
export interface Scorecard {
  /** e.g. `component:default/auto-builder-cms` */
  entityRef: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** Mean of the group scores, percent 0–100, or null. */
  overall: number | null;
  groups: GroupScore[];
  areas: AreaScore[];
  results: CheckResult[];
  diagnostics: Diagnostic[];
  /** Repository vs cluster, per deploy target mapped to a cluster namespace; absent without both. */
  drift?: DriftTarget[];
  /** What the scan read; absent in scorecards stored before it was recorded. */
  inputs?: ScanInputs;
}

/**
 * One entity's latest scan as the overview page lists it: the scores, without
 * the results and their evidence. @public
 */
export interface ScorecardSummary {
  entityRef: string;
  /** ISO timestamp of the scan. */
  generatedAt: string;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
  /** Score per area id (null: no check of the area was decided). */
  areas: Record<string, number | null>;
  /** Number of results per verdict. */
  counts: Record<Verdict, number>;
}

/** An overview row: the summary, with the entity's owner as the catalog names it now. @public */
export interface ScorecardOverviewItem extends ScorecardSummary {
  /** `spec.owner`, e.g. `group:default/platform`; absent when the entity has none. */
  owner?: string;
}

/** The overview endpoint's answer: the latest scan of every entity the caller may read. @public */
export interface ScorecardOverview {
  items: ScorecardOverviewItem[];
}

/**
 * One entry of an entity's score history: a result as it was last confirmed.
 * The history keeps one entry per change of the result. @public
 */
export interface ScoreHistoryEntry {
  /** ISO time of the first scan that found this result. */
  since: string;
  /** ISO time of the last scan that found this result. */
  generatedAt: string;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
}
