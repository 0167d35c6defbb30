import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { capEvidence, fileEvidence } from '../evidence';
import {
  codeEvidence,
  primaryLanguage,
  requireCode,
  tryAllSets,
} from '../cn-observability/workloads';
import {
  circuitBreakerSnippet,
  noOutboundCalls,
  outboundCall,
  outlierDetection,
} from './outbound';

export const circuitBreaker: TwelveFactorCheck = {
  id: 'cn-resilience.circuit-breaker',
  evaluate({ facts }) {
    // Mesh outlier detection decides without the code (e.g. a cluster-only scan).
    const mesh = outlierDetection(tryAllSets(facts));
    const code = mesh.length ? facts.tryGet(codeFactRef) : requireCode(facts);
    const inCode = [
      ...(code?.capabilities['circuit-breaker'] ?? []).map(d =>
        fileEvidence(
          d.path,
          `${d.dependency}: circuit-breaker library`,
          d.line,
          d.line,
        ),
      ),
      ...codeEvidence(code?.signals['circuit-breaker.code'] ?? []),
    ];
    if (inCode.length || mesh.length) {
      return {
        verdict: 'pass',
        summary: inCode.length
          ? `Circuit breaker in the code (${inCode[0].note})`
          : 'Mesh outlier detection ejects failing endpoints (Istio DestinationRule)',
        evidence: capEvidence([...inCode, ...mesh]),
      };
    }
    // No mesh policy, so requireCode gave the code.
    const none = noOutboundCalls(code!, facts);
    if (none) return none;
    const at = outboundCall(code!);
    const snippet = circuitBreakerSnippet(primaryLanguage(facts, code!), at);
    return {
      verdict: 'fail',
      summary:
        'No circuit breaker: no circuit-breaker library or code, and no mesh outlier detection',
      evidence: at
        ? [
            fileEvidence(
              at.path,
              `outbound call without a circuit breaker${
                at.text ? `: ${at.text}` : ''
              }`,
              at.line,
              at.line,
            ),
          ]
        : [],
      remediation: {
        text: `Wrap calls to other services in a circuit breaker so that a failing dependency is not hammered and callers fail fast${
          at ? ` (e.g. ${at.path}${at.line ? `:${at.line}` : ''})` : ''
        }; with Istio, a DestinationRule with outlierDetection does it for every caller.`,
        ...(snippet ? { snippet } : {}),
      },
    };
  },
};
