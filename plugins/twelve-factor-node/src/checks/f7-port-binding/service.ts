import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { capEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';

const M = 'f7-port-binding.service';
import { lazySnippet, toYaml } from '../snippets';
import {
  classify,
  isLongRunning,
  judgeSets,
  namespaceOf,
  podLabels,
  portsOf,
} from '../f8-concurrency/processTypes';

export const service: TwelveFactorCheck = {
  id: 'f7-port-binding.service',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Backing services count too: an unselected redis is as unreachable as an unselected API.
        // Web workloads without a containerPort are selected by a Service by definition; they count as exposed.
        const withPorts = classify(set).filter(
          w =>
            isLongRunning(w) &&
            (w.containers.some(c => !c.init && portsOf(c).length) ||
              w.type === 'web'),
        );
        if (withPorts.length === 0) return undefined;
        const missing = withPorts.filter(w => w.services.length === 0);
        const evidence = capEvidence(
          withPorts.map(w =>
            objectEvidence(
              set,
              w.source,
              w.services.length
                ? noted(`${M}.selected-note`, {
                    services: w.services
                      .map(s => s.object.metadata?.name)
                      .join(', '),
                  })
                : noted(`${M}.unselected-note`),
              `${w.podSpecPath}.containers`,
            ),
          ),
        );
        if (missing.length === 0) {
          return {
            verdict: 'pass',
            ...finding(`${M}.all-selected`, { n: withPorts.length }, [
              set.label,
            ]),
            evidence,
          };
        }
        const w = missing[0];
        const ns = namespaceOf(set, w);
        const ports = w.containers.flatMap(c => (c.init ? [] : portsOf(c)));
        return {
          verdict: 'partial',
          ...finding(
            missing.length === 1 ? `${M}.unselected-one` : `${M}.unselected`,
            { workloads: missing.map(m => m.name).join(', ') },
            [set.label],
          ),
          evidence,
          remediation: {
            ...advice(`${M}.advice`, { workload: w.name }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              toYaml({
                apiVersion: 'v1',
                kind: 'Service',
                metadata: { name: w.name, ...(ns ? { namespace: ns } : {}) },
                spec: {
                  selector:
                    w.source.object.spec?.selector?.matchLabels ?? podLabels(w),
                  ports: ports.map((p: any, i: number) => ({
                    name: p.name ?? `port-${i}`,
                    port: p.containerPort,
                    targetPort: p.name ?? p.containerPort,
                  })),
                },
              }),
            ),
          },
        };
      },
      { id: `${M}.no-ports` },
    );
  },
};
