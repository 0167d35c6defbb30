import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { RepoSnapshot } from '../src/sources/RepoSnapshot';
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'examples/auto-builder-cms');
function generate(base: RepoSnapshot, i: number): RepoSnapshot {
  return new RepoSnapshot(base.paths().map(p => { const f = base.file(p)!; const text = f.text?.replace(/cms/g, `svc${i}`).replace(/0\.115\.6/g, `0.${100 + (i % 50)}.0`).replace(/auto-builder/g, `team${i % 17}`); return { ...f, ...(text !== undefined ? { text, size: text.length } : {}) }; }));
}
(async () => {
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'auto-builder-cms' } }, spec: { type: 'service' } };
  const engine = createTwelveFactorEngine();
  const lazy = process.env.LAZY === '1';
  const files = Array.from({ length: 1000 }, (_, i) => generate(snapshot, i).paths().map(p => generate(snapshot, i).file(p)!));
  const repos = lazy ? [] : files.map(f => new RepoSnapshot(f));
  for (let i = 0; i < Number(process.env.WARM ?? 20); i++) { const g = generate(snapshot, 100000 + i); await engine.evaluate({ entity, repo: g }); }
  const t0 = Date.now();
  for (let i = 0; i < 1000; i++) await engine.evaluate({ entity, repo: lazy ? new RepoSnapshot(files[i]) : repos[i] });
  console.log('ms', Date.now() - t0);
})();
