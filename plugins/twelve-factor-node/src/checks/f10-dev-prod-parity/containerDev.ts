import type {
  EngineMessage,
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { localDevFactRef, type ComposeService } from '../../facts/localDev';
import { backingModel } from '../f4-backing-services/backing';
import { capEvidence, fileEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { setWideNote } from '../setMessages';
import { advice, because, english, finding, noted } from '../messages';
import {
  appProcesses,
  backingKindOfImage,
  imageName,
  portsOf,
  workerCommand,
} from '../f8-concurrency/processTypes';
import {
  configText,
  envClass,
  environmentSources,
  productionSources,
  type EnvSource,
} from './environments';

const M = 'f10-dev-prod-parity.container-dev';

/** A sentence by id, with its parameters. */
type Said = readonly [string, EngineMessage['params']?];

/**
 * A finding that opens with a sentence and goes on with the gaps found,
 * each its own message (`head gap; gap…close` in English), so that any
 * combination of gaps reads in every language.
 */
function withGaps(
  head: Said,
  gaps: ReadonlyArray<Said>,
  close = '',
): { summary: string; summaryMsg: MessagePart[] } {
  const part = ([id, params]: Said): MessagePart =>
    params ? { id, params } : { id };
  return {
    summary: `${english(head[0], head[1])} ${gaps
      .map(([id, p]) => english(id, p))
      .join('; ')}${close}`,
    summaryMsg: [part(head), ...gaps.map(part)],
  };
}

/** Dev tools that run the repository's own Kubernetes manifests, hence the production services. */
const KUBE_DEV_TOOLS = new Set([
  'tilt',
  'skaffold',
  'garden',
  'okteto',
  'devspace',
]);

const LOCAL_IMAGE: Record<string, string> = {
  postgresql: 'postgres:16',
  mysql: 'mysql:8.4',
  mongodb: 'mongo:7',
  redis: 'redis:7',
  rabbitmq: 'rabbitmq:3-management',
  kafka: 'apache/kafka:3.8.0',
  memcached: 'memcached:1.6',
  elasticsearch: 'elasticsearch:8.15.0',
};

function composeRole(
  s: ComposeService,
  appImages: Set<string>,
): 'web' | 'worker' | 'one-off' | 'backing' | 'other' {
  if (s.build || (s.image && appImages.has(imageName(s.image)))) {
    if (workerCommand(s.command ?? '')) return 'worker';
    return s.ports.length ? 'web' : 'one-off';
  }
  return backingKindOfImage(s.image) ? 'backing' : 'other';
}

/** Whether a compose service has a counterpart in production: the app itself, a backing kind production uses, or a name its configuration refers to (an OTel collector). */
function isMatched(
  role: ReturnType<typeof composeRole>,
  s: ComposeService,
  kind: string | undefined,
  prodKinds: Set<string>,
  referenced: () => string,
): boolean {
  if (role === 'web' || role === 'worker' || role === 'one-off') return true;
  if (role === 'backing') return prodKinds.has(kind!);
  const text = referenced();
  return (
    text.includes(s.name.toLowerCase()) ||
    (!!s.image && text.includes(imageName(s.image).toLowerCase()))
  );
}

/** A compose file for a repository without one, from the production target. */
function composeFor(
  prod: EnvSource | undefined,
  kinds: ReadonlyArray<string>,
): string {
  const services: Record<string, unknown> = {};
  const apps = prod?.set ? appProcesses(prod.set) : [];
  for (const w of apps) {
    const c = w.appContainers[0]?.container ?? {};
    services[w.name] = {
      build: '.',
      ...(c.command ? { command: c.command } : {}),
      ...(portsOf(c).length
        ? {
            ports: portsOf(c).map(
              (p: any) => `${p.containerPort}:${p.containerPort}`,
            ),
          }
        : {}),
      env_file: '.env.local',
    };
  }
  if (Object.keys(services).length === 0)
    services.app = { build: '.', env_file: '.env.local' };
  for (const kind of kinds) {
    if (LOCAL_IMAGE[kind])
      services[kind === 'postgresql' ? 'postgres' : kind] = {
        image: LOCAL_IMAGE[kind],
      };
  }
  return toYaml({ services });
}

/** The backing model's techs as environment kinds (images name them so). */
const ENGINE_OF_TECH: Record<string, string> = {
  postgres: 'postgresql',
  mongo: 'mongodb',
  mssql: 'sqlserver',
};

export const containerDev: TwelveFactorCheck = {
  id: 'f10-dev-prod-parity.container-dev',
  evaluate({ facts }) {
    const local = facts.get(localDevFactRef);
    const sources = environmentSources(facts);
    const prodTargets = productionSources(sources).filter(
      s => s.kind === 'target',
    );
    const prod = prodTargets[0] ?? sources.find(s => s.kind === 'target');
    const composeFiles = local.composeFiles.filter(
      f =>
        envClass(sources.find(s => s.label === f.path)?.env ?? 'local') !==
        'prod',
    );
    const kubeTools = local.devTools.filter(t => KUBE_DEV_TOOLS.has(t.kind));
    const toolEvidence = local.devTools.map(t =>
      fileEvidence(t.path, noted(`${M}.tool-note`, { tool: t.kind })),
    );

    if (composeFiles.length === 0 && local.devTools.length === 0) {
      return {
        verdict: 'fail',
        ...finding(`${M}.none`),
        remediation: {
          ...advice(`${M}.none-advice`),
          snippet: {
            language: 'yaml',
            action: 'create',
            path: 'docker-compose.yml',
            content: composeFor(prod, [
              ...new Set(
                productionSources(sources).flatMap(s => [
                  ...s.databases.keys(),
                  ...s.backing.keys(),
                ]),
              ),
            ]),
          },
        },
      };
    }
    if (composeFiles.length === 0) {
      return {
        verdict: 'pass',
        ...finding(`${M}.tools`, {
          tools: local.devTools.map(t => `${t.kind} (${t.path})`).join(', '),
        }),
        evidence: toolEvidence,
      };
    }
    if (!prod?.set) {
      return {
        verdict: 'unknown',
        ...finding(`${M}.no-production`, {
          files: composeFiles.map(f => f.path).join(', '),
        }),
        ...because(`${M}.no-production-reason`),
        evidence: composeFiles.map(f =>
          fileEvidence(
            f.path,
            noted(`${M}.services-note`, {
              n: f.services.length,
              services: f.services.map(s => s.name).join(', '),
            }),
          ),
        ),
      };
    }
    // What production runs: app process types, backing kinds (workloads, operators, URLs) and the names its configuration refers to.
    const apps = appProcesses(prod.set);
    const prodTypes = new Set(
      apps.map(w => w.type).filter(t => t === 'web' || t === 'worker'),
    );
    const prodKinds = new Set([
      ...prod.databases.keys(),
      ...prod.backing.keys(),
      // Services production attaches by address (POSTGRES_HOST=…svc.cluster.local, a managed database): a local container of the same engine stands in for them.
      ...backingModel(facts)
        .refs.filter(
          r =>
            r.set?.label === prod.set!.label &&
            r.set?.origin === prod.set!.origin &&
            r.origin === 'deploy' &&
            ['database', 'cache', 'broker'].includes(r.kind) &&
            r.tech !== 'sql' &&
            r.tech !== 'broker',
        )
        .map(r => ENGINE_OF_TECH[r.tech] ?? r.tech),
    ]);
    const appImages = new Set([...prod.images.keys()]);
    // Production's config text is read only for services that are neither the app nor a backing service.
    let configTextLower: string | undefined;
    const referenced = () =>
      (configTextLower ??= configText(prod.set!).toLowerCase());
    const evidence: Evidence[] = [];
    const extras: string[] = [];
    const composeTypes = new Set<string>();
    const composeKinds = new Set<string>();
    for (const file of composeFiles) {
      for (const s of file.services) {
        const role = composeRole(s, appImages);
        const kind = backingKindOfImage(s.image);
        if (role === 'web' || role === 'worker') composeTypes.add(role);
        if (kind) composeKinds.add(kind);
        const matched = isMatched(role, s, kind, prodKinds, referenced);
        if (!matched) extras.push(`${s.name} (${s.image ?? 'built'})`);
        evidence.push(
          fileEvidence(
            file.path,
            noted(
              `${M}.service${kind ? '-kind' : ''}${
                matched ? '' : '-extra'
              }-note`,
              { service: s.name, role, ...(kind ? { kind } : {}) },
            ),
            s.line,
            s.line,
          ),
        );
      }
    }
    const missingTypes = [...prodTypes].filter(t => !composeTypes.has(t));
    const missingKinds = [...prodKinds].filter(k => !composeKinds.has(k));
    const runs = noted(
      prodKinds.size ? `${M}.production-with-note` : `${M}.production-note`,
      {
        workloads: apps.map(w => `${w.name} (${w.type})`).join(', '),
        ...(prodKinds.size ? { kinds: [...prodKinds].join(', ') } : {}),
      },
    );
    evidence.push(setWideNote(prod.set, runs));
    const gaps: Said[] = [
      ...(extras.length
        ? [[`${M}.gap-extras`, { services: extras.join(', ') }] as const]
        : []),
      ...(missingTypes.length
        ? [
            [
              `${M}.gap-process`,
              { processes: missingTypes.join(', ') },
            ] as const,
          ]
        : []),
      ...(missingKinds.length
        ? [[`${M}.gap-kinds`, { kinds: missingKinds.join(', ') }] as const]
        : []),
    ];
    const files = composeFiles.map(f => f.path).join(', ');
    if (gaps.length === 0) {
      return {
        verdict: 'pass',
        ...finding(`${M}.same`, { files, target: prod.label }),
        evidence: capEvidence([...evidence, ...toolEvidence], 12),
      };
    }
    if (kubeTools.length) {
      return {
        verdict: 'pass',
        ...withGaps(
          [
            `${M}.kube-tools`,
            { tools: kubeTools.map(t => t.kind).join(', '), files },
          ],
          gaps,
          ')',
        ),
        evidence: capEvidence([...toolEvidence, ...evidence], 12),
      };
    }
    return {
      verdict: 'partial',
      ...withGaps([`${M}.diverges`, { files, target: prod.label }], gaps),
      evidence: capEvidence([...evidence, ...toolEvidence], 12),
      remediation: {
        // keep-advice[-add][-process][-tools]: what to add and which tools to move.
        ...advice(
          `${M}.keep${missingKinds.length ? '-add' : ''}${
            missingTypes.length ? '-process' : ''
          }${extras.length ? '-tools' : ''}-advice`,
          {
            files,
            ...(missingKinds.length ? { kinds: missingKinds.join(', ') } : {}),
            ...(missingTypes.length
              ? { processes: missingTypes.join(', ') }
              : {}),
            ...(extras.length
              ? { tools: extras.map(e => e.split(' ')[0]).join(', ') }
              : {}),
          },
        ),
        ...(extras.length
          ? {
              snippet: {
                language: 'yaml' as const,
                action: 'modify' as const,
                path: composeFiles[0].path,
                content: toYaml({
                  services: Object.fromEntries(
                    extras.map(e => [e.split(' ')[0], { profiles: ['tools'] }]),
                  ),
                }),
              },
            }
          : {}),
      },
    };
  },
};
