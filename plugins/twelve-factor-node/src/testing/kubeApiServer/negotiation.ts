/**
 * Content negotiation on the Accept header, the way the API server reads it:
 * the first acceptable media range (by q, then order) decides the shape.
 *
 * Served:
 *  - `application/json` (and wildcards): the full objects;
 *  - `application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`
 *    (or v1beta1) on lists, `as=PartialObjectMetadata` on gets: metadata only.
 * Not served: `as=Table`, protobuf, YAML and aggregated discovery
 * (`as=APIGroupDiscoveryList`). Such ranges are skipped, so kubectl, which
 * always lists `application/json` as its last choice, falls back to plain
 * JSON (it then prints NAME/AGE columns itself); a request that accepts
 * nothing else gets 406 NotAcceptable, as a real server answers unknown types.
 */

export type Representation =
  | { shape: 'full' }
  | { shape: 'metadata'; version: 'v1' | 'v1beta1' };

export type Endpoint = 'list' | 'get' | 'other';

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || !header.trim()) return [{ type: '*/*', params: {}, q: 1 }];
  const ranges = header.split(',').map(part => {
    const [type, ...rawParams] = part.split(';').map(s => s.trim());
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq > 0)
        params[p.slice(0, eq).trim().toLowerCase()] = p
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, '');
    }
    const q = params.q === undefined ? 1 : Number(params.q);
    delete params.q;
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
  });
  // Array.prototype.sort is stable, so equal-q ranges keep the client's order.
  return ranges.filter(r => r.q > 0).sort((a, b) => b.q - a.q);
}

function representationOf(
  range: MediaRange,
  endpoint: Endpoint,
): Representation | undefined {
  const jsonLike =
    range.type === 'application/json' ||
    range.type === 'application/*' ||
    range.type === '*/*';
  if (!jsonLike) return undefined;
  const as = range.params.as;
  if (as === undefined) return { shape: 'full' };
  if (range.params.g !== 'meta.k8s.io') return undefined;
  const version = range.params.v;
  if (version !== 'v1' && version !== 'v1beta1') return undefined;
  if (endpoint === 'list' && as === 'PartialObjectMetadataList')
    return { shape: 'metadata', version };
  if (endpoint === 'get' && as === 'PartialObjectMetadata')
    return { shape: 'metadata', version };
  return undefined; // Table, or a list/single mismatch
}

/** The representation to answer with, or undefined for 406 Not Acceptable. */
export function negotiate(
  header: string | undefined,
  endpoint: Endpoint,
): Representation | undefined {
  for (const range of parseAccept(header)) {
    const rep = representationOf(range, endpoint);
    if (rep) return rep;
  }
  return undefined;
}
