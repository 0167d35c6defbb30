import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, podSpecPatch } from '../snippets';
import { joinedNote } from './kube';

/** What a container misses of cpu/memory requests and a memory limit. */
export function missingResources(container: Record<string, any>): string[] {
  const r = container.resources ?? {};
  const missing: string[] = [];
  if (r.requests?.cpu === undefined) missing.push('requests.cpu');
  if (r.requests?.memory === undefined) missing.push('requests.memory');
  if (r.limits?.memory === undefined) missing.push('limits.memory');
  return missing;
}

/** Whether a container sets any request or limit. */
export function hasAnyResources(container: Record<string, any>): boolean {
  const r = container.resources ?? {};
  return (
    Object.keys(r.requests ?? {}).length > 0 ||
    Object.keys(r.limits ?? {}).length > 0
  );
}

/** A patch adding what is missing, keeping what is set; the values are a starting point to tune. */
function patchFor(w: Workload, names: Set<string>): string {
  const containers = w.containers
    .filter(c => !c.init && names.has(String(c.container.name)))
    .map(({ container }) => {
      const r = container.resources ?? {};
      const memRequest = r.requests?.memory ?? '256Mi';
      return {
        name: container.name,
        resources: {
          requests: { cpu: r.requests?.cpu ?? '100m', memory: memRequest },
          limits: {
            ...(r.limits ?? {}),
            memory:
              r.limits?.memory ??
              (r.requests?.memory ? r.requests.memory : '512Mi'),
          },
        },
      };
    });
  return podSpecPatch(
    {
      apiVersion: w.source.object.apiVersion,
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
    },
    { containers },
  );
}

export const resources: TwelveFactorCheck = {
  id: 'cn-orchestration.resources',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        let total = 0;
        let withAny = 0;
        const bad: Array<{
          w: Workload;
          names: Set<string>;
          notes: Array<ReturnType<typeof noted>>;
        }> = [];
        for (const w of workloads) {
          const names = new Set<string>();
          const notes: Array<ReturnType<typeof noted>> = [];
          for (const { container, init } of w.containers) {
            // Init containers run before the app and are sized by the pod's largest request anyway.
            if (init) continue;
            total++;
            if (hasAnyResources(container)) withAny++;
            const missing = missingResources(container);
            if (missing.length) {
              names.add(String(container.name));
              notes.push(
                noted('cn-orchestration.resources.misses-note', {
                  container: String(container.name),
                  fields: missing.join(', '),
                }),
              );
            }
          }
          if (names.size) bad.push({ w, names, notes });
        }
        if (total === 0) return undefined;
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-orchestration.resources.all'),
            evidence: [
              setWideNote(
                set,
                noted('cn-orchestration.resources.all-note', {
                  n: total,
                  set: set.label,
                }),
              ),
            ],
          };
        }
        const badCount = bad.reduce((n, b) => n + b.names.size, 0);
        return {
          verdict: withAny === 0 ? 'fail' : 'partial',
          ...(withAny === 0
            ? finding('cn-orchestration.resources.none')
            : finding('cn-orchestration.resources.some', {
                ok: total - badCount,
                total,
              })),
          evidence: capEvidence(
            bad.map(b =>
              objectEvidence(
                set,
                b.w.source,
                joinedNote(
                  'cn-orchestration.resources.containers-note',
                  b.notes,
                ),
                `${b.w.podSpecPath}.containers`,
              ),
            ),
          ),
          remediation: {
            ...advice('cn-orchestration.resources.advice', {
              name: bad[0].w.name,
            }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              patchFor(bad[0].w, bad[0].names),
            ),
          },
        };
      },
      labels =>
        because('cn-orchestration.resources.none-reason', {
          sets: labels.join(', '),
        }),
    );
  },
};
