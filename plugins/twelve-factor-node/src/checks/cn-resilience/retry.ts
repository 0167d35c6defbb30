import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence, fileEvidence } from '../evidence';
import {
  codeEvidence,
  primaryLanguage,
  requireCode,
  tryAllSets,
} from '../cn-observability/workloads';
import { codeFactRef } from '../../facts/code/extractor';
import {
  meshRoutes,
  noOutboundCalls,
  outboundCall,
  retrySnippet,
} from './outbound';

export const retry: TwelveFactorCheck = {
  id: 'cn-resilience.retry',
  evaluate({ facts }) {
    // Mesh retries decide without the code (a repository of manifests only, a cluster-only scan).
    const mesh = meshRoutes(tryAllSets(facts), 'retries');
    if (mesh.length && !facts.tryGet(codeFactRef)?.files)
      return {
        verdict: 'pass',
        summary: `Retry policy on calls (${mesh[0].note})`,
        evidence: capEvidence(mesh),
      };
    const code = requireCode(facts);
    const api = [
      ...codeEvidence(code.signals['retry.code'] ?? []),
      ...(code.capabilities.retry ?? []).map(d =>
        fileEvidence(d.path, `${d.dependency}: retry library`, d.line, d.line),
      ),
      ...mesh,
    ];
    if (api.length) {
      return {
        verdict: 'pass',
        summary: `Retry policy on calls (${api[0].note})`,
        evidence: capEvidence(api),
      };
    }
    const none = noOutboundCalls(code, facts);
    if (none) return none;
    const at = outboundCall(code);
    const snippet = retrySnippet(primaryLanguage(facts, code), at);
    const remediation = {
      text: `Retry idempotent outbound calls on transient errors with exponential backoff and jitter, bounded in attempts${
        at ? ` (e.g. ${at.path}${at.line ? `:${at.line}` : ''})` : ''
      }.`,
      ...(snippet ? { snippet } : {}),
    };
    const queue = code.signals['retry.task-queue'] ?? [];
    if (queue.length) {
      return {
        verdict: 'partial',
        summary: `Retries only in the task queue (${queue[0].text}); API calls are not retried`,
        evidence: capEvidence(codeEvidence(queue)),
        remediation,
      };
    }
    // A retry library on the classpath that the code never uses retries nothing.
    const unused = code.capabilities['retry-library'] ?? [];
    const unusedNames = [...new Set(unused.map(d => d.dependency))];
    return {
      verdict: 'fail',
      summary: unusedNames.length
        ? `No retry policy: ${unusedNames.join(', ')} ${
            unusedNames.length === 1 ? 'is a dependency' : 'are dependencies'
          }, but no code or configuration uses ${
            unusedNames.length === 1 ? 'it' : 'them'
          } (no @Retryable, RetryTemplate, @Retry or retry configuration), and no mesh retries`
        : 'No retry policy: no retry library or code, and no mesh retries',
      evidence: [
        ...(at
          ? [
              fileEvidence(
                at.path,
                `outbound call without retries${at.text ? `: ${at.text}` : ''}`,
                at.line,
                at.line,
              ),
            ]
          : []),
        ...unused.map(d =>
          fileEvidence(
            d.path,
            `${d.dependency}: retry library that nothing uses`,
            d.line,
            d.line,
          ),
        ),
      ],
      remediation,
    };
  },
};
