import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { tryConfigLiterals } from '../../facts/configLiterals';
import {
  objectSets,
  setEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence, plural } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
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
    return {
      text: `Move ${
        names.length ? names.join(', ') : cm.name
      } out of ConfigMap ${
        cm.source.object.metadata?.name
      } into a Secret and read it with secretKeyRef (or envFrom secretRef); ConfigMaps are readable by anyone who can read the namespace's config.`,
    };
  }
  const w = inWorkload.workload;
  const secret = `${w.name}-credentials`;
  const ns = w.namespace ? ` -n ${w.namespace}` : '';
  return {
    text: `Create a Secret for ${names.join(
      ', ',
    )} outside the repository (CI variables or an external secret store) and reference it from ${
      w.kind
    } ${w.name}; rotate the exposed values.`,
    snippet: lazySnippet(
      { language: 'yaml', action: 'modify' },
      () =>
        `# kubectl${ns} create secret generic ${secret} ${names
          .map(n => `--from-literal=${n}=...`)
          .join(' ')}\n${podSpecPatch(
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
          summary: `${set.label}: credentials written as literals (${[
            ...new Set(creds.map(c => c.name)),
          ].join(', ')})`,
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
          summary: `${set.label}: credentials reach ${plural(
            reading.length,
            'workload',
          )} through Secrets (${[...new Set(reading.flatMap(x => x.refs))].join(
            ', ',
          )})`,
          evidence: capEvidence(
            reading.map(x =>
              setEvidence(set, x.w.source, `reads Secret ${x.refs.join(', ')}`),
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
        summary: 'No workloads',
        reason: `None of ${sets.map(s => s.label).join(', ')} runs a workload.`,
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
  return {
    verdict: 'fail',
    summary: `${set.label}: Secret ${names.join(
      ', ',
    )} committed with its values in plain text${
      creds.length
        ? `; credentials written as literals (${[
            ...new Set(creds.map(c => c.name)),
          ].join(', ')})`
        : ''
    }`,
    evidence: capEvidence([
      ...committed.map(c => committedSecretEvidence(set, c)),
      ...creds.map(c => credentialEvidence(c, scan)),
    ]),
    remediation: {
      text: `Take Secret ${names.join(
        ', ',
      )} out of the repository (and its history) and rotate the values; create it at deploy time from CI variables (kubectl create secret generic … --from-literal) or have an external secret store write it, so the workloads keep reading the same Secret name. Base64 in a Secret manifest is an encoding, not encryption.`,
    },
  };
}

/** Neither a Secret nor an inline credential: nothing shows how credentials would arrive. */
function noCredentials(set: ObjectSet): CheckOutcome {
  return {
    verdict: 'unknown',
    summary: `${set.label}: the workloads read no Secret and hold no credential`,
    reason: `No workload of ${set.label} reads a Secret or has a credential in its env or ConfigMaps, so whether credentials would reach it safely cannot be told.`,
  };
}
