import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  isCredentialName,
  tryConfigLiterals,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import type { Workload } from '../../facts/manifests/workloads';
import {
  objectSets,
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence, plural } from '../evidence';
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
    text: `Move the literal env values of ${w.kind} ${w.name} into a ConfigMap and load it with envFrom; per-environment values then live in the overlays (configMapGenerator with behavior: merge). Remove the moved entries from env.`,
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
      setEvidence(set, w.source, `reads ConfigMap ${refs.join(', ')}`),
    ),
  );
  if (withConfigMap.length > 0 && inlineOnly.length === 0) {
    return {
      verdict: 'pass',
      summary: `${set.label}: ${plural(
        withConfigMap.length,
        'workload',
      )} take configuration from ConfigMaps (${[
        ...new Set(withConfigMap.flatMap(x => x.refs)),
      ].join(', ')})`,
      evidence,
    };
  }
  if (inlineOnly.length > 0) {
    const names = inlineOnly.map(x => `${x.w.kind} ${x.w.name}`);
    return {
      verdict: 'partial',
      summary: `${
        set.label
      }: configuration is inlined as literal env values in ${names.join(', ')}${
        withConfigMap.length
          ? `, while ${plural(
              withConfigMap.length,
              'other workload',
            )} use ConfigMaps`
          : ''
      }`,
      evidence: [
        ...evidence,
        ...capEvidence(
          inlineOnly.flatMap(x =>
            x.env.map(e =>
              atKey(
                setEvidence(
                  set,
                  x.w.source,
                  `literal env ${e.name} in container ${e.container}`,
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
      summary: `${set.label}: no literal configuration in the workloads; env comes from Secrets or the pod itself`,
      evidence: [setWideEvidence(set, 'no literal env values')],
    };
  }
  const w = workloads[0];
  return {
    verdict: 'fail',
    summary: `${set.label}: no ConfigMap and no env in the workloads`,
    evidence: [
      setWideEvidence(
        set,
        `${plural(workloads.length, 'workload')}, none with env or a ConfigMap`,
      ),
    ],
    remediation: {
      text: `Give the service its configuration through a ConfigMap loaded with envFrom, so that each environment can set its own values without rebuilding the image.`,
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
        summary: 'No workloads',
        reason: `None of ${sets.map(s => s.label).join(', ')} runs a workload.`,
      };
    }
    return worstOf(outcomes);
  },
};
