/*
 * The backend of the API benchmarks, in a process of its own so that the
 * load generator does not share its event loop: backend-defaults with the
 * twelve-factor plugin, static-token auth, a quiet logger, and a
 * permission service that counts its requests (into TF_BENCH_COUNT_FILE,
 * within 20 ms) and answers as a policy limiting scorecards to their
 * owners would.
 * Configured by TF_BENCH_CONFIG (JSON) and TF_BENCH_OWNERS (JSON array);
 * with a `catalog` section in the configuration, the catalog backend runs
 * too (the scorecard GET reads entities from it).
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import { twelveFactorPlugin } from '../src/plugin';

const config = JSON.parse(process.env.TF_BENCH_CONFIG!);
const owners: string[] = JSON.parse(process.env.TF_BENCH_OWNERS ?? '[]');
const countFile = process.env.TF_BENCH_COUNT_FILE!;
let count = 0;
let flush: NodeJS.Timeout | undefined;
// Written once per burst, a moment later: a file write per request would weigh on the answers measured.
const counted = () => {
  count++;
  flush ??= setTimeout(() => {
    flush = undefined;
    fs.writeFileSync(countFile, String(count));
  }, 20);
};

const quietLogger: any = {
  error: (m: string) => console.error(m),
  warn: (m: string) => console.warn(m),
  info() {},
  debug() {},
  child: () => quietLogger,
};

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(config),
  }),
);
backend.add(
  createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => quietLogger,
  }),
);
backend.add(
  createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () =>
      ({
        async authorize(requests: any[]) {
          counted();
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        },
        async authorizeConditional(requests: any[]) {
          counted();
          return requests.map(r =>
            r.permission.name === 'twelve-factor.scorecard.read'
              ? createCatalogConditionalDecision(
                  r.permission,
                  catalogConditions.isEntityOwner({ claims: owners }),
                )
              : { result: AuthorizeResult.ALLOW },
          );
        },
      } as any),
  }),
);
if (config.catalog) backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(twelveFactorPlugin);
backend.start().catch(e => {
  console.error(e);
  process.exit(1);
});
