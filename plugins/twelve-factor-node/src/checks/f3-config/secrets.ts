import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { tryConfigLiterals } from '../../facts/configLiterals';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { lazySnippet, podSpecPatch, snippetComment } from '../snippets';
import {
  appWorkloads,
  committedSecretEvidence,
  committedSecrets,
  credentialEvidence,
  inlineCredentials,
  secretRefsOf,
  type CommittedSecret,
  type InlineCredential,
} from './pods';

function remediation(creds: InlineCredential[]) {
  const inWorkload = creds.find(c => c.workload);
  const names = [
    ...new Set(
      creds.filter(c => c.workload === inWorkload?.workload).map(c => c.name),
    ),
  ];
  if (!inWorkload?.workload) {
    const cm = creds[0];
    return advice('f3-config.secrets.configmap-advice', {
      names: names.length ? names.join(', ') : cm.name,
      configMap: `${cm.source.object.metadata?.name}`,
    });
  }
  const w = inWorkload.workload;
  const secret = `${w.name}-credentials`;
  const ns = w.namespace ? ` -n ${w.namespace}` : '';
  const createSecret = snippetComment('#', 'snippet.run-command', {
    command: `kubectl${ns} create secret generic ${secret} ${names
      .map(n => `--from-literal=${n}=...`)
      .join(' ')}`,
  });
  return {
    ...advice('f3-config.secrets.create-advice', {
      names: names.join(', '),
      workload: `${w.kind} ${w.name}`,
    }),
    snippet: lazySnippet(
      { language: 'yaml', action: 'modify', comments: [createSecret] },
      () =>
        `${createSecret.text}\n${podSpecPatch(
          {
            apiVersion: w.source.object.apiVersion,
            kind: w.kind,
            name: w.name,
          },
          {
            containers: [
              {
                name: inWorkload.container,
                env: names.map(n => ({
                  name: n,
                  valueFrom: { secretKeyRef: { name: secret, key: n } },
                })),
              },
            ],
          },
        )}`,
    ),
  };
}

export const secrets: TwelveFactorCheck = {
  id: 'f3-config.secrets',
  evaluate({ facts }) {
    const sets = objectSets(facts);
    // Exact lines for repository evidence, when the config scan ran.
    const scan = tryConfigLiterals(facts);
    const outcomes: CheckOutcome[] = [];
    for (const set of sets) {
      const workloads = appWorkloads(set);
      if (workloads.length === 0) continue;
      const creds = inlineCredentials(set);
      // A Secret manifest that carries its values is a credential written in the repository too.
      const committed = committedSecrets(set);
      if (committed.length > 0) {
        outcomes.push(committedOutcome(set, committed, creds, scan));
        continue;
      }
      if (creds.length > 0) {
        outcomes.push({
          verdict: 'fail',
          ...finding(
            'f3-config.secrets.literal',
            { names: [...new Set(creds.map(c => c.name))].join(', ') },
            [set.label],
          ),
          evidence: capEvidence(creds.map(c => credentialEvidence(c, scan))),
          remediation: remediation(creds),
        });
        continue;
      }
      const reading = workloads
        .map(w => ({ w, refs: secretRefsOf(w) }))
        .filter(x => x.refs.length > 0);
      if (reading.length > 0) {
        outcomes.push({
          verdict: 'pass',
          ...finding(
            'f3-config.secrets.through-secrets',
            {
              n: reading.length,
              secrets: [...new Set(reading.flatMap(x => x.refs))].join(', '),
            },
            [set.label],
          ),
          evidence: capEvidence(
            reading.map(x =>
              objectEvidence(
                set,
                x.w.source,
                noted('f3-config.secrets.reads-note', {
                  secrets: x.refs.join(', '),
                }),
              ),
            ),
          ),
        });
      } else {
        outcomes.push(noCredentials(set));
      }
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f3-config.configmap.no-workloads'),
        ...because('f3-config.configmap.no-workloads-reason', {
          sets: sets.map(s => s.label).join(', '),
        }),
      };
    }
    return worstOf(outcomes);
  },
};

/** Secrets committed with their values (and any inline credentials beside them). */
function committedOutcome(
  set: ObjectSet,
  committed: CommittedSecret[],
  creds: InlineCredential[],
  scan: ReturnType<typeof tryConfigLiterals>,
): CheckOutcome {
  const names = committed.map(c => String(c.source.object.metadata?.name));
  const secretNames = names.join(', ');
  return {
    verdict: 'fail',
    ...(creds.length
      ? finding(
          'f3-config.secrets.committed-and-literal',
          {
            secrets: secretNames,
            names: [...new Set(creds.map(c => c.name))].join(', '),
          },
          [set.label],
        )
      : finding('f3-config.secrets.committed', { secrets: secretNames }, [
          set.label,
        ])),
    evidence: capEvidence([
      ...committed.map(c => committedSecretEvidence(set, c)),
      ...creds.map(c => credentialEvidence(c, scan)),
    ]),
    remediation: advice('f3-config.secrets.committed-advice', {
      secrets: secretNames,
    }),
  };
}

/** Neither a Secret nor an inline credential: nothing shows how credentials would arrive. */
function noCredentials(set: ObjectSet): CheckOutcome {
  return {
    verdict: 'unknown',
    ...finding('f3-config.secrets.no-credentials', undefined, [set.label]),
    ...because('f3-config.secrets.no-credentials-reason', { set: set.label }),
  };
}
