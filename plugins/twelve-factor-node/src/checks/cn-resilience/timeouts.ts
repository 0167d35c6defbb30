import type {
  Evidence,
  RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import type { SignalMatch } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
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
            setEvidence(
              s.set,
              w.source,
              `${k}=${v} configures a client timeout (container ${c.container.name})`,
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
          setEvidence(
            set,
            o,
            a.map(([k, v]) => `${k}: ${v}`).join(', '),
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
        content:
          'response = requests.get(url, timeout=(3.05, 10))\n# httpx: httpx.Client(timeout=httpx.Timeout(10.0, connect=3.0))\n',
      };
    case 'javascript':
      return {
        language: 'typescript',
        action: 'modify',
        content:
          'const client = axios.create({ baseURL, timeout: 3000 });\n// fetch: await fetch(url, { signal: AbortSignal.timeout(3000) });\n',
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
        summary: `Outbound calls have timeouts (${
          (mesh[0] ?? config[0]).note
        })`,
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
    const fix = (lead: string) => ({
      text: `${lead}${
        bare.length
          ? ` ${bare.map(b => `${b.path}:${b.line}`).join(', ')} build${
              bare.length === 1 ? 's' : ''
            } a client without one.`
          : ''
      }`,
      ...(snippet ? { snippet } : {}),
    });

    if (set.length && bare.length === 0) {
      return {
        verdict: 'pass',
        summary: `Outbound calls have timeouts (${set[0].note})`,
        evidence: capEvidence([...set, ...ingress]),
      };
    }
    if (set.length) {
      return {
        verdict: 'partial',
        summary: `Some outbound clients set timeouts, ${
          bare.length
        } do not (${bare.map(b => `${b.path}:${b.line}`).join(', ')})`,
        evidence: capEvidence([...bareEvidence, ...set]),
        remediation: fix(
          "Give every outbound HTTP/DB client connect and read timeouts shorter than the caller's own deadline.",
        ),
      };
    }
    const none = noOutboundCalls(code, facts);
    if (none) return none;
    if (ingress.length) {
      return {
        verdict: 'partial',
        summary:
          'Timeouts only at the Ingress (proxy timeout annotations); outbound clients in the code set none',
        evidence: capEvidence([...ingress, ...bareEvidence]),
        remediation: fix(
          'The Ingress timeout only bounds the client-facing request; set connect and read timeouts on every outbound HTTP/DB client.',
        ),
      };
    }
    return {
      verdict: 'fail',
      summary:
        'No timeouts on outbound calls, in code, configuration or the Ingress',
      evidence: bareEvidence,
      remediation: fix(
        'Set connect and read timeouts on every outbound HTTP/DB client.',
      ),
    };
  },
};
