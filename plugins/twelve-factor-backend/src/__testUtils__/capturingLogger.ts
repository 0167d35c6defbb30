import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';

/**
 * A root logger that keeps every line, with its metadata, for tests that
 * search the logs (for a secret, or for what a scan reported).
 */
export function capturingLogger() {
  const lines: string[] = [];
  const make = (meta: object): RootLoggerService => ({
    info: (m, e) => void lines.push(JSON.stringify({ m, e, meta })),
    warn: (m, e) => void lines.push(JSON.stringify({ m, e, meta })),
    error: (m, e) => void lines.push(JSON.stringify({ m, e: String(e), meta })),
    debug: (m, e) => void lines.push(JSON.stringify({ m, e, meta })),
    child: more => make({ ...meta, ...more }),
  });
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => make({}),
    }),
  };
}
