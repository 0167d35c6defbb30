import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { objectSets } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, english, finding, noted, type Said } from '../messages';

const M = 'f7-port-binding.self-binding';
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
        const problems: Said[] = [];
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
              objectEvidence(
                set,
                w.source,
                noted(cmd ? `${M}.no-port-command-note` : `${M}.no-port-note`, {
                  services: w.services
                    .map(s => s.object.metadata?.name)
                    .join(', '),
                  port: targets || '?',
                  ...(cmd ? { command: cmd.slice(0, 80) } : {}),
                }),
                `${w.podSpecPath}.containers`,
              ),
            );
            continue;
          }
          if (servers.length && behind.length) {
            problems.push([
              `${M}.web-server-problem`,
              {
                workload: w.name,
                image: String(servers[0].container.image),
                ports: portList(servers[0].container),
                container: behind[0].container.name,
              },
            ]);
            injected.push(
              objectEvidence(
                set,
                w.source,
                noted(`${M}.fronts-note`, {
                  container: servers[0].container.name,
                  image: String(servers[0].container.image),
                  behind: behind.map(b => b.container.name).join(', '),
                }),
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
              problems.push([
                `${M}.app-server-problem`,
                { workload: w.name, base },
              ]);
              injected.push(
                fileEvidence(
                  df.path,
                  noted(`${M}.app-server-note`, { base }),
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
            const declared = {
              container: c.container.name,
              ports: portList(c.container),
            };
            let how = noted(`${M}.declares-note`, declared);
            if (cmd)
              how = noted(`${M}.declares-command-note`, {
                ...declared,
                command: cmd.slice(0, 80),
              });
            if (serverWord)
              how = noted(`${M}.declares-server-note`, {
                ...declared,
                server: serverWord,
              });
            selfServed.push(
              objectEvidence(set, w.source, how, `${c.fieldPath}.ports`),
            );
          }
        }
        if (problems.length) {
          return {
            verdict: 'fail',
            summary: `${set.label}: ${english(`${M}.injected`)} (${problems
              .map(([id, p]) => english(id, p))
              .join('; ')})`,
            // The finding, then each problem, said of the set.
            summaryMsg: [
              { id: `${M}.injected`, labels: [set.label] },
              ...problems.map(([id, params]) => ({
                id,
                ...(params ? { params } : {}),
                labels: [set.label],
              })),
            ],
            evidence: capEvidence([...injected, ...selfServed]),
            remediation: advice(`${M}.advice`),
          };
        }
        return {
          verdict: 'pass',
          ...finding(
            serving.length === 1 ? `${M}.binds-one` : `${M}.binds`,
            {
              // Names and ports; "Service target port" names the Kubernetes field, as in every language.
              bindings: serving
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
                .join(', '),
            },
            [set.label],
          ),
          evidence: capEvidence([
            ...selfServed,
            ...webDeps
              .slice(0, 2)
              .map(d =>
                fileEvidence(
                  d.path,
                  noted(`${M}.dependency-note`, { dependency: d.dependency }),
                  d.line,
                  d.line,
                ),
              ),
          ]),
        };
      },
      { id: `${M}.no-ports` },
    );
  },
};
