import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { findingWith, noteOf } from './phrases';
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
          noted('cn-resilience.circuit-breaker.library-note', {
            dependency: d.dependency,
          }),
          d.line,
          d.line,
        ),
      ),
      ...codeEvidence(code?.signals['circuit-breaker.code'] ?? []),
    ];
    if (inCode.length || mesh.length) {
      return {
        verdict: 'pass',
        ...(inCode.length
          ? findingWith('cn-resilience.circuit-breaker.in-code', {
              note: noteOf(inCode[0]),
            })
          : finding('cn-resilience.circuit-breaker.mesh')),
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
      ...finding('cn-resilience.circuit-breaker.none'),
      evidence: at
        ? [
            fileEvidence(
              at.path,
              at.text
                ? noted('cn-resilience.circuit-breaker.call-text-note', {
                    text: at.text,
                  })
                : noted('cn-resilience.circuit-breaker.call-note'),
              at.line,
              at.line,
            ),
          ]
        : [],
      remediation: {
        ...(at
          ? advice('cn-resilience.circuit-breaker.advice-at', {
              at: `${at.path}${at.line ? `:${at.line}` : ''}`,
            })
          : advice('cn-resilience.circuit-breaker.advice')),
        ...(snippet ? { snippet } : {}),
      },
    };
  },
};
