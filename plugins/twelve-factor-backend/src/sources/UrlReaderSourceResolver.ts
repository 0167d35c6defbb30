import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ANNOTATION_SOURCE_LOCATION, Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import {
  buildSnapshot,
  normalizePath,
  otherServiceFolders,
  RepoLimits,
  splitSourceLocation,
} from '@internal/plugin-twelve-factor-node';
import type { TwelveFactorMetrics } from '../metrics/TwelveFactorMetrics';
import type { ResolvedSource, SourceResolver } from './SourceResolver';
import { unavailableBecause } from './SourceResolver';

/**
 * Reads an entity's repository through Backstage's UrlReader (GitHub,
 * GitLab, Azure DevOps, Bitbucket, Gitea, … as configured under
 * `integrations:`), from its `backstage.io/source-location`. Passes the
 * previous tree's ETag, so an unchanged repository is not downloaded again.
 *
 * A source location pointing at a folder of a repository
 * (`…/tree/main/src/cart/`) makes the entity a monorepo member: the
 * repository's root is read (shared manifests and CI live there) and the
 * folder is the scan's code root; the other services' files are listed, not
 * read (their YAML excepted, which a shared Kustomize tree may include). If
 * the root cannot be read, the folder alone is, as before.
 */
export class UrlReaderSourceResolver implements SourceResolver {
  constructor(
    private readonly reader: UrlReaderService,
    private readonly logger: LoggerService,
    private readonly limits: Partial<RepoLimits> = {},
    private readonly metrics?: TwelveFactorMetrics,
  ) {}

  async resolve(
    entity: Entity,
    previous?: { etag?: string },
  ): Promise<ResolvedSource | undefined> {
    const raw = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
    if (!raw) return undefined;
    const url = raw.replace(/^url:/, '');
    if (!/^https?:\/\//.test(url)) {
      return {
        status: 'unavailable',
        ...unavailableBecause('unknown.source-not-url', { location: raw }),
        diagnostics: [],
      };
    }
    const member = splitSourceLocation(url);
    if (member) {
      const root = await this.read(member.rootUrl, previous, member.codeRoot);
      if (root.status !== 'unavailable') return root;
      this.logger.info(
        `Cannot read the repository root of ${url} (${root.reason}); reading the folder alone`,
      );
    }
    return this.read(url, previous);
  }

  private async read(
    url: string,
    previous: { etag?: string } | undefined,
    codeRoot?: string,
  ): Promise<ResolvedSource> {
    try {
      const tree = await this.reader.readTree(
        url,
        previous?.etag ? { etag: previous.etag } : {},
      );
      const files = await tree.files();
      const { snapshot, diagnostics } = await buildSnapshot(
        files.map(f => ({ path: f.path, content: f.content })),
        this.limits,
        codeRoot
          ? {
              otherServices: otherServiceFolders(
                files.map(f => normalizePath(f.path)),
                codeRoot,
              ).folders,
            }
          : {},
      );
      this.metrics?.repositoryRead('downloaded');
      return {
        status: 'ok',
        snapshot,
        ...(codeRoot ? { codeRoot } : {}),
        etag: tree.etag,
        location: url,
        diagnostics,
      };
    } catch (e) {
      if (
        e instanceof NotModifiedError ||
        (e as Error)?.name === 'NotModifiedError'
      ) {
        this.metrics?.repositoryRead('not_modified');
        return {
          status: 'not-modified',
          etag: previous?.etag,
          location: url,
          diagnostics: [],
        };
      }
      this.metrics?.repositoryRead('failed');
      this.logger.warn(`Cannot read ${url}: ${(e as Error).message}`);
      return {
        status: 'unavailable',
        ...unavailableBecause('unknown.cannot-read', {
          location: url,
          detail: (e as Error).message,
        }),
        diagnostics: [],
      };
    }
  }
}
