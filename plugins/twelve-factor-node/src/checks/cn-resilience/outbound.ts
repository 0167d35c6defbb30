/* Outbound-call resilience: mesh policies in the object sets, and snippets per language. */
import type {
  Evidence,
  RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { backingModel } from '../f4-backing-services/backing';
import type { CodeFact } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import type { JudgedSet } from '../cn-observability/workloads';
import { because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';
import { snippetComment } from '../snippets';

const RESILIENCE4J = snippetComment('//', 'snippet.dependency', {
  dependency: 'io.github.resilience4j:resilience4j-spring-boot3',
});
const PYBREAKER = snippetComment('#', 'snippet.add-to-file', {
  file: 'requirements',
  setting: 'pybreaker',
});
const BREAKER_OPENS = snippetComment('#', 'snippet.breaker-opens');
const TENACITY = snippetComment('#', 'snippet.add-to-file', {
  file: 'requirements',
  setting: 'tenacity',
});

/** Istio DestinationRules with outlier detection (the mesh's circuit breaker). */
export function outlierDetection(sets: ReadonlyArray<JudgedSet>): Evidence[] {
  const out: Evidence[] = [];
  for (const { set } of sets) {
    for (const o of set.objects) {
      if (o.object.kind !== 'DestinationRule') continue;
      const tp = o.object.spec?.trafficPolicy ?? {};
      if (
        tp.outlierDetection ||
        (tp.portLevelSettings ?? []).some((p: any) => p?.outlierDetection)
      ) {
        out.push(
          objectEvidence(
            set,
            o,
            noted('cn-resilience.outbound.outlier-note', {
              host: String(o.object.spec?.host),
            }),
            'spec.trafficPolicy.outlierDetection',
          ),
        );
      }
    }
  }
  return out;
}

/** Istio VirtualService routes with retries or timeouts. */
export function meshRoutes(
  sets: ReadonlyArray<JudgedSet>,
  field: 'retries' | 'timeout',
): Evidence[] {
  const out: Evidence[] = [];
  for (const { set } of sets) {
    for (const o of set.objects) {
      if (o.object.kind !== 'VirtualService') continue;
      (o.object.spec?.http ?? []).forEach((r: any, i: number) => {
        if (r?.[field])
          out.push(
            objectEvidence(
              set,
              o,
              noted('cn-resilience.outbound.route-note', {
                route: String(r.name ?? i),
                field,
                value: JSON.stringify(r[field]),
              }),
              `spec.http[${i}].${field}`,
            ),
          );
      });
    }
  }
  return out;
}

/** Where the service calls out: clients without timeouts first, then HTTP client libraries. */
export function outboundCall(
  code: CodeFact,
): { path: string; line?: number; text?: string } | undefined {
  const bare = (code.signals['http.client-without-timeout'] ?? [])[0];
  if (bare) return { path: bare.path, line: bare.line, text: bare.text };
  const lib = (code.capabilities['http-client'] ?? [])[0];
  return lib ? { path: lib.path, line: lib.line } : undefined;
}

/** Clients of other services: HTTP and gRPC, data stores, caches, brokers, object storage. */
const CALLING_CAPABILITIES = [
  'http-client',
  'db-postgres',
  'db-mysql',
  'db-sqlserver',
  'db-mongo',
  'cache-redis',
  'broker-rabbitmq',
  'broker-kafka',
  'object-storage',
  'task-queue',
] as const;

/**
 * Why the outbound-call checks do not apply, when the code calls no other
 * service: no client library among its dependencies and no call in its
 * code. A service that only answers requests has nothing to time out,
 * retry or break.
 */
export function noOutboundCalls(
  code: CodeFact,
  facts: FactReader,
): CheckOutcome | undefined {
  if (CALLING_CAPABILITIES.some(c => (code.capabilities[c] ?? []).length))
    return undefined;
  // A backing service the deploy configuration or the code addresses is called, whatever its client library.
  if (backingModel(facts).refs.some(r => !r.local)) return undefined;
  // A timeout alone is no outbound call: http.Server's ReadTimeout and a shutdown's context.WithTimeout look the same.
  if (
    (['http.outbound', 'http.client-without-timeout'] as const).some(
      s => (code.signals[s] ?? []).length,
    )
  )
    return undefined;
  return {
    verdict: 'unknown',
    ...finding('cn-resilience.outbound.none'),
    ...because('cn-resilience.outbound.none-reason'),
  };
}

type LanguageSnippets = Partial<
  Record<
    Language,
    Pick<RemediationSnippet, 'language' | 'content' | 'comments'>
  >
>;

const CIRCUIT_BREAKER: LanguageSnippets = {
  python: {
    language: 'python',
    content:
      `${PYBREAKER.text}\nimport pybreaker\n\n${BREAKER_OPENS.text}\n` +
      '_breaker = pybreaker.CircuitBreaker(fail_max=5, reset_timeout=30)\n\n\n@_breaker\ndef call_upstream(url: str) -> dict:\n    response = _client.get(url)\n    response.raise_for_status()\n    return response.json()\n',
    comments: [PYBREAKER, BREAKER_OPENS],
  },
  javascript: {
    language: 'typescript',
    content:
      "import CircuitBreaker from 'opossum';\n\nconst breaker = new CircuitBreaker((url: string) => client.get(url), {\n  timeout: 3000,\n  errorThresholdPercentage: 50,\n  resetTimeout: 30000,\n});\nconst response = await breaker.fire(url);\n",
  },
  go: {
    language: 'go',
    content:
      'breaker := gobreaker.NewCircuitBreaker(gobreaker.Settings{\n\tName:    "upstream",\n\tTimeout: 30 * time.Second,\n\tReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= 5 },\n})\nresp, err := breaker.Execute(func() (interface{}, error) { return client.Do(req) })\n',
  },
  java: {
    language: 'java',
    content: `${RESILIENCE4J.text}\n@CircuitBreaker(name = "upstream", fallbackMethod = "fallback")\npublic byte[] callUpstream(byte[] body) {\n    return restTemplate.postForObject(baseUrl + "/path", body, byte[].class);\n}\n`,
    comments: [RESILIENCE4J],
  },
};

const RETRY: LanguageSnippets = {
  python: {
    language: 'python',
    content:
      `${TENACITY.text}\n` +
      'import httpx\nfrom tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter\n\n\n@retry(\n    retry=retry_if_exception_type((httpx.TransportError, httpx.HTTPStatusError)),\n    wait=wait_exponential_jitter(initial=0.5, max=8),\n    stop=stop_after_attempt(4),\n    reraise=True,\n)\ndef call_upstream(url: str) -> dict:\n    response = _client.get(url)\n    response.raise_for_status()\n    return response.json()\n',
    comments: [TENACITY],
  },
  javascript: {
    language: 'typescript',
    content:
      "import axiosRetry, { exponentialDelay } from 'axios-retry';\n\naxiosRetry(client, { retries: 3, retryDelay: exponentialDelay });\n",
  },
  go: {
    language: 'go',
    content:
      'policy := backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 3)\nerr := backoff.Retry(func() error { return call(ctx) }, backoff.WithContext(policy, ctx))\n',
  },
  java: {
    language: 'java',
    content: `${RESILIENCE4J.text}\n@Retry(name = "upstream")\npublic byte[] callUpstream(byte[] body) {\n    return restTemplate.postForObject(baseUrl + "/path", body, byte[].class);\n}\n`,
    comments: [RESILIENCE4J],
  },
};

/** The language's snippet, placed in the file that makes the call (not in a dependency manifest). */
function languageSnippet(
  table: LanguageSnippets,
  language: Language | undefined,
  at: { path: string } | undefined,
): RemediationSnippet | undefined {
  const snippet = language ? table[language] : undefined;
  if (!snippet) return undefined;
  const inCode =
    at &&
    !/requirements|package\.json|go\.mod|pom\.xml|build\.gradle/.test(at.path);
  return { ...snippet, ...(inCode ? { path: at.path } : {}), action: 'modify' };
}

export function circuitBreakerSnippet(
  language: Language | undefined,
  at: { path: string } | undefined,
): RemediationSnippet | undefined {
  return languageSnippet(CIRCUIT_BREAKER, language, at);
}

export function retrySnippet(
  language: Language | undefined,
  at: { path: string } | undefined,
): RemediationSnippet | undefined {
  return languageSnippet(RETRY, language, at);
}
