import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  AREAS,
  FleetQueryError,
  GROUPS,
  parseFleetQuery,
  twelveFactorScorecardReadPermission,
  twelveFactorScorecardRefreshPermission,
  type FleetQuery,
} from '@internal/plugin-twelve-factor-common';
import {
  Redactor,
  type TwelveFactorEngine,
} from '@internal/plugin-twelve-factor-node';
import express from 'express';
import { createHash } from 'node:crypto';
import type { ScorecardStore } from '../database/ScorecardStore';
import { fleetCsv, fleetReport } from '../fleet/exports';
import { checkFindings } from '../fleet/findings';
import type { FleetIndex } from '../fleet/FleetIndex';
import type { FleetService } from '../fleet/FleetService';
import type { ScorecardService } from './ScorecardService';
import { sendScorecardBody, type ScorecardBodies } from './scorecardBodies';
import { createValidatedRouter } from './validatedRouter';
import { authorizeEntity } from './access';
import type { WaiverService } from '../waivers/WaiverService';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  engine: TwelveFactorEngine;
  store: ScorecardStore;
  scorecards: ScorecardService;
  fleet: FleetService;
  index: FleetIndex;
  waivers: WaiverService;
  /** Serves most scorecard reads from stored bodies (scorecardBodies.ts); without it every read asks the catalog. */
  bodies?: ScorecardBodies;
}

const SEGMENT = /^[A-Za-z0-9._~-]{1,253}$/;

/**
 * The JSON of fleet answers, written once per answer object: the fleet
 * service hands the same object to every caller who asks the same of the
 * same index version, and a campaign or a page of 5,000 services is large.
 */
const serialized = new WeakMap<object, { json: string; etag: string }>();
function sendJson<T extends object>(
  typed: express.Response<T>,
  answer: T,
): void {
  const res = typed as express.Response;
  let body = serialized.get(answer);
  if (body === undefined) {
    const json = JSON.stringify(answer);
    // Set here, express does not hash the body again for every caller.
    const etag = `W/"${createHash('sha1').update(json).digest('base64url')}"`;
    body = { json, etag };
    serialized.set(answer, body);
  }
  res.set('ETag', body.etag).type('application/json').send(body.json);
}

const ERRORS = new Redactor();

function entityRefOf(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  for (const [k, v] of Object.entries(params)) {
    if (!SEGMENT.test(v)) throw new InputError(`Invalid ${k} '${v}'`);
  }
  return stringifyEntityRef({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  });
}

/**
 * The request's query string as URL search parameters: the fleet filters'
 * one text form, which parseFleetQuery reads.
 */
function searchOf(req: { originalUrl: string }): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : req.originalUrl.slice(at + 1));
}

/** The fleet query of a request; a bad one is a 400 with the parameter named. */
function fleetQueryOf(params: URLSearchParams): FleetQuery {
  try {
    return parseFleetQuery(params);
  } catch (e) {
    if (e instanceof FleetQueryError) throw new InputError(e.message);
    throw e;
  }
}

// The validator fills in the schema's defaults; these are the same, for the types.
const DEFAULT_DAYS = 90;
const DEFAULT_HISTORY_LIMIT = 50;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    engine,
    store,
    scorecards,
    fleet,
    index,
    waivers,
  } = options;
  // Every route below is in src/schema/openapi.yaml, which types and validates it.
  const router = await createValidatedRouter();
  const root = express.Router();
  if (options.bodies) root.use(storedBodyRoute(options.bodies, httpAuth));
  root.use(router);

  async function authorize(
    req: express.Request<any, any, any, any>,
    permission: ResourcePermission<'catalog-entity'> | BasicPermission,
    resourceRef: string,
  ) {
    const credentials = await httpAuth.credentials(req);
    await authorizeEntity(permissions, credentials, permission, resourceRef);
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** The check catalog, including custom checks, and the areas. */
  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({
      areas: [...AREAS],
      groups: [...GROUPS],
      checks: [...engine.checkDefinitions()],
    });
  });

  /** One page of the fleet the caller may read: filtered, sorted, with facets and averages. */
  router.get('/fleet', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    sendJson(res, await fleet.page(fleetQueryOf(searchOf(req)), credentials));
  });

  router.get('/fleet/rollups', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const by = req.query.by ?? 'owner';
    sendJson(
      res,
      await fleet.rollups(by, fleetQueryOf(searchOf(req)), credentials),
    );
  });

  router.get('/fleet/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const params = searchOf(req);
    // groupBy names the trend's series here, not the order of rows.
    params.delete('groupBy');
    sendJson(
      res,
      await fleet.trend(
        req.query.days ?? DEFAULT_DAYS,
        req.query.groupBy,
        fleetQueryOf(params),
        credentials,
      ),
    );
  });

  router.get('/fleet/campaigns/:checkId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const params = searchOf(req);
    const { checkId } = req.params;
    params.set('check', checkId);
    const query = fleetQueryOf(params);
    const { check, ...rest } = query;
    sendJson(
      res,
      await fleet.campaign(
        checkId,
        check!.verdicts,
        req.query.days ?? DEFAULT_DAYS,
        rest,
        credentials,
        req.query.perOwner,
      ),
    );
  });

  /** Every matching service as CSV (not a page). */
  router.get('/fleet/export.csv', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = fleetQueryOf(searchOf(req));
    const services = await fleet.services(query, credentials);
    const position = query.check
      ? index.checkPosition(query.check.id)
      : undefined;
    const findings = await checkFindings(store, index, query);
    res
      .type('text/csv')
      .attachment('twelve-factor-fleet.csv')
      .send(
        fleetCsv(services, {
          ...(query.check && position !== undefined
            ? { check: { id: query.check.id, position } }
            : {}),
          ...(findings ? { findings } : {}),
        }),
      );
  });

  /** The aggregated report of the matching services, in English or Korean. */
  router.get('/fleet/report.md', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const params = searchOf(req);
    const lang = req.query.lang ?? 'en';
    params.delete('lang');
    const query = fleetQueryOf(params);
    const services = await fleet.services(query, credentials);
    // A campaign's report lists each service's own finding.
    const findings = await checkFindings(store, index, query);
    res
      .type('text/markdown')
      .attachment(`twelve-factor-fleet.${lang}.md`)
      .send(
        fleetReport(services, {
          lang,
          query,
          checkOrder: index.checkOrder(),
          definitions: engine.checkDefinitions(),
          now: new Date(),
          ...(findings ? { findings } : {}),
        }),
      );
  });

  /**
   * The stored scorecard. Reading never scans: before the first scan the
   * answer is 202 with the queue status; an entity the plugin does not
   * score (not a service) is a 400 that says why.
   */
  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const ref = entityRefOf(req.params);
    // storedBodyRoute asked already when it passed the request on.
    const body = res.locals.storedBodyAsked
      ? undefined
      : await options.bodies?.latest(ref, await httpAuth.credentials(req));
    if (body) {
      await sendScorecardBody(req, res, body);
      return;
    }
    const credentials = await authorize(
      req,
      twelveFactorScorecardReadPermission,
      ref,
    );
    const result = await scorecards.get(ref, credentials);
    res.status('status' in result ? 202 : 200).json(result);
  });

  router.post(
    '/scorecards/:kind/:namespace/:name/refresh',
    async (req, res) => {
      const ref = entityRefOf(req.params);
      const credentials = await authorize(
        req,
        twelveFactorScorecardRefreshPermission,
        ref,
      );
      res.json(await scorecards.refresh(ref, credentials));
    },
  );

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const ref = entityRefOf(req.params);
    await authorize(req, twelveFactorScorecardReadPermission, ref);
    const limit = req.query.limit ?? DEFAULT_HISTORY_LIMIT;
    res.json({ items: await store.history(ref, limit) });
  });

  /** The entity's portal waivers, newest first. */
  router.get('/scorecards/:kind/:namespace/:name/waivers', async (req, res) => {
    const ref = entityRefOf(req.params);
    res.json(await waivers.list(ref, await httpAuth.credentials(req)));
  });

  /** Grants a waiver; the service checks twelve-factor.waiver.manage. */
  router.post(
    '/scorecards/:kind/:namespace/:name/waivers',
    async (req, res) => {
      const ref = entityRefOf(req.params);
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      res
        .status(201)
        .json(
          await waivers.create(ref, req.body, credentials, { request: req }),
        );
    },
  );

  router.delete(
    '/scorecards/:kind/:namespace/:name/waivers/:id',
    async (req, res) => {
      const ref = entityRefOf(req.params);
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      res.json(
        await waivers.revoke(ref, req.params.id, credentials, { request: req }),
      );
    },
  );

  // Error messages may quote a repository URL or a reader's error: no credential in a response.
  router.use(
    (
      err: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (err instanceof Error) err.message = ERRORS.quoted(err.message);
      next(err);
    },
  );

  return root;
}

/**
 * The scorecard GET answered from a stored body, ahead of the validated
 * router. It is what every tab and card asks for, and the validator finds a
 * request's route by compiling each path of the schema into a regular
 * expression on every request (express-openapi-validator 5.6): a third of
 * the GET's own cost. This route takes only well-formed requests that a
 * stored body answers (the parameters as the schema's EntityNamePart
 * allows them); everything else, errors included, goes on to the validated
 * route, which answers exactly as before.
 */
function storedBodyRoute(bodies: ScorecardBodies, httpAuth: HttpAuthService) {
  const route = express.Router();
  route.get('/scorecards/:kind/:namespace/:name', async (req, res, next) => {
    const { kind, namespace, name } = req.params;
    if (
      !SEGMENT.test(kind) ||
      !SEGMENT.test(namespace) ||
      !SEGMENT.test(name) ||
      req.originalUrl.includes('?')
    ) {
      next();
      return;
    }
    let body;
    try {
      const credentials = await httpAuth.credentials(req);
      body = await bodies.latest(
        stringifyEntityRef({ kind, namespace, name }),
        credentials,
      );
    } catch {
      // The validated route asks again and answers the error as it always has.
      next();
      return;
    }
    if (body) {
      await sendScorecardBody(req, res, body);
      return;
    }
    res.locals.storedBodyAsked = true;
    next();
  });
  return route;
}
