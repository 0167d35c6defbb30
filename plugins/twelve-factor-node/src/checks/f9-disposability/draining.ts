/*
 * What drains in-flight work on SIGTERM without the app's own code: servers
 * and workers that do it by themselves, and Spring Boot, whose web server
 * shuts down gracefully by default since 3.4. The sigterm and
 * graceful-shutdown checks share this knowledge, so that they agree.
 */
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { objectSets } from '../../facts/objectSets';
import { classify, dockerCommand, list } from '../f8-concurrency/processTypes';

/** Web servers and proxies that stop accepting and finish in-flight requests on SIGTERM. */
const DRAINING_WEB =
  /\b(uvicorn|gunicorn|hypercorn|daphne|granian|puma|unicorn|nginx|caddy|envoy|traefik)\b/;
/** Queue workers that finish (or hand back) the task in hand on SIGTERM. */
const DRAINING_WORKER = /\b(celery|dramatiq|rq\s+worker|sidekiq)\b/;

/** The draining servers and workers that start commands run, by the process type they serve. */
export function drainingServers(commands: ReadonlyArray<string>): {
  web: string[];
  worker: string[];
} {
  const found = (re: RegExp) => [
    ...new Set(
      commands.map(c => re.exec(c)?.[1]).filter((s): s is string => !!s),
    ),
  ];
  return { web: found(DRAINING_WEB), worker: found(DRAINING_WORKER) };
}

/** The start commands of the service: its Dockerfiles' CMD/ENTRYPOINT and its manifests' command overrides. */
export function startCommands(facts: FactReader): string[] {
  const commands: string[] = [];
  for (const df of facts.tryGet(containerBuildFactRef)?.dockerfiles ?? []) {
    const dc = dockerCommand(df);
    if (dc) commands.push(dc.text);
  }
  try {
    for (const set of objectSets(facts, { cluster: false }))
      for (const w of classify(set))
        for (const c of w.appContainers) {
          const argv = [
            ...list(c.container.command),
            ...list(c.container.args),
          ].map(String);
          if (argv.length) commands.push(argv.join(' '));
        }
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  return commands;
}

/**
 * Where Spring Boot is declared, if it is: its shutdown hook closes the
 * application context on SIGTERM in every version (the web server drains
 * only from 3.4, see springBootGracefulByDefault).
 */
export function springBootDeclared(
  facts: FactReader,
): { path: string; line?: number; version: string } | undefined {
  const first = springBootDependencies(facts)[0];
  return first && { ...first, version: first.version || 'any' };
}

/** Where a Spring Boot version of 3.4 or later is declared (pom parent, Gradle plugin, BOM), if one is. */
export function springBootGracefulByDefault(
  facts: FactReader,
): { path: string; line?: number; version: string } | undefined {
  return springBootDependencies(facts).find(d => {
    const v = /^(\d+)\.(\d+)/.exec(d.version);
    return !!v && (Number(v[1]) > 3 || (v[1] === '3' && Number(v[2]) >= 4));
  });
}

/** The Spring Boot artifacts the Java manifests declare (parent, plugin, starters), with their versions as written. */
function springBootDependencies(
  facts: FactReader,
): Array<{ path: string; line?: number; version: string }> {
  return (facts.tryGet(dependenciesFactRef)?.manifests ?? [])
    .filter(m => m.ecosystem === 'java')
    .flatMap(m =>
      m.dependencies
        .filter(d => /^org\.springframework\.boot:/.test(d.name))
        .map(d => ({ path: m.path, line: d.line, version: d.spec })),
    );
}
