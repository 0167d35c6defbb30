import path from 'node:path';
import fs from 'node:fs';
import { parse } from 'yaml';
import { createTwelveFactorEngine } from './createEngine';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { scoreExample } from '../__testUtils__/configLiterals';

const REPO = path.resolve(__dirname, '../../../../examples/auto-builder-cms');
const entity = parse(
  fs.readFileSync(path.join(REPO, 'repo/catalog-info.yaml'), 'utf8'),
);

describe('what an unknown needs', () => {
  it('says every unknown of a scan without a repository waits for the repository or a cluster', async () => {
    const card = await createTwelveFactorEngine().evaluate({ entity });
    expect(card.inputs).toEqual({ repository: false, clusters: [] });
    const unknown = card.results.filter(r => r.verdict === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const r of unknown)
      expect(['repository', 'cluster', 'evidence']).toContain(r.needs);
    expect(
      unknown.filter(r => r.needs === 'repository').length,
    ).toBeGreaterThan(unknown.length / 2);
    // Decided results carry no cause.
    for (const r of card.results.filter(x => x.verdict !== 'unknown'))
      expect(r.needs).toBeUndefined();
  });

  it('says which unknowns need cluster data when the repository was read but no cluster was', async () => {
    const { snapshot } = await loadLocalRepo(path.join(REPO, 'repo'));
    const card = await createTwelveFactorEngine().evaluate({
      entity,
      repo: snapshot,
    });
    expect(card.inputs).toEqual({ repository: true, clusters: [] });
    const unknown = card.results.filter(r => r.verdict === 'unknown');
    expect(unknown.map(r => r.needs)).not.toContain('repository');
    expect(unknown.some(r => r.needs === 'cluster')).toBe(true);
  });

  it('with both sources, an unknown is one nothing in them decides', async () => {
    const { card } = await scoreExample('auto-builder-cms');
    expect(card.inputs).toMatchObject({ repository: true });
    expect(card.inputs!.clusters).toHaveLength(1);
    for (const r of card.results.filter(x => x.verdict === 'unknown'))
      expect(['evidence', 'cluster', 'error', 'implementation']).toContain(
        r.needs,
      );
  });
});
