/*
 * Checks that look at how workloads run, judged on the compose files CI
 * deploys when there are no Kubernetes objects: restart policy and
 * healthcheck, replicas, resource limits. Only services that run the app
 * count (backing services such as postgres or redis in the same file do
 * not), and only files a CI deploy names (composeDeployments).
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { ComposeRuntime } from '../../facts/composeRuntime';
import { backingKindOfImage } from '../../facts/images';
import type { ComposeService } from '../../facts/localDev';
import {
  composeDeployments,
  type ComposeDeployment,
} from '../composeDeployments';
import { capEvidence, fileEvidence } from '../evidence';
import { whenUndecided } from '../whenUndecided';
import { advice, because, finding, noted } from '../messages';
import {
  isImmutable,
  parseImage,
  tagKind,
} from '../f5-build-release-run/images';

/** An app service of a deployment, its files merged in order (later files override). */
interface DeployedService {
  name: string;
  /** The command that deploys it, whose `VAR=value` assignments set the image's variables. */
  command: string;
  swarm: boolean;
  /** The file that declares the service (the first), for evidence without a setting's line. */
  path: string;
  line?: number;
  runtime: Partial<
    Record<keyof ComposeRuntime, { value: string; path: string; line?: number }>
  >;
}

function deployedServices(deployments: ComposeDeployment[]): DeployedService[] {
  const out = new Map<string, DeployedService>();
  for (const d of deployments) {
    for (const f of d.read) {
      for (const s of f.services) {
        const key = `${d.deploy.path}:${d.deploy.line}:${s.name}`;
        const known = out.get(key);
        if (!known && !isApp(s)) continue;
        const svc =
          known ??
          ({
            name: s.name,
            command: d.deploy.text,
            swarm: d.deploy.tool === 'docker-stack',
            path: f.path,
            ...(s.line ? { line: s.line } : {}),
            runtime: {},
          } as DeployedService);
        for (const [k, v] of Object.entries(s.runtime ?? {}))
          svc.runtime[k as keyof ComposeRuntime] = { ...v, path: f.path };
        out.set(key, svc);
      }
    }
  }
  return [...out.values()];
}

/** A service that runs the app: built from the repository, or an image that is no known backing service. */
function isApp(s: ComposeService): boolean {
  return !!s.build || !backingKindOfImage(s.image);
}

const at = (
  s: DeployedService,
  field: keyof ComposeRuntime,
  note: ReturnType<typeof noted>,
): Evidence => {
  const v = s.runtime[field];
  return v
    ? fileEvidence(v.path, note, v.line, v.line)
    : fileEvidence(s.path, note, s.line, s.line);
};

/** The check, judging compose deployments from CI when it cannot decide otherwise. */
function withCompose(
  check: TwelveFactorCheck,
  judge: (services: DeployedService[]) => CheckOutcome,
): TwelveFactorCheck {
  // The compose files CI deploys decide what the manifests (or their absence) leave undecided.
  return whenUndecided(check, ctx => {
    const services = deployedServices(composeDeployments(ctx.facts));
    return services.length ? judge(services) : undefined;
  });
}

const names = (xs: DeployedService[]) =>
  [...new Set(xs.map(s => s.name))].join(', ');

/** Restarted when it exits (a restart policy; Swarm restarts by default), and when it hangs (Swarm replaces unhealthy tasks; Compose does not). */
export const composeAutoRestart = (check: TwelveFactorCheck) =>
  withCompose(check, services => {
    const M = 'cn-resilience.auto-restart';
    const restarts = (s: DeployedService) =>
      s.swarm
        ? s.runtime.restartPolicy?.value !== 'none'
        : /^(always|unless-stopped|on-failure)/.test(
            s.runtime.restart?.value ?? '',
          ) || /^(any|on-failure)$/.test(s.runtime.restartPolicy?.value ?? '');
    const healthy = (s: DeployedService) =>
      !!s.runtime.healthcheck && s.runtime.healthcheck.value !== 'disabled';
    const noRestart = services.filter(s => !restarts(s));
    const evidence = capEvidence(
      services.map(s =>
        restarts(s)
          ? at(
              s,
              s.swarm ? 'restartPolicy' : 'restart',
              noted(`${M}.compose-restart-note`, {
                service: s.name,
                policy: s.swarm
                  ? s.runtime.restartPolicy?.value ?? 'any'
                  : s.runtime.restart!.value,
              }),
            )
          : at(
              s,
              'restart',
              noted(`${M}.compose-no-restart-note`, { service: s.name }),
            ),
      ),
    );
    const snippet = {
      language: 'yaml' as const,
      action: 'modify' as const,
      path: services[0].path,
      content: `services:\n  ${services[0].name}:\n    restart: unless-stopped\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]\n      interval: 10s\n      retries: 3\n`,
    };
    if (noRestart.length)
      return {
        verdict: 'fail',
        ...finding(`${M}.compose-no-restart`, { services: names(noRestart) }),
        evidence,
        remediation: { ...advice(`${M}.compose-no-restart-advice`), snippet },
      };
    const replaced = services.filter(s => s.swarm && healthy(s));
    if (replaced.length === services.length)
      return {
        verdict: 'pass',
        ...finding(`${M}.compose-swarm-healthy`, { services: names(services) }),
        evidence,
      };
    return {
      verdict: 'partial',
      ...finding(`${M}.compose-not-on-hang`, {
        services: names(services.filter(s => !replaced.includes(s))),
      }),
      evidence,
      remediation: advice(`${M}.compose-not-on-hang-advice`),
    };
  });

/** Memory limit and CPU limit or reservation per service (`deploy.resources`, `mem_limit`, `cpus`). */
export const composeResources = (check: TwelveFactorCheck) =>
  withCompose(check, services => {
    const M = 'cn-orchestration.resources';
    const full = (s: DeployedService) =>
      !!s.runtime.memoryLimit &&
      !!(s.runtime.cpuLimit || s.runtime.cpuReservation);
    const any = (s: DeployedService) =>
      !!(
        s.runtime.memoryLimit ||
        s.runtime.cpuLimit ||
        s.runtime.cpuReservation ||
        s.runtime.memoryReservation
      );
    const evidence = capEvidence(
      services.map(s =>
        at(
          s,
          s.runtime.memoryLimit ? 'memoryLimit' : 'cpuLimit',
          noted(`${M}.compose-service-note`, {
            service: s.name,
            memory: s.runtime.memoryLimit?.value ?? '-',
            cpus:
              s.runtime.cpuLimit?.value ??
              s.runtime.cpuReservation?.value ??
              '-',
          }),
        ),
      ),
    );
    const lacking = services.filter(s => !full(s));
    if (lacking.length === 0)
      return {
        verdict: 'pass',
        ...finding(`${M}.compose-set`, { services: names(services) }),
        evidence,
      };
    return {
      verdict: services.some(any) ? 'partial' : 'fail',
      ...finding(`${M}.compose-missing`, { services: names(lacking) }),
      evidence,
      remediation: {
        ...advice(`${M}.compose-advice`),
        snippet: {
          language: 'yaml',
          action: 'modify',
          path: lacking[0].path,
          content: `services:\n  ${lacking[0].name}:\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n          memory: 512M\n        reservations:\n          cpus: "0.25"\n          memory: 256M\n`,
        },
      },
    };
  });

/** Two or more replicas (`deploy.replicas`, `scale`) per app service. */
export const composeHorizontal = (check: TwelveFactorCheck) =>
  withCompose(check, services => {
    const M = 'f8-concurrency.horizontal';
    const count = (s: DeployedService) =>
      Number(s.runtime.replicas?.value ?? 1) || 1;
    const evidence = capEvidence(
      services.map(s =>
        at(
          s,
          'replicas',
          noted(`${M}.compose-replicas-note`, {
            service: s.name,
            replicas: count(s),
          }),
        ),
      ),
    );
    const single = services.filter(s => count(s) < 2);
    if (single.length === 0)
      return {
        verdict: 'pass',
        ...finding(`${M}.compose-replicated`, { services: names(services) }),
        evidence,
      };
    return {
      verdict: 'partial',
      ...finding(`${M}.compose-single`, { services: names(single) }),
      evidence,
      remediation: {
        ...advice(`${M}.compose-advice`),
        snippet: {
          language: 'yaml',
          action: 'modify',
          path: single[0].path,
          content: `services:\n  ${single[0].name}:\n    deploy:\n      replicas: 2\n`,
        },
      },
    };
  });

/** What a `${VAR}` of an image tag stands for, from the deploy command's `VAR=value`: a commit or a release tag of the pipeline. */
const PIPELINE_VERSION =
  /github\.sha|github\.ref_name|GITHUB_SHA|CI_COMMIT_SHA|CI_COMMIT_SHORT_SHA|CI_COMMIT_TAG|BITBUCKET_COMMIT|CIRCLE_SHA1|BUILD_SOURCEVERSION|GIT_COMMIT|\$\(git rev-parse/;

/** The image of a service with the deploy command's variables resolved: `immutable`, `mutable`, or undefined when a variable stays unknown. */
function imageKind(
  s: DeployedService,
): { image: string; immutable: boolean } | undefined {
  const image = s.runtime.image?.value;
  if (!image) return undefined;
  let unresolved = false;
  let pipeline = false;
  const resolved = image.replace(
    /\$\{?(\w+)(?::?-([^}]*))?\}?/g,
    (_, name: string, dflt?: string) => {
      const set = new RegExp(
        `\\b${name}=("[^"]*"|'[^']*'|\\$\\{\\{[^}]*\\}\\}\\S*|\\S+)`,
      ).exec(s.command);
      if (set && PIPELINE_VERSION.test(set[1])) {
        pipeline = true;
        return 'pipeline';
      }
      if (set) return set[1].replace(/^["']|["']$/g, '');
      if (dflt !== undefined) return dflt;
      unresolved = true;
      return name;
    },
  );
  if (unresolved) return undefined;
  return {
    image,
    immutable: pipeline || isImmutable(tagKind(parseImage(resolved))),
  };
}

/** Images pinned to a release (a version, a commit, a digest, or the pipeline's commit or tag at deploy). */
export const composeImmutableImage = (check: TwelveFactorCheck) =>
  withCompose(check, services => {
    const M = 'f5-build-release-run.immutable-image';
    const judged = services
      .map(s => ({ s, k: imageKind(s) }))
      .filter(
        (x): x is { s: DeployedService; k: NonNullable<typeof x.k> } => !!x.k,
      );
    if (judged.length === 0)
      return {
        verdict: 'unknown',
        ...finding('engine.cannot-decide'),
        ...because(`${M}.compose-unresolved-reason`, {
          services: names(services),
        }),
      };
    const evidence = capEvidence(
      judged.map(({ s, k }) =>
        at(
          s,
          'image',
          noted(`${M}.compose-image-note`, { service: s.name, image: k.image }),
        ),
      ),
    );
    const mutable = judged.filter(x => !x.k.immutable);
    const images = (xs: typeof judged) =>
      [...new Set(xs.map(x => x.k.image))].join(', ');
    if (mutable.length === 0)
      return {
        verdict: 'pass',
        ...finding(`${M}.compose-pinned`, { images: images(judged) }),
        evidence,
      };
    return {
      verdict: mutable.length === judged.length ? 'fail' : 'partial',
      ...finding(`${M}.compose-mutable`, { images: images(mutable) }),
      evidence,
      remediation: {
        ...advice(`${M}.compose-advice`),
        snippet: {
          language: 'yaml',
          action: 'modify',
          path: mutable[0].s.runtime.image?.path ?? mutable[0].s.path,
          content: `services:\n  ${mutable[0].s.name}:\n    image: ${
            parseImage(
              mutable[0].k.image.replace(/\$\{?\w+(:?-[^}]*)?\}?/g, 'x'),
            ).repository
          }:\${IMAGE_TAG:?}\n`,
        },
      },
    };
  });
