/* What is derived once per scan: object sets, a judgement two catalog rows share. */
import { clusterOf, serviceEntity, snapshotOf } from '../__testUtils__';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { FactStore } from '../engine/FactStore';
import { UnknownVerdictError } from '../engine/facts';
import type { CheckOutcome } from '../engine/types';
import { builtInExtractors } from '../facts';
import { objectSets } from '../facts/objectSets';
import { oncePerScan } from './combine';

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc}\nspec:\n  template:\n    metadata: {labels: {app: svc}}\n    spec:\n      containers: [{name: svc, image: svc:1.0.0}]\n';

function facts(input: ConstructorParameters<typeof FactStore>[1]) {
  return new FactStore(
    new Map(builtInExtractors.map(e => [e.ref.id, e])),
    input,
    [],
  );
}

describe('objectSets', () => {
  it('keeps the sets of a scan (fresh lists, same sets), per option', () => {
    const cluster = clusterOf(
      'c',
      `apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: svc, namespace: prod, labels: {backstage.io/kubernetes-id: svc}}\n  spec: {template: {metadata: {labels: {app: svc}}, spec: {containers: [{name: svc, image: svc:1}]}}}\n`,
    );
    const f = facts({
      entity: serviceEntity('svc'),
      repo: snapshotOf({ 'k8s/deploy.yaml': DEPLOYMENT }),
      clusters: [cluster],
    });
    const a = objectSets(f);
    const b = objectSets(f);
    expect(a.map(s => s.label)).toEqual(['k8s', 'c/prod']);
    expect(b).not.toBe(a);
    expect(b.every((s, i) => s === a[i])).toBe(true);
    expect(objectSets(f, { cluster: false }).map(s => s.label)).toEqual([
      'k8s',
    ]);
    // Another scan of the same input computes its own.
    const other = objectSets(
      facts({
        entity: serviceEntity('svc'),
        repo: snapshotOf({ 'k8s/deploy.yaml': DEPLOYMENT }),
        clusters: [cluster],
      }),
    );
    expect(other[0]).not.toBe(a[0]);
  });

  it('keeps the reason when there is nothing to judge', () => {
    const f = facts({
      entity: serviceEntity('svc'),
      repo: snapshotOf({ 'README.md': '# svc\n' }),
    });
    expect(() => objectSets(f)).toThrow(UnknownVerdictError);
    expect(() => objectSets(f)).toThrow(
      /the repository has no Kubernetes manifests/,
    );
  });
});

describe('oncePerScan', () => {
  it('judges once per scan and gives each caller its own copy', async () => {
    let runs = 0;
    const evaluate = oncePerScan((): CheckOutcome => {
      runs++;
      return {
        verdict: 'pass',
        summary: 'ok',
        evidence: [{ type: 'file', path: 'a' }],
      };
    });
    const ctx = {
      entity: serviceEntity(),
      facts: facts({ entity: serviceEntity() }),
    };
    const first = (await evaluate(ctx)) as CheckOutcome;
    const second = (await evaluate(ctx)) as CheckOutcome;
    expect(runs).toBe(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.evidence).not.toBe(first.evidence);
    await evaluate({ ...ctx, facts: facts({ entity: serviceEntity() }) });
    expect(runs).toBe(2);
  });

  it('gives the two rows of a shared judgement the same result', async () => {
    const card = await createTwelveFactorEngine().evaluate({
      entity: serviceEntity('svc'),
      repo: snapshotOf({ 'k8s/deploy.yaml': DEPLOYMENT }),
    });
    const row = (id: string) => {
      const { checkId, area, remediation, ...rest } = card.results.find(
        r => r.checkId === id,
      )!;
      return {
        ...rest,
        remediation: remediation && { ...remediation, docsUrl: undefined },
      };
    };
    expect(row('cn-scalability.horizontal')).toEqual(row('f8-concurrency.hpa'));
    expect(row('cn-security.secrets-management')).toEqual(
      row('f3-config.secret-store'),
    );
  });
});
