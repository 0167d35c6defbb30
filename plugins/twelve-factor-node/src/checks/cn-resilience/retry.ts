import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { findingWith, noteOf } from './phrases';
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
        ...findingWith('cn-resilience.retry.policy', { note: noteOf(mesh[0]) }),
        evidence: capEvidence(mesh),
      };
    const code = requireCode(facts);
    const api = [
      ...codeEvidence(code.signals['retry.code'] ?? []),
      ...(code.capabilities.retry ?? []).map(d =>
        fileEvidence(
          d.path,
          noted('cn-resilience.retry.library-note', {
            dependency: d.dependency,
          }),
          d.line,
          d.line,
        ),
      ),
      ...mesh,
    ];
    if (api.length) {
      return {
        verdict: 'pass',
        ...findingWith('cn-resilience.retry.policy', { note: noteOf(api[0]) }),
        evidence: capEvidence(api),
      };
    }
    const none = noOutboundCalls(code, facts);
    if (none) return none;
    const at = outboundCall(code);
    const snippet = retrySnippet(primaryLanguage(facts, code), at);
    const remediation = {
      ...(at
        ? advice('cn-resilience.retry.advice-at', {
            at: `${at.path}${at.line ? `:${at.line}` : ''}`,
          })
        : advice('cn-resilience.retry.advice')),
      ...(snippet ? { snippet } : {}),
    };
    const queue = code.signals['retry.task-queue'] ?? [];
    if (queue.length) {
      return {
        verdict: 'partial',
        ...finding('cn-resilience.retry.task-queue', { text: queue[0].text }),
        evidence: capEvidence(codeEvidence(queue)),
        remediation,
      };
    }
    // A retry library on the classpath that the code never uses retries nothing.
    const unused = code.capabilities['retry-library'] ?? [];
    const unusedNames = [...new Set(unused.map(d => d.dependency))];
    return {
      verdict: 'fail',
      ...(unusedNames.length
        ? finding(
            unusedNames.length === 1
              ? 'cn-resilience.retry.unused-one'
              : 'cn-resilience.retry.unused-many',
            { names: unusedNames.join(', ') },
          )
        : finding('cn-resilience.retry.none')),
      evidence: [
        ...(at
          ? [
              fileEvidence(
                at.path,
                at.text
                  ? noted('cn-resilience.retry.call-text-note', {
                      text: at.text,
                    })
                  : noted('cn-resilience.retry.call-note'),
                at.line,
                at.line,
              ),
            ]
          : []),
        ...unused.map(d =>
          fileEvidence(
            d.path,
            noted('cn-resilience.retry.unused-note', {
              dependency: d.dependency,
            }),
            d.line,
            d.line,
          ),
        ),
      ],
      remediation,
    };
  },
};
