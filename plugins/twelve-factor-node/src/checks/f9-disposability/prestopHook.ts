import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { objectSets } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  appProcesses,
  judgeSets,
  portsOf,
} from '../f8-concurrency/processTypes';
import { hasNoShell } from './lifecycle';
import { advice, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';

const M = 'f9-disposability.prestop-hook';

export const prestopHook: TwelveFactorCheck = {
  id: 'f9-disposability.prestop-hook',
  evaluate({ facts }) {
    const dockerfiles = facts.tryGet(containerBuildFactRef)?.dockerfiles ?? [];
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // The containers that receive traffic: those with ports in web workloads, else (containerPort is informational) the app container a Service sends to.
        const rows = appProcesses(set)
          .filter(w => w.type === 'web')
          .flatMap(w => {
            const withPorts = w.appContainers.filter(c => portsOf(c).length);
            return (
              withPorts.length ? withPorts : w.appContainers.slice(0, 1)
            ).map(c => ({ w, c, pre: c.container.lifecycle?.preStop }));
          });
        if (rows.length === 0) return undefined;
        const evidence = capEvidence(
          rows.map(r =>
            objectEvidence(
              set,
              r.w.source,
              r.pre
                ? noted(`${M}.hook-note`, {
                    container: r.c.container.name,
                    hook: JSON.stringify(r.pre),
                  })
                : noted(`${M}.no-hook-note`, { container: r.c.container.name }),
              `${r.c.fieldPath}.lifecycle${r.pre ? '.preStop' : ''}`,
            ),
          ),
        );
        const missing = rows.filter(r => !r.pre);
        if (missing.length === 0) {
          return {
            verdict: 'pass',
            ...finding(
              `${M}.all`,
              { workloads: rows.map(r => r.w.name).join(', ') },
              [set.label],
            ),
            evidence,
          };
        }
        const w = missing[0].w;
        const names = missing.filter(m => m.w === w).map(m => m.c.container);
        return {
          verdict: missing.length === rows.length ? 'fail' : 'partial',
          ...finding(
            `${M}.missing`,
            {
              missing: missing.length,
              total: rows.length,
              containers: missing
                .map(m => `${m.w.name}/${m.c.container.name}`)
                .join(', '),
            },
            [set.label],
          ),
          evidence,
          remediation: {
            ...advice(`${M}.missing-advice`, { workload: w.name }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              podSpecPatch(
                {
                  apiVersion: w.source.object.apiVersion,
                  kind: w.kind,
                  name: w.name,
                  namespace: w.namespace,
                },
                {
                  containers: names.map(c => ({
                    name: c.name,
                    lifecycle: {
                      preStop: hasNoShell(String(c.image ?? ''), dockerfiles)
                        ? { sleep: { seconds: 5 } }
                        : { exec: { command: ['/bin/sh', '-c', 'sleep 5'] } },
                    },
                  })),
                },
              ),
            ),
          },
        };
      },
      { id: `${M}.nothing` },
    );
  },
};
