import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './__testUtils__';
import { createTwelveFactorEngine } from './engine/createEngine';
import { loadLocalRepo } from './sources/loadLocalRepo';

const FIXTURE = path.join(REPO_ROOT, 'examples/auto-builder-cms');
const expected = parse(fs.readFileSync(path.join(FIXTURE, 'expected.yaml'), 'utf8'));
const entity = parse(fs.readFileSync(path.join(FIXTURE, 'repo/catalog-info.yaml'), 'utf8'));

/** Areas this version of the engine decides from the repository. */
const DECIDED_AREAS = ['f2-dependencies', 'cn-containerization'];

describe('auto-builder-cms, the by-hand assessment', () => {
  it('reaches the report verdicts for every implemented area, and says unknown elsewhere', async () => {
    const { snapshot, diagnostics } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
    const card = await createTwelveFactorEngine().evaluate({ entity, repo: snapshot }, { diagnostics });
    const got: Record<string, string> = {};
    for (const r of card.results) got[r.checkId] = r.verdict;
    for (const [id, verdict] of Object.entries(expected.verdicts as Record<string, string>)) {
      if (DECIDED_AREAS.includes(id.split('.')[0])) {
        expect({ id, verdict: got[id] }).toEqual({ id, verdict });
      } else {
        expect({ id, verdict: got[id] }).toEqual({ id, verdict: 'unknown' });
      }
    }
    for (const area of DECIDED_AREAS) {
      expect(card.areas.find(a => a.areaId === area)!.score).toBe(expected.area_scores_in_report[area]);
    }
  });
});
