import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  AREAS,
  GROUPS,
  type ScorecardOverview,
  twelveFactorScorecardReadPermission,
  twelveFactorScorecardRefreshPermission,
} from '@internal/plugin-twelve-factor-common';
import {
  Redactor,
  type TwelveFactorEngine,
} from '@internal/plugin-twelve-factor-node';
import express from 'express';
import Router from 'express-promise-router';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { ScorecardService } from './ScorecardService';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  engine: TwelveFactorEngine;
  store: ScorecardStore;
  scorecards: ScorecardService;
}

const SEGMENT = /^[A-Za-z0-9._~-]{1,253}$/;

const ERRORS = new Redactor();

/** Entities per permission request of the overview; exported for tests. */
export const PERMISSION_CHUNK = 100;

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

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, engine, store, scorecards } = options;
  const router = Router();
  router.use(express.json());

  async function authorize(
    req: express.Request,
    permission: ResourcePermission<'catalog-entity'> | BasicPermission,
    resourceRef: string,
  ) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef } as any],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to ${permission.name} ${resourceRef}`,
      );
    }
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** The check catalog, including custom checks, and the areas. */
  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({
      areas: AREAS,
      groups: GROUPS,
      checks: engine.checkDefinitions(),
    });
  });

  /**
   * The latest scan of every entity the caller may read, as summaries: the
   * org-wide overview. Permissions are asked in chunks: the permission
   * backend reads request bodies of up to 100 kB (about 400 entities).
   */
  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const summaries = await scorecards.summaries(credentials);
    const allowed: typeof summaries = [];
    for (let i = 0; i < summaries.length; i += PERMISSION_CHUNK) {
      const chunk = summaries.slice(i, i + PERMISSION_CHUNK);
      const decisions = await permissions.authorize(
        chunk.map(s => ({
          permission: twelveFactorScorecardReadPermission,
          resourceRef: s.entityRef,
        })),
        { credentials },
      );
      chunk.forEach((s, j) => {
        if (decisions[j]?.result === AuthorizeResult.ALLOW) allowed.push(s);
      });
    }
    const overview: ScorecardOverview = { items: allowed };
    res.json(overview);
  });

  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const ref = entityRefOf(req.params);
    const credentials = await authorize(
      req,
      twelveFactorScorecardReadPermission,
      ref,
    );
    res.json(await scorecards.get(ref, credentials));
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
      res.json(await scorecards.get(ref, credentials, { refresh: true }));
    },
  );

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const ref = entityRefOf(req.params);
    await authorize(req, twelveFactorScorecardReadPermission, ref);
    const limit = Math.min(
      Math.max(Number(req.query.limit ?? 50) || 50, 1),
      500,
    );
    res.json({ items: await store.history(ref, limit) });
  });

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

  return router;
}
