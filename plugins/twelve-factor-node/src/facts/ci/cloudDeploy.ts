/*
 * Google Cloud Deploy: a release (`gcloud deploy releases create
 * --delivery-pipeline=web`) goes through the delivery pipeline's targets in
 * order (staging, then production…), so the deploy's environments are those
 * targets. The pipeline and its targets are declared in the repository as
 * `deploy.cloud.google.com` YAML (clouddeploy.yaml: DeliveryPipeline with
 * serialPipeline.stages[].targetId, Target) or in Terraform
 * (google_clouddeploy_delivery_pipeline, google_clouddeploy_target), or
 * outside it, in which case the environments stay unknown.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { RepoSnapshot } from '../../sources/RepoSnapshot';
import { ancillaryFolderReason } from '../ancillary';
import { cloudBuildSubstitutions } from './parsePipelines';
import type { CiDeploy, CiFact } from './types';

/** A declared target: its name and where. */
interface Declared {
  name: string;
  path: string;
  line: number;
}

interface DeliveryPipeline {
  name: string;
  /** Its stages' targets in order, when all are written out. */
  targets: Declared[];
  /** Stages built from variables (Terraform `dynamic "stages"`, `target_id = each…`): the targets are not spelled out. */
  dynamic: boolean;
}

/** The Cloud Deploy pipelines and targets a repository declares. */
export interface CloudDeployDeclarations {
  pipelines: DeliveryPipeline[];
  targets: Declared[];
}

/** The 1-based line of a character index. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; ) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}

/** The body of a Terraform block from its opening brace, braces matched. */
function blockBody(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** A Terraform attribute's literal string value at the top of a block (`name = "staging"`), if literal. */
function literalAttribute(body: string, key: string): string | undefined {
  // The first such attribute: a resource's `name` comes before its nested blocks.
  const m = new RegExp(`(?:^|\\n)\\s*${key}\\s*=\\s*"([^"$]*)"`).exec(body);
  return m?.[1] || undefined;
}

function fromTerraform(
  path: string,
  text: string,
  out: CloudDeployDeclarations,
): void {
  const re =
    /resource\s+"(google_clouddeploy_target|google_clouddeploy_delivery_pipeline)"\s+"([^"]+)"\s*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = blockBody(text, m.index + m[0].length - 1);
    const line = lineAt(text, m.index);
    const name = literalAttribute(body, 'name') ?? m[2];
    if (m[1] === 'google_clouddeploy_target') {
      out.targets.push({ name, path, line });
      continue;
    }
    const targets: Declared[] = [];
    let dynamic = /\bdynamic\s+"stages"/.test(body);
    const ids = /\btarget_id\s*=\s*([^\n]+)/g;
    for (let t = ids.exec(body); t; t = ids.exec(body)) {
      const literal = /^"([^"$]+)"\s*$/.exec(t[1].trim());
      if (literal)
        targets.push({
          name: literal[1],
          path,
          line: lineAt(text, m.index + m[0].length - 1 + t.index + 1),
        });
      else dynamic = true;
    }
    out.pipelines.push({ name, targets, dynamic });
  }
}

function fromYaml(
  path: string,
  text: string,
  out: CloudDeployDeclarations,
): void {
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc });
  } catch {
    return;
  }
  if (!Array.isArray(docs)) return;
  for (const doc of docs) {
    if (doc.errors.length) continue;
    const js: any = doc.toJS();
    if (!js || !/^deploy\.cloud\.google\.com\//.test(String(js.apiVersion)))
      continue;
    const name = String(js.metadata?.name ?? '');
    const line = doc.contents?.range
      ? lc.linePos(doc.contents.range[0]).line
      : 1;
    if (js.kind === 'Target' && name) out.targets.push({ name, path, line });
    if (js.kind === 'DeliveryPipeline') {
      const stages = doc.getIn(['serialPipeline', 'stages'], true) as any;
      const targets: Declared[] = [];
      for (const stage of stages?.items ?? []) {
        const id = stage?.toJSON?.()?.targetId;
        if (typeof id === 'string' && id)
          targets.push({
            name: id,
            path,
            line: stage.range ? lc.linePos(stage.range[0]).line : line,
          });
      }
      out.pipelines.push({ name, targets, dynamic: false });
    }
  }
}

/** The Cloud Deploy pipelines and targets declared in the repository (test, docs and example folders left out). */
export function cloudDeployDeclarations(
  repo: RepoSnapshot,
): CloudDeployDeclarations {
  const out: CloudDeployDeclarations = { pipelines: [], targets: [] };
  for (const f of repo.find(
    p =>
      (p.endsWith('.tf') || p.endsWith('.yaml') || p.endsWith('.yml')) &&
      ancillaryFolderReason(p) === undefined,
  )) {
    const text = f.text;
    if (!text) continue;
    if (f.path.endsWith('.tf')) {
      if (text.includes('google_clouddeploy_'))
        fromTerraform(f.path, text, out);
    } else if (text.includes('deploy.cloud.google.com/'))
      fromYaml(f.path, text, out);
  }
  return out;
}

/** `$_TEAM`, `${_TEAM}` replaced by the file's substitution when it has one. */
function substitute(value: string, subs: Record<string, string>): string {
  return value.replace(
    /\$\{?(_[A-Z0-9_]+)\}?/g,
    (all, key: string) => subs[key] ?? all,
  );
}

/** The targets a release through this pipeline (as written, maybe with variables) reaches. */
function targetsOf(
  pipeline: string | undefined,
  declared: CloudDeployDeclarations,
): Declared[] {
  const literal = pipeline && !pipeline.includes('$') ? pipeline : undefined;
  const named = literal
    ? declared.pipelines.filter(p => p.name === literal)
    : [];
  // A pipeline named in the command, or any the repository declares when the name is a variable.
  const candidates = named.length ? named : literal ? [] : declared.pipelines;
  const out: Declared[] = [];
  const add = (t: Declared) => {
    if (!out.some(o => o.name === t.name)) out.push(t);
  };
  for (const p of candidates) p.targets.forEach(add);
  // Stages built from variables, or a pipeline declared nowhere: the repository's targets are its stages.
  if (candidates.some(p => p.dynamic) || (!literal && candidates.length === 0))
    declared.targets.forEach(add);
  else if (literal && named.length === 0 && declared.pipelines.length === 0)
    declared.targets.forEach(add);
  return out;
}

/**
 * The CI fact with the environments of its Cloud Deploy releases: each
 * release's delivery pipeline's targets, when the repository declares them.
 * Reads the repository only when CI creates a Cloud Deploy release.
 */
export function withCloudDeployTargets(
  fact: CiFact,
  repo: RepoSnapshot | undefined,
  texts: ReadonlyMap<string, string>,
): CiFact {
  const releases = fact.deploys.filter(d => d.tool === 'cloud-deploy');
  if (!repo || releases.length === 0) return fact;
  const declared = cloudDeployDeclarations(repo);
  const environments = new Set(fact.environments);
  const deploys = fact.deploys.map((d): CiDeploy => {
    if (d.tool !== 'cloud-deploy') return d;
    const text = texts.get(d.path);
    const pipeline =
      d.deliveryPipeline && text && /\$\{?_/.test(d.deliveryPipeline)
        ? substitute(d.deliveryPipeline, cloudBuildSubstitutions(text))
        : d.deliveryPipeline;
    const targets = targetsOf(pipeline, declared);
    if (targets.length === 0) return d;
    targets.forEach(t => environments.add(t.name));
    return {
      ...d,
      environments: targets.map(t => t.name),
      environmentsDeclared: targets,
    };
  });
  return { ...fact, deploys, environments: [...environments].sort() };
}
