import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact, CiSignal } from '../../facts/ci/types';
import { setEvidence } from '../../facts/objectSets';
import {
  judgeWorkloadSets,
  LONG_RUNNING,
  ofKind,
  primaryWorkload,
} from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { ciEvidence, directDeploys } from './pipeline';

/** Whether a Rollout or Canary verifies a release and aborts it on its own. */
function analysed(o: Record<string, any>): boolean {
  if (o.kind === 'Canary') return !!o.spec?.analysis;
  const s = o.spec?.strategy ?? {};
  return !!(
    s.canary?.analysis ||
    (s.canary?.steps ?? []).some((x: any) => x?.analysis) ||
    s.blueGreen?.prePromotionAnalysis ||
    s.blueGreen?.postPromotionAnalysis
  );
}

/**
 * A deploy step that rolls back when the rollout does not become healthy:
 * for the Deployment and namespace the pipeline already waits on, else for
 * the main workload.
 */
function undoStep(
  ci: CiFact,
  fallback: string,
): { replaces: boolean; content: string } {
  const status = ci.steps
    .flatMap(s => (s.run ?? '').split('\n'))
    .map(l =>
      /kubectl\s+(?:(?:-n|--namespace)[=\s]+(\S+)\s+)?rollout\s+status\s+(?:deployment\/|deploy\/)(\S+)/.exec(
        l,
      ),
    )
    .find(Boolean);
  const deploy = directDeploys(ci)[0];
  const ns =
    status?.[1] ??
    (deploy
      ? /(?:-n|--namespace)[=\s]+(\S+)/.exec(deploy.text)?.[1]
      : undefined);
  const deployment = status?.[2] ?? fallback;
  const n = ns ? `-n ${ns} ` : '';
  const content = [
    `if ! kubectl ${n}rollout status deployment/${deployment} --timeout=300s; then`,
    `  kubectl ${n}rollout undo deployment/${deployment}`,
    `  kubectl ${n}rollout status deployment/${deployment} --timeout=300s`,
    '  exit 1',
    'fi',
    '',
  ].join('\n');
  return { replaces: !!status, content };
}

/**
 * Undo commands with flags anywhere (`kubectl -n "$NS" rollout undo`), which
 * the CI fact's rollback pattern (flags not allowed between kubectl and
 * rollout) misses.
 */
const UNDO =
  /\bkubectl\b[^|;&\n]*\brollout\s+undo\b|\bhelm\b[^|;&\n]*\brollback\b|\bhelm\s+(upgrade|install)\b[^\n]*--atomic\b|\bargocd\s+app\s+rollback\b|\bkubectl\s+argo\s+rollouts\s+(undo|abort)\b/;

function undoCommands(ci: CiFact): CiSignal[] {
  const out: CiSignal[] = [];
  for (const s of ci.steps) {
    (s.run ?? '').split('\n').forEach((line, i) => {
      if (UNDO.test(line))
        out.push({
          path: s.path,
          line: s.line + i + (s.system === 'github-actions' ? 1 : 0),
          text: line.trim().slice(0, 160),
        });
    });
  }
  return out;
}

export const rollback: TwelveFactorCheck = {
  id: 'cn-cicd.rollback',
  evaluate({ facts }) {
    const ci = facts.tryGet(ciFactRef);
    const signals = ci
      ? [
          ...ci.rollbacks,
          ...ci.deploys.filter(d => d.rollsBack),
          ...undoCommands(ci),
        ]
      : [];
    const automatic = signals.filter(
      (x, i) =>
        signals.findIndex(y => y.path === x.path && y.text === x.text) === i,
    );
    if (automatic.length) {
      return {
        verdict: 'pass',
        summary: `The pipeline rolls back automatically (${automatic[0].text})`,
        evidence: capEvidence(ciEvidence(automatic, 'automated rollback')),
      };
    }
    return judgeWorkloadSets(
      facts,
      (set, workloads): CheckOutcome | undefined => {
        const guarded = ofKind(set, 'Rollout', 'Canary').filter(o =>
          analysed(o.object),
        );
        if (guarded.length) {
          return {
            verdict: 'pass',
            summary: `${guarded
              .map(g => `${g.object.kind}/${g.object.metadata?.name}`)
              .join(', ')} abort(s) failing releases on analysis`,
            evidence: guarded.map(g =>
              setEvidence(
                set,
                g,
                `${
                  g.object.kind === 'Canary' ? 'Flagger' : 'Argo Rollouts'
                } analysis rolls back a failing release`,
              ),
            ),
          };
        }
        const controllers = workloads.filter(w => LONG_RUNNING.has(w.kind));
        if (controllers.length === 0) return undefined;
        const main = primaryWorkload(set, controllers)!;
        const noHistory = controllers.filter(
          w => w.source.object.spec?.revisionHistoryLimit === 0,
        );
        const deploys = ci ? directDeploys(ci) : [];
        return {
          verdict: 'partial',
          summary:
            'Rollback is manual: kubectl rollout undo is possible, but nothing undoes a failed release by itself',
          evidence: capEvidence([
            ...ciEvidence(deploys, 'deploy without rollback on failure'),
            ...controllers
              .slice(0, 3)
              .map(w =>
                setEvidence(
                  set,
                  w.source,
                  `${w.kind} keeps ${
                    w.source.object.spec?.revisionHistoryLimit ?? 10
                  } old revision(s) for a manual undo`,
                ),
              ),
            ...noHistory.map(w =>
              setEvidence(
                set,
                w.source,
                'revisionHistoryLimit 0: not even a manual undo is possible',
                'spec.revisionHistoryLimit',
              ),
            ),
          ]),
          remediation: deploys.length
            ? (() => {
                const step = undoStep(ci!, main.name);
                return {
                  text: `Make the deploy step undo a release that does not become healthy (or use helm upgrade --atomic, or Argo Rollouts with an AnalysisTemplate). ${
                    step.replaces
                      ? `Replace the rollout status line in ${deploys[0].path} with:`
                      : `Add after \`${deploys[0].text}\` in ${deploys[0].path}:`
                  }`,
                  snippet: {
                    language: 'shell' as const,
                    path: deploys[0].path,
                    action: 'modify' as const,
                    content: step.content,
                  },
                };
              })()
            : {
                text: `Roll back failing releases automatically: Argo Rollouts with an AnalysisTemplate (or Flagger) for ${main.name}, so a release that fails its metrics is aborted without a person.`,
              },
        };
      },
      labels =>
        `No Deployments or StatefulSets, and no Rollout or Canary with analysis, in ${labels.join(
          ', ',
        )}, and no rollback in CI.`,
      // An analysed Rollout or Flagger Canary whose workload is not among the objects still rolls back by itself.
      { withoutWorkloads: true },
    );
  },
};
