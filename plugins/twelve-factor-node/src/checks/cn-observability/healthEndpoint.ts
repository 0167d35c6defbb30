import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { probeHealthEndpoint, type ProbeKind } from './probes';
import { objectEvidence } from '../setMessages';
import { probeNote } from './containerProbes';
import {
  appWorkloads,
  hasDependency,
  primaryLanguage,
  tryWorkloadSets,
} from './workloads';
import { snippetComment } from '../snippets';

const PROBES_SETTING = snippetComment(
  '<!--',
  'snippet.add-to-file',
  {
    file: 'application.properties',
    setting: 'management.endpoint.health.probes.enabled=true',
  },
  ' -->',
);

const PROBES: ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

function healthRouteSnippet(language: string | undefined, fastapi: boolean) {
  switch (language) {
    case 'python':
      return fastapi
        ? {
            language: 'python' as const,
            action: 'modify' as const,
            content:
              '@app.get("/healthz")\nasync def healthz():\n    return {"status": "ok"}\n',
          }
        : {
            language: 'python' as const,
            action: 'modify' as const,
            content:
              '@app.route("/healthz")\ndef healthz():\n    return {"status": "ok"}\n',
          };
    case 'javascript':
      return {
        language: 'typescript' as const,
        action: 'modify' as const,
        content:
          "app.get('/healthz', (_req, res) => {\n  res.json({ status: 'ok' });\n});\n",
      };
    case 'go':
      return {
        language: 'go' as const,
        action: 'modify' as const,
        content:
          'mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {\n\tw.WriteHeader(http.StatusOK)\n})\n',
      };
    case 'java':
      return {
        language: 'text' as const,
        path: 'pom.xml',
        action: 'modify' as const,
        content: `<dependency>\n  <groupId>org.springframework.boot</groupId>\n  <artifactId>spring-boot-starter-actuator</artifactId>\n</dependency>\n${PROBES_SETTING.text}\n`,
        comments: [PROBES_SETTING],
      };
    default:
      return undefined;
  }
}

export const healthEndpoint: TwelveFactorCheck = {
  id: 'cn-observability.health-endpoint',
  evaluate({ facts }) {
    const code = facts.tryGet(codeFactRef);
    // A framework module that serves the health endpoint (Spring Boot Actuator, SmallRye Health) counts as the route.
    const routes = [
      ...(code?.signals['endpoint.health'] ?? []).map(m => ({
        path: m.path,
        line: m.line,
        note: codeNote(m),
      })),
      ...(code?.capabilities['health-endpoint'] ?? []).map(d => ({
        path: d.path,
        line: d.line ?? 1,
        note: noted('cn-observability.health-endpoint.serves-note', {
          dependency: d.dependency,
        }),
      })),
    ];
    const probes: Evidence[] = [];
    const paths = new Set<string>();
    for (const { set, workloads } of tryWorkloadSets(facts)) {
      for (const w of workloads) {
        for (const c of w.containers) {
          for (const kind of PROBES) {
            const path = probeHealthEndpoint(c.container[kind]);
            if (path) {
              paths.add(path);
              probes.push(
                objectEvidence(
                  set,
                  w.source,
                  probeNote(
                    c.container.name,
                    kind,
                    c.container[kind],
                    'health-endpoint',
                  ),
                  `${c.fieldPath}.${kind}`,
                ),
              );
            }
          }
        }
      }
    }
    if (routes.length || probes.length) {
      let found = 'cn-observability.health-endpoint.found-both';
      if (!probes.length) found = 'cn-observability.health-endpoint.found-code';
      else if (!routes.length)
        found = 'cn-observability.health-endpoint.found-probes';
      return {
        verdict: 'pass',
        ...finding(found, {
          paths: [...paths].join(', '),
          routes: routes.map(r => `${r.path}:${r.line}`).join(', '),
        }),
        evidence: capEvidence([
          ...routes.map(r => fileEvidence(r.path, r.note, r.line, r.line)),
          ...probes,
        ]),
      };
    }
    if (!code || code.files === 0) {
      return {
        verdict: 'unknown',
        ...finding('cn-observability.health-endpoint.no-probe'),
        ...because(
          code
            ? 'cn-observability.health-endpoint.no-code-reason'
            : 'cn-observability.health-endpoint.unread-reason',
        ),
      };
    }
    const sets = tryWorkloadSets(facts);
    const app = sets.length ? appWorkloads(sets[0].workloads)[0] : undefined;
    const snippet = healthRouteSnippet(
      primaryLanguage(facts, code),
      hasDependency(facts, 'fastapi'),
    );
    return {
      verdict: 'fail',
      ...finding('cn-observability.health-endpoint.none'),
      evidence: app
        ? [
            objectEvidence(
              sets[0].set,
              app.source,
              noted('cn-observability.health-endpoint.no-probe-note'),
            ),
          ]
        : [],
      remediation: {
        ...advice('cn-observability.health-endpoint.none-advice'),
        ...(snippet ? { snippet } : {}),
      },
    };
  },
};
