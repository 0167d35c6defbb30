import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { requireCodeRepo, requireRepo } from './repo';
import { scopeOf } from '../sources/scope';

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
const DOCS_FOLDER = /^docs?\/.*\.(md|mdx|rst|adoc|txt)$/i;

/** @public */
export const documentationExtractor: FactExtractor<DocumentationFact> = {
  ref: documentationFactRef,
  extract(ctx) {
    const scope = scopeOf(ctx.input);
    let files;
    if (!scope) {
      files = requireRepo(ctx).find(
        (p, name) =>
          (DOC_FILE.test(name) && !p.includes('/node_modules/')) ||
          DOCS_FOLDER.test(p),
      );
    } else {
      // A monorepo member: the READMEs of its folder and of the folders above it, and the docs/ of both.
      const own = requireCodeRepo(ctx, { parents: true });
      const prefix = `${scope.codeRoot}/`;
      files = requireRepo(ctx).find(
        (p, name) =>
          (DOC_FILE.test(name) &&
            !p.includes('/node_modules/') &&
            own.has(p)) ||
          DOCS_FOLDER.test(p) ||
          (p.startsWith(prefix) && DOCS_FOLDER.test(p.slice(prefix.length))),
      );
    }
    return {
      files: files.map(f => f.path),
      text: files.map(f => f.text ?? '').join('\n'),
    };
  },
};
