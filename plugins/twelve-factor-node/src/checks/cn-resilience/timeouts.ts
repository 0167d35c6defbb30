import type {
  Evidence,
  RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import {
  codeEvidence,
  containerEnv,
  type JudgedSet,
  primaryLanguage,
  requireCode,
  tryAllSets,
} from '../cn-observability/workloads';
import { codeFactRef } from '../../facts/code/extractor';
import { meshRoutes, noOutboundCalls } from './outbound';
import { findingWith, noteOf } from './phrases';
import { snippetComment } from '../snippets';

const HTTPX_TIMEOUT = snippetComment('#', 'snippet.alternative', {
  library: 'httpx',
  code: 'httpx.Client(timeout=httpx.Timeout(10.0, connect=3.0))',
});
const FETCH_TIMEOUT = snippetComment('//', 'snippet.alternative', {
  library: 'fetch',
  code: 'await fetch(url, { signal: AbortSignal.timeout(3000) });',
});

/** Configuration keys that set a client timeout (not the server's own shutdown or idle timers). */
const TIMEOUT_KEY = /TIMEOUT/i;
// SERVER_* and SPRING_MVC_ASYNC_REQUEST_TIMEOUT are Spring's server.* and spring.mvc.async.* by relaxed binding: the server's own timers.
const NOT_CLIENT_TIMEOUT =
  /SHUTDOWN|GRACE|TERMINAT|IDLE|KEEP_?ALIVE|SESSION|DRAIN|PROBE|STARTUP|LIVENESS|READINESS|WORKER_TIMEOUT|GUNICORN|^SERVER_|MVC_ASYNC/i;
const INGRESS_TIMEOUT = /proxy-(read|send|connect)-timeout|timeout/i;

function configTimeouts(sets: ReadonlyArray<JudgedSet>): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const s of sets) {
    for (const w of s.workloads) {
      for (const c of w.containers) {
        for (const [k, v] of containerEnv(s.set, c.container)) {
          const key = `${s.set.label}/${k}`;
          if (
            !TIMEOUT_KEY.test(k) ||
            NOT_CLIENT_TIMEOUT.test(k) ||
            seen.has(key)
          )
            continue;
          seen.add(key);
          out.push(
            objectEvidence(
              s.set,
              w.source,
              noted('cn-resilience.timeouts.config-note', {
                name: k,
                value: v,
                container: c.container.name,
              }),
              c.fieldPath,
            ),
          );
        }
      }
    }
  }
  return out;
}

function ingressTimeouts(sets: ReadonlyArray<JudgedSet>): Evidence[] {
  const out: Evidence[] = [];
  for (const { set } of sets) {
    for (const o of set.objects) {
      if (o.object.kind !== 'Ingress') continue;
      const a = Object.entries(
        (o.object.metadata?.annotations ?? {}) as Record<string, string>,
      ).filter(([k]) => INGRESS_TIMEOUT.test(k));
      if (a.length)
        out.push(
          objectEvidence(
            set,
            o,
            noted('cn-resilience.timeouts.ingress-note', {
              annotations: a.map(([k, v]) => `${k}: ${v}`).join(', '),
            }),
            'metadata.annotations',
          ),
        );
    }
  }
  return out;
}

/** The fix for the clients the code builds without a timeout, in place where possible. */
function timeoutSnippet(
  language: Language | undefined,
  bare: SignalMatch | undefined,
): RemediationSnippet | undefined {
  if (bare && /httpx\.(Async)?Client\(\s*\)/.test(bare.text)) {
    return {
      language: 'python',
      path: bare.path,
      action: 'modify',
      content: `${bare.text.replace(
        /httpx\.(Async)?Client\(\s*\)/,
        (_m, a) =>
          `httpx.${a ?? ''}Client(timeout=httpx.Timeout(10.0, connect=3.0))`,
      )}\n`,
    };
  }
  switch (language) {
    case 'python':
      return {
        language: 'python',
        ...(bare ? { path: bare.path } : {}),
        action: 'modify',
        content: `response = requests.get(url, timeout=(3.05, 10))\n${HTTPX_TIMEOUT.text}\n`,
        comments: [HTTPX_TIMEOUT],
      };
    case 'javascript':
      return {
        language: 'typescript',
        action: 'modify',
        content: `const client = axios.create({ baseURL, timeout: 3000 });\n${FETCH_TIMEOUT.text}\n`,
        comments: [FETCH_TIMEOUT],
      };
    case 'go':
      return {
        language: 'go',
        action: 'modify',
        content: 'client := &http.Client{Timeout: 5 * time.Second}\n',
      };
    case 'java':
      return {
        language: 'java',
        action: 'modify',
        content:
          'RestTemplate restTemplate = new RestTemplateBuilder()\n    .setConnectTimeout(Duration.ofSeconds(3))\n    .setReadTimeout(Duration.ofSeconds(10))\n    .build();\n',
      };
    default:
      return undefined;
  }
}

export const timeouts: TwelveFactorCheck = {
  id: 'cn-resilience.timeouts',
  evaluate({ facts }) {
    const sets = tryAllSets(facts);
    const mesh = meshRoutes(sets, 'timeout');
    const config = configTimeouts(sets);
    // Timeouts in the mesh or the workloads' configuration decide without the code; an Ingress timeout alone does not.
    if ((mesh.length || config.length) && !facts.tryGet(codeFactRef)?.files)
      return {
        verdict: 'pass',
        ...findingWith('cn-resilience.timeouts.set', {
          note: noteOf(mesh[0] ?? config[0]),
        }),
        evidence: capEvidence([...mesh, ...config, ...ingressTimeouts(sets)]),
      };
    const code = requireCode(facts);
    const inCode = codeEvidence(code.signals['http.timeout'] ?? []);
    const set = [...inCode, ...config, ...mesh];
    // The shared "without timeout" pattern also matches calls that pass one (requests.get(url, timeout=5)).
    const withTimeout = new Set(
      (code.signals['http.timeout'] ?? []).map(m => `${m.path}:${m.line}`),
    );
    const bare = (code.signals['http.client-without-timeout'] ?? []).filter(
      m =>
        !withTimeout.has(`${m.path}:${m.line}`) && !/timeout\s*=/.test(m.text),
    );
    const bareEvidence = codeEvidence(bare);
    const ingress = ingressTimeouts(sets);
    const snippet = timeoutSnippet(primaryLanguage(facts, code), bare[0]);
    const clients = bare.map(b => `${b.path}:${b.line}`).join(', ');
    const fix = (lead: string) => ({
      ...advice([
        [lead],
        ...(bare.length
          ? [
              [
                bare.length === 1
                  ? 'cn-resilience.timeouts.bare-one'
                  : 'cn-resilience.timeouts.bare-many',
                { clients },
              ] as const,
            ]
          : []),
      ]),
      ...(snippet ? { snippet } : {}),
    });

    if (set.length && bare.length === 0) {
      return {
        verdict: 'pass',
        ...findingWith('cn-resilience.timeouts.set', { note: noteOf(set[0]) }),
        evidence: capEvidence([...set, ...ingress]),
      };
    }
    if (set.length) {
      return {
        verdict: 'partial',
        ...finding('cn-resilience.timeouts.some', { n: bare.length, clients }),
        evidence: capEvidence([...bareEvidence, ...set]),
        remediation: fix('cn-resilience.timeouts.some-lead'),
      };
    }
    const none = noOutboundCalls(code, facts);
    if (none) return none;
    if (ingress.length) {
      return {
        verdict: 'partial',
        ...finding('cn-resilience.timeouts.ingress-only'),
        evidence: capEvidence([...ingress, ...bareEvidence]),
        remediation: fix('cn-resilience.timeouts.ingress-lead'),
      };
    }
    return {
      verdict: 'fail',
      ...finding('cn-resilience.timeouts.none'),
      evidence: bareEvidence,
      remediation: fix('cn-resilience.timeouts.none-lead'),
    };
  },
};
