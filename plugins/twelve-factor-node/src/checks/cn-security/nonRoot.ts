import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { runsNonRoot } from '../cn-containerization/securityContext';
import { imageRepository } from '../cn-orchestration/kube';
import { imageName } from '../cn-scalability/datastores';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, podSpecPatch } from '../snippets';

/** The unprivileged UID that well-known images ship with, so runAsUser matches file ownership. */
const IMAGE_UIDS: Record<string, number> = {
  redis: 999,
  postgres: 999,
  mongo: 999,
  mysql: 999,
  mariadb: 999,
  memcached: 11211,
  node: 1000,
  'nginx-unprivileged': 101,
  valkey: 999,
};

function uidFor(w: Workload): number {
  const repo = imageRepository(
    w.containers.find(c => !c.init)?.container.image,
  );
  if (/^(docker\.io\/)?bitnami\//.test(repo)) return 1001;
  return IMAGE_UIDS[imageName(repo)] ?? 10001;
}

export const nonRoot: TwelveFactorCheck = {
  id: 'cn-security.non-root',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const rootish = workloads.filter(w =>
          w.containers.some(c => !runsNonRoot(w.podSpec, c.container)),
        );
        const ok = workloads.filter(w => !rootish.includes(w));
        if (rootish.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-security.non-root.all'),
            evidence: [
              setWideNote(
                set,
                noted('cn-security.non-root.all-note', {
                  n: workloads.length,
                }),
              ),
            ],
          };
        }
        const first = rootish[0];
        const uid = uidFor(first);
        return {
          verdict: ok.length === 0 ? 'fail' : 'partial',
          ...finding('cn-security.non-root.some', {
            ok: ok.length,
            total: workloads.length,
            names: rootish.map(w => w.name).join(', '),
          }),
          evidence: capEvidence(
            rootish.map(w => {
              const names = w.containers
                .filter(c => !runsNonRoot(w.podSpec, c.container))
                .map(c => String(c.container.name));
              return objectEvidence(
                set,
                w.source,
                noted('cn-security.non-root.root-note', {
                  names: names.join(', '),
                }),
                `${w.podSpecPath}.securityContext`,
              );
            }),
          ),
          remediation: {
            ...advice([
              ['cn-security.non-root.advice', { name: first.name }],
              ...(uid !== 10001
                ? [['cn-security.non-root.advice-uid', { uid }] as const]
                : []),
            ]),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              podSpecPatch(
                {
                  apiVersion: first.source.object.apiVersion,
                  kind: first.kind,
                  name: first.name,
                  namespace: first.namespace,
                },
                // The image's own group may differ from its UID, so only the default user sets one.
                {
                  securityContext: {
                    runAsNonRoot: true,
                    runAsUser: uid,
                    ...(uid === 10001 ? { runAsGroup: uid } : {}),
                    ...(first.kind === 'StatefulSet' ? { fsGroup: uid } : {}),
                  },
                },
              ),
            ),
          },
        };
      },
      labels =>
        because('cn-security.non-root.nothing-reason', {
          sets: labels.join(', '),
        }),
    );
  },
};
