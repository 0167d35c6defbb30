import type { LoggerService } from '@backstage/backend-plugin-api';
import { Redactor } from '@internal/plugin-twelve-factor-node';

type Meta = Parameters<LoggerService['info']>[1];

const shapes = new Redactor();

function redactMeta(meta: Meta): Meta {
  if (meta === undefined) return undefined;
  if (meta instanceof Error) {
    const e = new Error(shapes.quoted(meta.message));
    e.name = meta.name;
    if (meta.stack) e.stack = shapes.quoted(meta.stack);
    return e;
  }
  return JSON.parse(shapes.quoted(JSON.stringify(meta)));
}

/**
 * The plugin's logger: messages quote repository URLs, reader errors and
 * YAML diagnostics, any of which may carry a token (`https://bot:ghp_…@`)
 * or a line of configuration. Every message and its metadata lose the
 * values of credential-named settings and anything shaped like a
 * credential, as the scorecards do; the root logger's own redactions (the
 * config's secrets) still apply after this.
 */
export function redactingLogger(logger: LoggerService): LoggerService {
  return {
    error: (message, meta) =>
      logger.error(shapes.quoted(message), redactMeta(meta)),
    warn: (message, meta) =>
      logger.warn(shapes.quoted(message), redactMeta(meta)),
    info: (message, meta) =>
      logger.info(shapes.quoted(message), redactMeta(meta)),
    debug: (message, meta) =>
      logger.debug(shapes.quoted(message), redactMeta(meta)),
    child: meta => redactingLogger(logger.child(meta)),
  };
}
