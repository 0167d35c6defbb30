import type {
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { localDevFactRef } from '../../facts/localDev';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import {
  remoteHelmEnvironments,
  remoteHelmFactRef,
} from '../../facts/manifests/remoteHelm';
import { setWorkloads } from '../../facts/manifests/workloads';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, english, finding, noted } from '../messages';
import { runtimeHints } from '../f8-concurrency/processTypes';
import {
  ENGINE_PROFILE,
  envClass,
  normalizeEnv,
  targetEnv,
} from './environments';
import { relativePath, sharedBase } from './overlays';
import { gitOpsObjects } from '../cn-cicd/pipeline';

const M = 'f10-dev-prod-parity.staging';

/** How an unnamed deploy target is listed among the environments. */
const UNNAMED = ' (unnamed deploy target)';

export const staging: TwelveFactorCheck = {
  id: 'f10-dev-prod-parity.staging',
  evaluate({ facts }) {
    const names: Array<{ name: string; evidence: Evidence }> = [];
    const m = facts.tryGet(manifestsFactRef);
    const targets = (m?.targets ?? []).filter(
      t => setWorkloads(t.objects).length > 0,
    );
    for (const t of targets) {
      const first = t.objects.find(o => 'path' in o.origin);
      const path = first && 'path' in first.origin ? first.origin.path : t.id;
      names.push({
        name: targetEnv(t.id) ?? `${t.id}${UNNAMED}`,
        evidence: fileEvidence(
          path,
          noted(`${M}.target-note`, { target: t.id }),
          undefined,
          undefined,
          t.id,
        ),
      });
    }
    // GitOps objects name the environments they deploy (an Argo CD Application devops-toolkit-staging, a Flux Kustomization into shop-staging).
    for (const g of gitOpsObjects(facts)) {
      const o = g.source.object;
      const env = [
        o.metadata?.name,
        o.spec?.destination?.namespace,
        o.spec?.targetNamespace,
      ]
        .filter((x): x is string => typeof x === 'string')
        .map(x => targetEnv(x.replace(/-/g, '/')))
        .find(Boolean);
      if (env) names.push({ name: env, evidence: g.evidence });
    }
    const ci = facts.tryGet(ciFactRef);
    for (const env of ci?.environments ?? []) {
      const step =
        ci!.steps.find(s => s.environment === env) ??
        ci!.steps.find(s => (s.run ?? '').includes(env));
      names.push({
        name: env,
        evidence: fileEvidence(
          step?.path ?? ci!.files[0]?.path ?? '.',
          noted(`${M}.ci-note`, { env }),
          step?.line,
          step?.line,
        ),
      });
    }
    // A remote Helm chart deployed with a values file per environment.
    for (const [env, { release, values }] of remoteHelmEnvironments(
      facts.tryGet(remoteHelmFactRef),
    ))
      names.push({
        name: env,
        evidence: fileEvidence(
          values.path,
          noted(`${M}.remote-values-note`, { env, chart: release.chart }),
          values.line,
          values.line,
        ),
      });
    const local = facts.tryGet(localDevFactRef);
    for (const f of local?.envFiles ?? [])
      if (f.environment)
        names.push({
          name: f.environment,
          evidence: fileEvidence(
            f.path,
            noted(`${M}.env-file-note`, { env: f.environment }),
          ),
        });
    for (const f of local?.composeFiles ?? []) {
      const env = /compose[.-]([\w-]+)\.ya?ml$/.exec(f.path)?.[1];
      if (env && envClass(env) !== 'other')
        names.push({
          name: env,
          evidence: fileEvidence(f.path, noted(`${M}.compose-note`, { env })),
        });
    }
    // A profile named after an engine picks a database; it is no environment.
    for (const d of runtimeHints(facts)?.databases ?? [])
      if (d.environment && !ENGINE_PROFILE.test(d.environment))
        names.push({
          name: d.environment,
          evidence: fileEvidence(
            d.path,
            noted(`${M}.profile-note`, { env: d.environment }),
            d.line,
            d.line,
          ),
        });

    if (names.length === 0) {
      return {
        verdict: 'unknown',
        ...finding(`${M}.none`),
        ...because(`${M}.none-reason`),
      };
    }
    const stagingNames = names.filter(n => envClass(n.name) === 'staging');
    if (stagingNames.length) {
      return {
        verdict: 'pass',
        ...finding(`${M}.found`, {
          environments: [...new Set(stagingNames.map(n => n.name))].join(', '),
        }),
        evidence: capEvidence(stagingNames.map(n => n.evidence)),
      };
    }
    const distinct = [
      ...new Set(
        names.map(n => (n.name.includes(' ') ? n.name : normalizeEnv(n.name))),
      ),
    ];
    const kustomize = targets.filter(t => t.kind === 'kustomize');
    const prod =
      kustomize.find(t => targetEnv(t.id) === 'prod') ?? kustomize[0];
    const base = sharedBase(kustomize);
    const dir =
      prod && `${prod.id.split('/').slice(0, -1).join('/') || '.'}/staging`;
    const ns = prod?.objects.find(o => o.object.metadata?.namespace)?.object
      .metadata.namespace as string | undefined;
    // The environments found: names in one message; with an unnamed deploy target among them, each its own message.
    const head: MessagePart = { id: `${M}.missing` };
    const found = distinct.map(
      (n): MessagePart =>
        n.endsWith(UNNAMED)
          ? {
              id: `${M}.unnamed-target`,
              params: { target: n.slice(0, -UNNAMED.length) },
            }
          : { id: `${M}.environment`, params: { env: n } },
    );
    const said = distinct.some(n => n.endsWith(UNNAMED))
      ? {
          summary: `${english(head.id)} ${found
            .map(f => english(f.id, f.params))
            .join(', ')}`,
          summaryMsg: [head, ...found],
        }
      : finding(`${M}.found-only`, { environments: distinct.join(', ') });
    return {
      verdict: 'fail',
      ...said,
      evidence: capEvidence(names.map(n => n.evidence)),
      remediation: {
        ...advice(`${M}.missing-advice`),
        ...(prod && base !== undefined
          ? {
              snippet: {
                language: 'yaml' as const,
                action: 'create' as const,
                path: `${dir}/kustomization.yaml`,
                content: [
                  'apiVersion: kustomize.config.k8s.io/v1beta1',
                  'kind: Kustomization',
                  ...(ns
                    ? [
                        `namespace: ${ns.replace(
                          /(prd|prod|production)$/,
                          'staging',
                        )}`,
                      ]
                    : []),
                  'resources:',
                  `  - ${relativePath(dir!, base)}`,
                  '',
                ].join('\n'),
              },
            }
          : {}),
      },
    };
  },
};
