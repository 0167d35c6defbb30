import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  isCredentialName,
  tryConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import type { Workload } from '../../facts/manifests/workloads';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, podSpecPatch, toYaml } from '../snippets';
import {
  appWorkloads,
  atKey,
  configMapRefsOf,
  envOf,
  literalCredential,
} from './pods';

/** Literal, non-secret env values of a workload: what a ConfigMap should hold. */
function literalEnv(w: Workload): Array<{
  container: string;
  name: string;
  value: string;
  index: number;
  fieldPath: string;
}> {
  const out: Array<{
    container: string;
    name: string;
    value: string;
    index: number;
    fieldPath: string;
  }> = [];
  for (const c of w.containers) {
    const env = envOf(c);
    for (let index = 0; index < env.length; index++) {
      const e = env[index];
      if (
        typeof e.value !== 'string' ||
        isCredentialName(String(e.name)) ||
        literalCredential(String(e.name), e.value)
      )
        continue;
      out.push({
        container: String(c.container.name ?? ''),
        name: String(e.name),
        value: String(e.value),
        index,
        fieldPath: `${c.fieldPath}.env[${index}]`,
      });
    }
  }
  return out;
}

function remediation(w: Workload, env: ReturnType<typeof literalEnv>) {
  const name = `${w.name}-config`;
  const configMap = toYaml({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(w.namespace ? { namespace: w.namespace } : {}) },
    // $(VAR) references need the other variables in the same container; keep those inline.
    data: Object.fromEntries(
      env.filter(e => !e.value.includes('$(')).map(e => [e.name, e.value]),
    ),
  });
  const containers = [...new Set(env.map(e => e.container))].map(c => ({
    name: c,
    envFrom: [{ configMapRef: { name } }],
  }));
  return {
    ...advice('f3-config.configmap.move-advice', {
      workload: `${w.kind} ${w.name}`,
    }),
    snippet: lazySnippet(
      { language: 'yaml', action: 'create' },
      () =>
        `${configMap}---\n${podSpecPatch(
          {
            apiVersion: w.source.object.apiVersion,
            kind: w.kind,
            name: w.name,
          },
          { containers },
        )}`,
    ),
  };
}

function judge(
  set: ObjectSet,
  scan: ConfigLiteralsFact | undefined,
): CheckOutcome | undefined {
  const workloads = appWorkloads(set);
  if (workloads.length === 0) return undefined;
  // Each workload's ConfigMaps read once; literal env is looked for only where there are none.
  const withConfigMap: Array<{ w: Workload; refs: string[] }> = [];
  const inlineOnly: Array<{ w: Workload; env: ReturnType<typeof literalEnv> }> =
    [];
  for (const w of workloads) {
    const refs = configMapRefsOf(w);
    if (refs.length > 0) {
      withConfigMap.push({ w, refs });
    } else {
      const env = literalEnv(w);
      if (env.length > 0) inlineOnly.push({ w, env });
    }
  }
  const evidence = capEvidence(
    withConfigMap.map(({ w, refs }) =>
      objectEvidence(
        set,
        w.source,
        noted('f3-config.configmap.reads-note', {
          configMaps: refs.join(', '),
        }),
      ),
    ),
  );
  if (withConfigMap.length > 0 && inlineOnly.length === 0) {
    return {
      verdict: 'pass',
      ...finding(
        'f3-config.configmap.from-configmaps',
        {
          n: withConfigMap.length,
          configMaps: [...new Set(withConfigMap.flatMap(x => x.refs))].join(
            ', ',
          ),
        },
        [set.label],
      ),
      evidence,
    };
  }
  if (inlineOnly.length > 0) {
    const names = inlineOnly.map(x => `${x.w.kind} ${x.w.name}`);
    return {
      verdict: 'partial',
      ...(withConfigMap.length
        ? finding(
            'f3-config.configmap.literal-mixed',
            { workloads: names.join(', '), n: withConfigMap.length },
            [set.label],
          )
        : finding(
            'f3-config.configmap.literal',
            { workloads: names.join(', ') },
            [set.label],
          )),
      evidence: [
        ...evidence,
        ...capEvidence(
          inlineOnly.flatMap(x =>
            x.env.map(e =>
              atKey(
                objectEvidence(
                  set,
                  x.w.source,
                  noted('f3-config.configmap.literal-note', {
                    name: e.name,
                    container: e.container,
                  }),
                  e.fieldPath,
                ),
                e.name,
                scan,
              ),
            ),
          ),
        ),
      ],
      remediation: remediation(inlineOnly[0].w, inlineOnly[0].env),
    };
  }
  const hasEnv = workloads.some(w =>
    w.containers.some(
      c => envOf(c).length > 0 || (c.container.envFrom ?? []).length > 0,
    ),
  );
  if (hasEnv) {
    // Env only from Secrets or the downward API: nothing is inlined and nothing needs a ConfigMap.
    return {
      verdict: 'pass',
      ...finding('f3-config.configmap.no-literal', undefined, [set.label]),
      evidence: [
        setWideNote(set, noted('f3-config.configmap.no-literal-note')),
      ],
    };
  }
  const w = workloads[0];
  return {
    verdict: 'fail',
    ...finding('f3-config.configmap.none', undefined, [set.label]),
    evidence: [
      setWideNote(
        set,
        noted('f3-config.configmap.none-note', { n: workloads.length }),
      ),
    ],
    remediation: {
      ...advice('f3-config.configmap.none-advice'),
      snippet: lazySnippet(
        { language: 'yaml', action: 'create' },
        () =>
          `${toYaml({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: `${w.name}-config` },
            data: { LOG_LEVEL: 'info' },
          })}---\n${podSpecPatch(
            {
              apiVersion: w.source.object.apiVersion,
              kind: w.kind,
              name: w.name,
            },
            {
              containers: w.containers
                .filter(c => !c.init)
                .map(c => ({
                  name: c.container.name,
                  envFrom: [{ configMapRef: { name: `${w.name}-config` } }],
                })),
            },
          )}`,
      ),
    },
  };
}

export const configmap: TwelveFactorCheck = {
  id: 'f3-config.configmap',
  evaluate({ facts }) {
    const sets = objectSets(facts);
    const scan = tryConfigLiterals(facts);
    const outcomes = sets
      .map(s => judge(s, scan))
      .filter((o): o is CheckOutcome => o !== undefined);
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
