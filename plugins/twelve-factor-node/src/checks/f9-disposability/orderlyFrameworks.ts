/*
 * JVM frameworks whose shutdown is orderly but does not drain in-flight
 * requests unless told to: on SIGTERM the JVM's shutdown hook stops the
 * framework, which runs @PreDestroy / shutdown-event observers and closes
 * its server, but requests under way are cut off (or given a token grace)
 * until a drain setting is added. Spring Boot is not here: before 3.4 it is
 * judged by its own rule (draining.ts), which an expert-assessed example
 * pins.
 */
import type { FactReader } from '../../engine/facts';
import { codeFactRef } from '../../facts/code/extractor';
import { configLiteralsFactRef } from '../../facts/configLiterals';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';

/** The setting that makes a framework drain, written in the app's config format. */
export interface DrainSetting {
  language: 'text' | 'yaml';
  path: string;
  content: string;
}

interface Framework {
  name: string;
  artifact: RegExp;
  /** The drain setting for a `properties` or `yaml` config file; undefined for code-configured servers. */
  setting?: { properties: string; yaml: string };
  /** Where the setting lives when not in application.properties/yml. */
  file?: string;
  /** A code snippet for servers configured in code. */
  code?: string;
}

const FRAMEWORKS: ReadonlyArray<Framework> = [
  {
    // Without quarkus.shutdown.timeout the shutdown is immediate (ShutdownEvent and @PreDestroy still run).
    name: 'Quarkus',
    artifact: /^io\.quarkus(\.platform)?:/,
    setting: {
      properties: 'quarkus.shutdown.timeout=20s\n',
      yaml: 'quarkus:\n  shutdown:\n    timeout: 20s\n',
    },
  },
  {
    // Graceful shutdown exists since Micronaut 4.9 and is off by default.
    name: 'Micronaut',
    artifact: /^io\.micronaut(\.[\w.-]+)?:/,
    setting: {
      properties:
        'micronaut.lifecycle.graceful-shutdown.enabled=true\nmicronaut.lifecycle.graceful-shutdown.grace-period=20s\n',
      yaml: 'micronaut:\n  lifecycle:\n    graceful-shutdown:\n      enabled: true\n      grace-period: 20s\n',
    },
  },
  {
    // Helidon 4's listeners wait shutdown-grace-period (500 ms by default) for running tasks.
    name: 'Helidon',
    artifact: /^io\.helidon(\.[\w.-]+)?:/,
    setting: {
      properties: 'server.shutdown-grace-period=PT20S\n',
      yaml: 'server:\n  shutdown-grace-period: PT20S\n',
    },
  },
  {
    name: 'Dropwizard',
    artifact: /^io\.dropwizard(\.[\w.-]+)?:/,
    file: 'config.yml',
    setting: {
      properties: 'server:\n  shutdownGracePeriod: 20s\n',
      yaml: 'server:\n  shutdownGracePeriod: 20s\n',
    },
  },
  {
    // The engine's own shutdown hook stops with a short grace period (about a second).
    name: 'Ktor',
    artifact: /^io\.ktor:ktor-server/,
    code: 'Runtime.getRuntime().addShutdownHook(Thread {\n    server.stop(gracePeriodMillis = 5_000, timeoutMillis = 20_000)\n})\n',
  },
  {
    // Closing Vert.x undeploys verticles (their stop() runs) and closes servers without waiting for requests.
    name: 'Vert.x',
    artifact: /^io\.vertx:vertx-(core|web)\b/,
    code: 'Runtime.getRuntime().addShutdownHook(new Thread(() ->\n    server.shutdown(20, TimeUnit.SECONDS).await()));\n',
  },
];

/** The first orderly-but-not-draining framework the Java/Kotlin manifests declare, with the setting that makes it drain. */
export function orderlyFramework(facts: FactReader):
  | {
      name: string;
      path: string;
      line?: number;
      fix: {
        language: 'text' | 'yaml' | 'java';
        path?: string;
        content: string;
      };
    }
  | undefined {
  const deps = (facts.tryGet(dependenciesFactRef)?.manifests ?? [])
    .filter(m => m.ecosystem === 'java')
    .flatMap(m =>
      m.dependencies.map(d => ({ path: m.path, line: d.line, name: d.name })),
    );
  for (const f of FRAMEWORKS) {
    const dep = deps.find(d => f.artifact.test(d.name));
    if (!dep) continue;
    return {
      name: f.name,
      path: dep.path,
      line: dep.line,
      fix: f.setting
        ? settingIn(facts, f.setting, f.file)
        : { language: 'java', content: f.code! },
    };
  }
  return undefined;
}

/** The drain setting in the format of the app's config file (the one the code facts read, else application.properties). */
function settingIn(
  facts: FactReader,
  setting: { properties: string; yaml: string },
  file?: string,
): DrainSetting {
  if (file) return { language: 'yaml', path: file, content: setting.yaml };
  // The shared config file (not a profile's, not a laptop's) the scan saw, else one a code signal came from.
  const isConfig = (p: string) =>
    /(^|\/)application(-\w+)?\.(properties|ya?ml)$/.test(p);
  const files = facts.tryGet(configLiteralsFactRef)?.files ?? [];
  const config =
    files.find(f => !f.local && !f.environment && isConfig(f.path))?.path ??
    files.find(f => !f.local && isConfig(f.path))?.path ??
    Object.values(facts.tryGet(codeFactRef)?.signals ?? {})
      .flat()
      .map(m => m?.path ?? '')
      .find(isConfig);
  if (config && !config.endsWith('.properties'))
    return { language: 'yaml', path: config, content: setting.yaml };
  return {
    language: 'text',
    path: config ?? 'src/main/resources/application.properties',
    content: setting.properties,
  };
}
