import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { requireRepo } from './repo';

/** The repository's human documentation: READMEs and docs/ pages. @public */
export interface DocumentationFact {
  files: string[];
  /** All their text, joined. */
  text: string;
}

/** @public */
export const documentationFactRef = createFactRef<DocumentationFact>({
  id: 'repo.documentation',
});

const DOC_FILE = /^(README|INSTALL|CONTRIBUTING|DEVELOPMENT)(\.[\w]+)?$/i;

/** @public */
export const documentationExtractor: FactExtractor<DocumentationFact> = {
  ref: documentationFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const files = repo.find(
      (p, name) =>
        (DOC_FILE.test(name) && !p.includes('/node_modules/')) ||
        /^docs?\/.*\.(md|mdx|rst|adoc|txt)$/i.test(p),
    );
    return {
      files: files.map(f => f.path),
      text: files.map(f => f.text ?? '').join('\n'),
    };
  },
};
