import path from 'node:path';
import fs from 'node:fs';
import { parse } from 'yaml';
import { renderParts } from '@internal/plugin-twelve-factor-common';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { createTwelveFactorEngine } from './createEngine';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { loadClusterDump } from '../kube/dump';
import { snapshotOf } from '../__testUtils__';

const EXAMPLE = path.resolve(
  __dirname,
  '../../../../examples/auto-builder-cms',
);
const entity = parse(
  fs.readFileSync(path.join(EXAMPLE, 'repo/catalog-info.yaml'), 'utf8'),
);
const HANGUL = /[\uac00-\ud7a3]/;

/** Every unknown's reason, in English as stored and in Korean from its parts. */
function reasons(card: Scorecard) {
  return card.results
    .filter(r => r.verdict === 'unknown' && r.reason)
    .map(r => ({
      checkId: r.checkId,
      en: r.reason!,
      enFromParts: renderParts(r.reasonMsg, 'en'),
      ko: renderParts(r.reasonMsg, 'ko'),
    }));
}

describe("an unknown's reason in every language", () => {
  it('says why without a repository, with the reason the backend gave, in English and Korean', async () => {
    const card = await createTwelveFactorEngine().evaluate({
      entity,
      repoUnavailableReason: 'Cannot read https://example.com/repo: 404',
      repoUnavailableReasonMsg: {
        id: 'unknown.cannot-read',
        params: { location: 'https://example.com/repo', detail: '404' },
      },
    });
    const all = reasons(card);
    expect(all.length).toBeGreaterThan(40);
    for (const r of all) {
      expect(r.ko).toMatch(HANGUL);
      expect(r.enFromParts).toBe(r.en);
    }
    expect(all.map(r => r.en)).toContain(
      'Cannot read https://example.com/repo: 404',
    );
    expect(all.map(r => r.ko)).toContain(
      'https://example.com/repo을(를) 읽을 수 없습니다: 404',
    );
  });

  it('says why there are no Kubernetes objects to judge: no manifests, a cluster without the entity', async () => {
    const { snapshot } = await loadLocalRepo(path.join(EXAMPLE, 'repo'));
    // The repository without its Kubernetes folder, and a cluster that runs none of the entity's workloads.
    const repo = snapshot.subset(p => !/\.ya?ml$/.test(p));
    const { cluster } = loadClusterDump(
      'elsewhere',
      fs.readFileSync(path.join(EXAMPLE, 'cluster.yaml'), 'utf8'),
    );
    const card = await createTwelveFactorEngine().evaluate({
      entity: {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            'backstage.io/kubernetes-id': 'no-such-service',
          },
        },
      },
      repo,
      clusters: [cluster],
    });
    const noObjects = reasons(card).filter(r =>
      r.en.startsWith('No Kubernetes objects to judge'),
    );
    expect(noObjects.length).toBeGreaterThan(0);
    for (const r of noObjects) {
      expect(r.enFromParts).toBe(r.en);
      expect(r.ko).toMatch(/^판단할 Kubernetes 오브젝트가 없습니다: /);
      expect(r.ko).toContain('클러스터 elsewhere');
    }
  });

  it("says what was left out when the only manifests are not the service's own", async () => {
    const card = await createTwelveFactorEngine().evaluate({
      entity,
      repo: snapshotOf({
        Dockerfile: 'FROM python:3.12-slim\nCMD ["app"]\n',
        'examples/k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: demo\nspec:\n  template:\n    spec:\n      containers:\n        - name: demo\n          image: demo:1\n',
      }),
    });
    const leftOut = reasons(card).filter(r =>
      r.en.includes("left out as not the service's own"),
    );
    expect(leftOut.length).toBeGreaterThan(0);
    for (const r of leftOut) {
      expect(r.enFromParts).toBe(r.en);
      expect(r.ko).toContain('서비스 자체의 것이 아니어서 제외함: examples/');
      expect(r.ko).toContain('예제');
    }
  });
});
