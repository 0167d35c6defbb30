import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence, fileEvidence } from '../evidence';
import { describeProbe, probeHealthEndpoint, type ProbeKind } from './probes';
import {
  appWorkloads,
  hasDependency,
  primaryLanguage,
  tryWorkloadSets,
} from './workloads';

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
        content:
          '<dependency>\n  <groupId>org.springframework.boot</groupId>\n  <artifactId>spring-boot-starter-actuator</artifactId>\n</dependency>\n<!-- application.properties: management.endpoint.health.probes.enabled=true -->\n',
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
      ...(code?.signals['endpoint.health'] ?? []),
      ...(code?.capabilities['health-endpoint'] ?? []).map(d => ({
        path: d.path,
        line: d.line ?? 1,
        text: d.dependency,
        description: `${d.dependency} serves the health endpoint`,
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
                setEvidence(
                  set,
                  w.source,
                  `${kind} ${describeProbe(c.container[kind])} (container ${
                    c.container.name
                  })`,
                  `${c.fieldPath}.${kind}`,
                ),
              );
            }
          }
        }
      }
    }
    if (routes.length || probes.length) {
      const parts = [
        ...(probes.length ? [`probes hit ${[...paths].join(', ')}`] : []),
        ...(routes.length
          ? [
              `the code defines ${routes
                .map(r => `${r.path}:${r.line}`)
                .join(', ')}`,
            ]
          : []),
      ];
      return {
        verdict: 'pass',
        summary: `Health endpoint: ${parts.join('; ')}`,
        evidence: capEvidence([
          ...routes.map(r =>
            fileEvidence(r.path, `${r.description}: ${r.text}`, r.line, r.line),
          ),
          ...probes,
        ]),
      };
    }
    if (!code || code.files === 0) {
      return {
        verdict: 'unknown',
        summary: 'No probe hits an HTTP health path',
        reason: code
          ? 'No probe uses an HTTP health path, and the repository has no source code to look for a health route in.'
          : 'No probe uses an HTTP health path, and the source code could not be read.',
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
      summary:
        'No health endpoint: the code defines no health route and no probe hits an HTTP health path or the gRPC health service',
      evidence: app
        ? [setEvidence(sets[0].set, app.source, 'no HTTP health probe')]
        : [],
      remediation: {
        text: 'Add a cheap /healthz route (and /readyz that checks the dependencies the app cannot serve without) and point the liveness/readiness probes at them.',
        ...(snippet ? { snippet } : {}),
      },
    };
  },
};
