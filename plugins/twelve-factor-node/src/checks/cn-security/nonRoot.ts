import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
import { runsNonRoot } from '../cn-containerization/securityContext';
import { imageRepository, judgeWorkloadSets } from '../cn-orchestration/kube';
import { imageName } from '../cn-scalability/datastores';
import { capEvidence } from '../evidence';
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
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const rootish = workloads.filter(w =>
          w.containers.some(c => !runsNonRoot(w.podSpec, c.container)),
        );
        const ok = workloads.filter(w => !rootish.includes(w));
        if (rootish.length === 0) {
          return {
            verdict: 'pass',
            summary:
              'Every workload runs as non-root (runAsNonRoot or a non-zero runAsUser)',
            evidence: [
              setWideEvidence(
                set,
                `all ${workloads.length} workloads run as non-root`,
              ),
            ],
          };
        }
        const first = rootish[0];
        const uid = uidFor(first);
        return {
          verdict: ok.length === 0 ? 'fail' : 'partial',
          summary: `${ok.length} of ${
            workloads.length
          } workloads run as non-root; ${rootish
            .map(w => w.name)
            .join(', ')} may run as root`,
          evidence: capEvidence(
            rootish.map(w => {
              const names = w.containers
                .filter(c => !runsNonRoot(w.podSpec, c.container))
                .map(c => String(c.container.name));
              return setEvidence(
                set,
                w.source,
                `container(s) ${names.join(
                  ', ',
                )} set neither runAsNonRoot nor a non-zero runAsUser`,
                `${w.podSpecPath}.securityContext`,
              );
            }),
          ),
          remediation: {
            text: `Run ${
              first.name
            } as an unprivileged user: runAsNonRoot makes the kubelet refuse to start a container that would run as root.${
              uid !== 10001
                ? ` UID ${uid} is the user its image ships with.`
                : ''
            }`,
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
      labels => `No workloads in ${labels.join(', ')}.`,
    );
  },
};
