import express from 'express';
import { createOpenApiRouter } from '../schema/openapi';

/**
 * Reads the query string as parseFleetQuery does: with URLSearchParams
 * (brackets mean nothing), a repeated key being the same as its values
 * joined by commas. The schema's lists are comma-separated (`explode:
 * false`), so `band=good,fair&band=poor` is three bands to the validator
 * too. Express's own parser (qs) would turn more than 20 repeats of a key
 * into an object and `a[b]=c` into nesting, so a filter of 21 owners
 * would fail validation as "not an array".
 */
function searchParamsQuery(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  const at = req.originalUrl.indexOf('?');
  const params = new URLSearchParams(
    at === -1 ? '' : req.originalUrl.slice(at + 1),
  );
  const query: Record<string, string> = {};
  for (const key of new Set(params.keys()))
    query[key] = params.getAll(key).join(',');
  req.query = query;
  next();
}

/**
 * The plugin's router, typed and validated by src/schema/openapi.yaml: a
 * request whose path parameters, query or body the schema refuses never
 * reaches a handler, and is a 400 (an InputError) whose message names the
 * parameter, as in `request/query/limit must be >= 1`.
 */
export function createValidatedRouter() {
  return createOpenApiRouter({
    middleware: [express.json(), searchParamsQuery],
  });
}
