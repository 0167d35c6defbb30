import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact, CiSignal } from '../../facts/ci/types';
import {
  LONG_RUNNING,
  ofKind,
  primaryWorkload,
} from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
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
        ...finding('cn-cicd.rollback.automatic', { text: automatic[0].text }),
        evidence: capEvidence(
          ciEvidence(automatic, 'cn-cicd.rollback.automatic-note'),
        ),
      };
    }
    return judgeSetMessages(
      facts,
      (set, workloads): CheckOutcome | undefined => {
        const guarded = ofKind(set, 'Rollout', 'Canary').filter(o =>
          analysed(o.object),
        );
        if (guarded.length) {
          return {
            verdict: 'pass',
            ...finding('cn-cicd.rollback.analysis', {
              objects: guarded
                .map(g => `${g.object.kind}/${g.object.metadata?.name}`)
                .join(', '),
            }),
            evidence: guarded.map(g =>
              objectEvidence(
                set,
                g,
                noted('cn-cicd.rollback.analysis-note', {
                  tool:
                    g.object.kind === 'Canary' ? 'Flagger' : 'Argo Rollouts',
                }),
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
          ...finding('cn-cicd.rollback.manual'),
          evidence: capEvidence([
            ...ciEvidence(deploys, 'cn-cicd.rollback.no-undo-note'),
            ...controllers.slice(0, 3).map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-cicd.rollback.revisions-note', {
                  kind: w.kind,
                  n: `${w.source.object.spec?.revisionHistoryLimit ?? 10}`,
                }),
              ),
            ),
            ...noHistory.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-cicd.rollback.no-history-note'),
                'spec.revisionHistoryLimit',
              ),
            ),
          ]),
          remediation: deploys.length
            ? (() => {
                const step = undoStep(ci!, main.name);
                return {
                  ...advice([
                    ['cn-cicd.rollback.undo-advice'],
                    step.replaces
                      ? [
                          'cn-cicd.rollback.replace-status-advice',
                          { path: deploys[0].path },
                        ]
                      : [
                          'cn-cicd.rollback.add-after-advice',
                          { text: deploys[0].text, path: deploys[0].path },
                        ],
                  ]),
                  snippet: {
                    language: 'shell' as const,
                    path: deploys[0].path,
                    action: 'modify' as const,
                    content: step.content,
                  },
                };
              })()
            : advice('cn-cicd.rollback.rollouts-advice', {
                workload: main.name,
              }),
        };
      },
      labels =>
        because('cn-cicd.rollback.nothing-reason', {
          targets: labels.join(', '),
        }),
      // An analysed Rollout or Flagger Canary whose workload is not among the objects still rolls back by itself.
      { withoutWorkloads: true },
    );
  },
};
