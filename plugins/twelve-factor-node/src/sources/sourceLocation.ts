/*
 * Where a monorepo member's folder lies in its repository, from the URL of
 * its `backstage.io/source-location`, in the forms the SCM hosts Backstage
 * integrates with write for a folder of a branch:
 *
 *   GitHub (and Enterprise)  https://github.com/org/repo/tree/<ref>/<path>
 *   GitLab                   https://gitlab.com/group/repo/-/tree/<ref>/<path>
 *   Gitea / Forgejo          https://host/org/repo/src/branch/<ref>/<path>
 *   Bitbucket Cloud          https://bitbucket.org/ws/repo/src/<ref>/<path>
 *   Bitbucket Server         https://host/projects/P/repos/R/browse/<path>?at=<ref>
 *   Azure DevOps             https://dev.azure.com/org/project/_git/repo?path=/<path>&version=GB<ref>
 *
 * (`blob` in place of `tree` too: the file's folder). A ref is read as one path segment: a
 * branch named `release/1.2` in such a URL is taken for `release` with the
 * folder `1.2/…`; point the source location at a branch without a slash, or
 * configure the folder (`twelveFactor.sources.local[].codeRoot`).
 */

/** A source location split into the repository's root and the entity's folder in it. @public */
export interface SourceLocationParts {
  /** The URL of the repository's root at the same ref. */
  rootUrl: string;
  /** The folder, e.g. `src/cart` (no leading or trailing slash). */
  codeRoot: string;
}

function folderOf(segments: string[]): string {
  return segments
    .map(s => decodeURIComponent(s))
    .filter(s => s !== '' && s !== '.')
    .join('/');
}

/**
 * The repository root and the folder of a source location that points into a
 * repository, or undefined when it points at the root (or is no URL of a
 * known form).
 * @public
 */
export function splitSourceLocation(
  location: string,
): SourceLocationParts | undefined {
  const raw = location.replace(/^url:/, '').trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const segments = url.pathname.split('/').slice(1);
  const base = `${url.protocol}//${url.host}`;
  const result = (rootSegments: string[], folder: string[], search = '') => {
    const codeRoot = folderOf(folder);
    if (!codeRoot || codeRoot.split('/').includes('..')) return undefined;
    return {
      rootUrl: `${base}/${rootSegments.join('/')}${search}`,
      codeRoot,
    };
  };

  // Azure DevOps: the folder is the `path` query parameter.
  const git = segments.indexOf('_git');
  if (git !== -1 && url.searchParams.has('path')) {
    const params = new URLSearchParams(url.searchParams);
    const folder = (params.get('path') ?? '').split('/');
    params.delete('path');
    const search = params.toString();
    return result(segments, folder, search ? `?${search}` : '');
  }
  // Bitbucket Server: …/browse/<path>?at=<ref>.
  const browse = segments.indexOf('browse');
  if (browse !== -1 && segments.includes('repos')) {
    return result(
      segments.slice(0, browse + 1),
      segments.slice(browse + 1),
      url.search,
    );
  }
  // GitLab: …/-/tree/<ref>/<path>.
  const dash = segments.indexOf('-');
  if (dash !== -1 && /^(tree|blob)$/.test(segments[dash + 1] ?? '')) {
    const folder = segments.slice(dash + 3);
    // A blob is a file: its folder is the entity's.
    if (segments[dash + 1] === 'blob') folder.pop();
    return result(
      [...segments.slice(0, dash + 1), 'tree', segments[dash + 2]],
      folder,
    );
  }
  // Gitea and Forgejo: /<org>/<repo>/src/branch|tag|commit/<ref>/<path>.
  if (
    segments[2] === 'src' &&
    /^(branch|tag|commit)$/.test(segments[3] ?? '')
  ) {
    return result(segments.slice(0, 5), segments.slice(5));
  }
  // Bitbucket Cloud: /<workspace>/<repo>/src/<ref>/<path>.
  if (segments[2] === 'src' && url.host === 'bitbucket.org') {
    return result(segments.slice(0, 4), segments.slice(4));
  }
  // GitHub and GitHub Enterprise: /<org>/<repo>/tree|blob/<ref>/<path>.
  if (/^(tree|blob)$/.test(segments[2] ?? '')) {
    const folder = segments.slice(4);
    if (segments[2] === 'blob') folder.pop();
    return result([segments[0], segments[1], 'tree', segments[3]], folder);
  }
  return undefined;
}
