/**
 * Path arithmetic inside a repository snapshot, and recognition of remote
 * targets. Kustomize resolves every reference relative to the folder of the
 * kustomization naming it; a snapshot has no outside, so a reference that
 * climbs above the repository root is an error, not a read.
 */

const joined = new Map<string, string | undefined>();
const MAX_JOINED = 4096;

/** Joins a relative reference to a folder; undefined when it escapes the root. */
export function joinRepoPath(dir: string, ref: string): string | undefined {
  // Every render joins the same few (folder, reference) pairs many times.
  const key = `${dir}\0${ref}`;
  if (joined.has(key)) return joined.get(key);
  const out = join(dir, ref);
  if (joined.size >= MAX_JOINED) joined.clear();
  joined.set(key, out);
  return out;
}

function join(dir: string, ref: string): string | undefined {
  if (ref.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(ref)) return undefined;
  const out: string[] = dir ? dir.split('/').filter(s => s !== '') : [];
  for (const seg of ref.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

/** Whether `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}

const REMOTE_PATTERNS: RegExp[] = [
  /^[a-z][a-z0-9+.-]*:\/\//i, // https://, ssh://, file://, s3://
  /^[a-z][a-z0-9]*::/i, // go-getter forced getters: git::, hg::, s3::
  /^git@/,
  /^(github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com|ssh\.dev\.azure\.com)\//i,
  /[?&](ref|version|timeout|submodules)=/,
  /\.git(\/\/|$|\?)/,
];

/**
 * Whether a resource/component reference names something remote (a git repo
 * or a URL). Kustomize tries a local path first, so callers only consult this
 * for references that are not found in the snapshot.
 */
export function isRemoteRef(ref: string): boolean {
  return REMOTE_PATTERNS.some(re => re.test(ref));
}

/** Names kustomize recognizes for a kustomization file, in its lookup order. */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];
