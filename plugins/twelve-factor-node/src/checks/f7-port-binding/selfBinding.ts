import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { objectSets, setEvidence } from '../../facts/objectSets';
import { capEvidence, fileEvidence } from '../evidence';
import {
  appProcesses,
  commandOf,
  dockerCommand,
  dockerfileFor,
  imageRepository,
  judgeSets,
  portsOf,
  WEB_SERVER_IMAGE,
} from '../f8-concurrency/processTypes';

/** Base images that host an app inside a servlet container or a web server module. */
const APP_SERVER_BASE =
  /(^|\/)(tomcat|tomee|wildfly|jboss\/wildfly|jboss-eap[\w-]*|jetty|payara\/server-full|glassfish|websphere-liberty|open-liberty)(:|$)|(^|\/)php:[^\s]*apache/;

/** Commands that start a server inside the app process. */
const SELF_SERVING =
  /\b(uvicorn|gunicorn|hypercorn|daphne|waitress-serve|granian|node|bun|deno|java\s+(-\S+\s+)*-jar|npm\s+(run\s+)?start|next\s+start|flask\s+run|manage\.py\s+runserver|rails\s+s(erver)?|puma|dotnet)\b/;

/** The target ports of Services (by number or name), for a workload that declares none. */
function servicePorts(
  services: ReadonlyArray<{ object: Record<string, any> }>,
) {
  const ports = new Set<string>();
  for (const s of services)
    for (const p of Array.isArray(s.object.spec?.ports)
      ? s.object.spec.ports
      : [])
      if (p && typeof p === 'object') ports.add(String(p.targetPort ?? p.port));
  return [...ports].join(', ');
}

function portList(container: Record<string, any>): string {
  return portsOf(container)
    .map((p: any) => p?.containerPort)
    .join(', ');
}

export const selfBinding: TwelveFactorCheck = {
  id: 'f7-port-binding.self-binding',
  evaluate({ facts }) {
    const dockerfiles = facts.tryGet(containerBuildFactRef)?.dockerfiles ?? [];
    const webDeps = facts.tryGet(codeFactRef)?.capabilities['web-server'] ?? [];
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Web processes that declare no containerPort serve the port their Service targets.
        const serving = appProcesses(set).filter(
          w => w.appContainers.some(c => portsOf(c).length) || w.type === 'web',
        );
        if (serving.length === 0) return undefined;
        const injected: Evidence[] = [];
        const selfServed: Evidence[] = [];
        const problems: string[] = [];
        for (const w of serving) {
          const withPorts = w.appContainers.filter(c => portsOf(c).length);
          const servers = withPorts.filter(c =>
            WEB_SERVER_IMAGE.test(
              imageRepository(String(c.container.image ?? '')).toLowerCase(),
            ),
          );
          const behind = w.appContainers.filter(
            c => !portsOf(c).length && !servers.includes(c),
          );
          if (withPorts.length === 0) {
            // No containerPort: the app binds the port its Service sends traffic to.
            const targets = servicePorts(w.services);
            const c = w.appContainers[0];
            const cmd = c ? commandOf(c.container) : '';
            selfServed.push(
              setEvidence(
                set,
                w.source,
                `declares no containerPort; Service ${w.services
                  .map(s => s.object.metadata?.name)
                  .join(', ')} sends traffic to port ${
                  targets || '?'
                }, served by the app itself${
                  cmd ? ` (${cmd.slice(0, 80)})` : ''
                }`,
                `${w.podSpecPath}.containers`,
              ),
            );
            continue;
          }
          if (servers.length && behind.length) {
            problems.push(
              `${w.name}: ${servers[0].container.image} serves port ${portList(
                servers[0].container,
              )} for container ${behind[0].container.name}`,
            );
            injected.push(
              setEvidence(
                set,
                w.source,
                `web server container ${servers[0].container.name} (${
                  servers[0].container.image
                }) fronts ${behind
                  .map(b => b.container.name)
                  .join(', ')}, which declare no port`,
                `${servers[0].fieldPath}.image`,
              ),
            );
            continue;
          }
          for (const c of withPorts) {
            const df = dockerfileFor(
              dockerfiles,
              String(c.container.image ?? ''),
            );
            const last = df && finalStage(df);
            const base = df && last ? baseImageOf(df, last) : '';
            if (df && last && APP_SERVER_BASE.test(base)) {
              problems.push(
                `${w.name}: deployed into the application server of ${base}`,
              );
              injected.push(
                fileEvidence(
                  df.path,
                  `final stage FROM ${base}: the app is deployed into a server container`,
                  last.line,
                  last.line,
                  set.label,
                ),
              );
              continue;
            }
            const cmd =
              commandOf(c.container) ||
              (df ? dockerCommand(df)?.text ?? '' : '');
            const serverWord = SELF_SERVING.exec(cmd)?.[1];
            let how = cmd ? ` (${cmd.slice(0, 80)})` : '';
            if (serverWord) how = ` and starts ${serverWord} itself`;
            selfServed.push(
              setEvidence(
                set,
                w.source,
                `container ${
                  c.container.name
                } declares containerPort ${portList(c.container)}${how}`,
                `${c.fieldPath}.ports`,
              ),
            );
          }
        }
        if (problems.length) {
          return {
            verdict: 'fail',
            summary: `${
              set.label
            }: the app relies on an injected web server (${problems.join(
              '; ',
            )})`,
            evidence: capEvidence([...injected, ...selfServed]),
            remediation: {
              text: 'Let the app bind its own HTTP port with an embedded server (Spring Boot jar, uvicorn/gunicorn, node, Go net/http, FrankenPHP/RoadRunner for PHP) and declare that port as containerPort; drop the separate web-server container or application-server image.',
            },
          };
        }
        return {
          verdict: 'pass',
          summary: `${set.label}: ${serving
            .map(
              w =>
                `${w.name} (${
                  w.appContainers
                    .map(c => portList(c.container))
                    .filter(Boolean)
                    .join(', ') ||
                  `Service target port ${servicePorts(w.services) || '?'}`
                })`,
            )
            .join(', ')} ${
            serving.length === 1 ? 'binds its own port' : 'bind their own ports'
          }`,
          evidence: capEvidence([
            ...selfServed,
            ...webDeps
              .slice(0, 2)
              .map(d =>
                fileEvidence(
                  d.path,
                  `embedded web server dependency ${d.dependency}`,
                  d.line,
                  d.line,
                ),
              ),
          ]),
        };
      },
      'No app workload declares a containerPort',
    );
  },
};
