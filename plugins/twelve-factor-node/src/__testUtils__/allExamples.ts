import type { Entity } from '@backstage/catalog-model';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { engineWithConfigLiterals, scoreExample } from './configLiterals';
import { REPO_ROOT } from '.';

const SINGLE = [
  'auto-builder-cms',
  'payments-api',
  'legacy-reporting',
  'storefront-web',
];
const MONOREPO = path.join(REPO_ROOT, 'examples/shop-monorepo/repo');
const MEMBERS = ['cart', 'checkout', 'storefront'];

async function scoreMember(service: string): Promise<Scorecard> {
  const codeRoot = `src/${service}`;
  const entity: Entity = parse(
    fs.readFileSync(path.join(MONOREPO, codeRoot, 'catalog-info.yaml'), 'utf8'),
  );
  const { snapshot, diagnostics } = await loadLocalRepo(
    MONOREPO,
    {},
    { codeRoot },
  );
  return engineWithConfigLiterals().evaluate(
    { entity, repo: snapshot, codeRoot },
    { now: new Date('2026-11-26T00:00:00Z'), diagnostics },
  );
}

/**
 * Every example of examples/ scored: the four services (with their cluster
 * dumps) and the three members of the monorepo.
 */
export async function scoreAllExamples(): Promise<
  Array<{ name: string; card: Scorecard }>
> {
  const out: Array<{ name: string; card: Scorecard }> = [];
  for (const name of SINGLE)
    out.push({ name, card: (await scoreExample(name)).card });
  for (const service of MEMBERS)
    out.push({
      name: `shop-monorepo/${service}`,
      card: await scoreMember(service),
    });
  return out;
}
