import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AREAS, builtInChecks, getBuiltInCheck } from '.';
import { CHECK_TITLES_KO } from '../i18n/checkTitlesKo';

const spec = parse(
  fs.readFileSync(path.resolve(__dirname, '../../spec/checks.yaml'), 'utf8'),
);

describe('the built-in check catalog', () => {
  it('holds every check of the spec with its id, area, title, weight and docs', () => {
    expect(builtInChecks).toHaveLength(92);
    expect(builtInChecks.map(c => c.id)).toEqual(
      spec.checks.map((c: any) => c.id),
    );
    for (const c of spec.checks) {
      const def = getBuiltInCheck(c.id)!;
      expect({
        area: def.area,
        title: def.title,
        weight: def.weight,
        docs: def.docsUrl,
        sources: def.sources,
      }).toEqual({
        area: c.id.split('.')[0],
        title: c.title,
        weight: c.weight,
        docs: c.docs,
        sources: c.sources,
      });
      expect(def.criteria.pass).toBe(String(c.pass));
    }
  });

  it('has the 19 areas of the spec in its order and groups', () => {
    expect(
      AREAS.map(a => ({ id: a.id, group: a.group, title: a.title })),
    ).toEqual(
      spec.areas.map((a: any) => ({
        id: a.id,
        group: a.group,
        title: a.title,
      })),
    );
    for (const check of builtInChecks) {
      expect(AREAS.some(a => a.id === check.area)).toBe(true);
    }
  });

  it('gives every area a Korean title', () => {
    for (const a of AREAS) expect(a.titleKo).toMatch(/[\uAC00-\uD7A3]/);
  });
});

describe('Korean titles', () => {
  it('exist for every built-in check', () => {
    expect(Object.keys(CHECK_TITLES_KO).sort()).toEqual(
      builtInChecks.map(c => c.id).sort(),
    );
  });
});
