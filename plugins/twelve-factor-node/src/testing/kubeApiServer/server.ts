import { randomBytes, randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Server, createServer } from 'node:https';
import { Socket } from 'node:net';
import { AccessRules, ForbidRule, checkBearerToken } from './auth';
import {
  SERVER_VERSION,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from './discovery';
import { DumpSource, loadDumps } from './dump';
import { DownMode, FaultInjector, FaultOutcome, FaultRule } from './faults';
import { getObject, listObjects } from './handlers';
import {
  KubeconfigOptions,
  renderKubeconfig,
  writeKubeconfigFile,
} from './kubeconfig';
import { negotiate } from './negotiation';
import { RecordedRequest, RequestLog } from './requestLog';
import { Route, Verb, parseRoute, verbOf } from './routes';
import { StatusError, statusObject } from './status';
import { ObjectStore } from './store';
import { generateTlsMaterial } from './tls';

export interface KubeApiServerOptions {
  /** Cluster dumps: file paths (YAML/JSON, `kind: List` or streams) or parsed objects. */
  dumps?: readonly DumpSource[];
  /** The bearer token clients must send; random when unset. */
  token?: string;
  /** Port on 127.0.0.1; an ephemeral one when unset or 0. */
  port?: number;
  /** 403 rules in force from the start (see AccessRules.forbid). */
  forbid?: readonly ForbidRule[];
  /** Faults in force from the start (see FaultInjector.add). */
  faults?: readonly FaultRule[];
  /** The user named in 403 messages. */
  userName?: string;
}

export interface KubeApiServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The CA that signed the server certificate; clients must trust it. */
  readonly caPem: string;
  readonly token: string;
  /** The objects served; `load` adds more. */
  readonly store: ObjectStore;
  readonly faults: FaultInjector;
  /** 403 rules; `forbid({ verb: 'list', resource: 'networkpolicies' })`. */
  readonly access: AccessRules;
  /** Every request received. */
  readonly requests: RequestLog;
  /** Loads more dumps; objects with an existing key replace the old ones. */
  load(dumps: readonly DumpSource[]): Promise<void>;
  /** The kubeconfig YAML (CA inline, bearer token). */
  kubeconfig(options?: KubeconfigOptions): string;
  writeKubeconfig(path: string, options?: KubeconfigOptions): Promise<void>;
  /** Clears the request log and faults, restores the start's 403 rules, and brings the server back up. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  representation?: 'full' | 'metadata';
}

const JSON_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-cache, private',
};

/** Serves discovery, list and get from the store; throws StatusError for failures. */
function route(
  store: ObjectStore,
  access: AccessRules,
  r: Route,
  verb: Verb | undefined,
  query: URLSearchParams,
  accept: string | undefined,
  serverAddress: string,
): Reply {
  const ok = (body: unknown): Reply => ({ status: 200, body });
  const registry = store.registry;
  switch (r.type) {
    case 'version':
      return ok(SERVER_VERSION);
    case 'coreVersions':
      return ok(apiVersions(serverAddress));
    case 'groupList':
      return ok(apiGroupList(registry));
    case 'group': {
      const doc = apiGroupDocument(registry, r.group);
      if (!doc) throw StatusError.of(404);
      return ok(doc);
    }
    case 'resourceList': {
      const doc = apiResourceList(registry, r.group, r.version);
      if (!doc) throw StatusError.of(404);
      return ok(doc);
    }
    case 'resource': {
      const type = registry.byPlural(r.group, r.version, r.plural);
      if (
        !type ||
        r.subresource !== undefined ||
        (r.namespace !== undefined && !type.namespaced)
      ) {
        throw StatusError.of(404);
      }
      if (verb === 'watch') {
        throw StatusError.of(
          405,
          'watch is not supported by the test API server',
        );
      }
      const endpoint = r.name === undefined ? 'list' : 'get';
      const representation = negotiate(accept, endpoint);
      if (!representation) {
        throw StatusError.of(
          406,
          'only the following media types are accepted: application/json, application/json;as=PartialObjectMetadata(List);g=meta.k8s.io;v=v1',
        );
      }
      access.check({
        verb: verb ?? endpoint,
        group: r.group,
        plural: r.plural,
        namespace: r.namespace,
        metadataOnly: representation.shape === 'metadata',
      });
      const body =
        r.name === undefined
          ? listObjects(store, type, r.namespace, query, representation)
          : getObject(store, type, r.name, r.namespace, representation);
      return { status: 200, body, representation: representation.shape };
    }
    default:
      throw StatusError.of(404);
  }
}

function statusReply(error: StatusError): Reply {
  return {
    status: error.status.code,
    body: error.status,
    headers: error.headers,
  };
}

function faultReply(outcome: Extract<FaultOutcome, { kind: 'status' }>): Reply {
  const retry = outcome.retryAfterSeconds;
  const status = statusObject(
    outcome.status,
    outcome.message,
    retry !== undefined ? { retryAfterSeconds: retry } : undefined,
  );
  return {
    status: outcome.status,
    body: status,
    headers: retry !== undefined ? { 'retry-after': String(retry) } : {},
  };
}

/**
 * Starts the test API server: HTTPS on 127.0.0.1 with a CA generated for this
 * start, serving the objects of the given dumps read-only.
 */
export async function startKubeApiServer(
  options: KubeApiServerOptions = {},
): Promise<KubeApiServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const [tls, objects] = await Promise.all([
    generateTlsMaterial(),
    loadDumps(options.dumps ?? []),
  ]);
  const store = new ObjectStore(objects);
  const access = new AccessRules(options.forbid, options.userName);
  const requests = new RequestLog();
  const sockets = new Set<Socket>();
  const pendingDelays = new Set<() => void>();
  let closing = false;
  let port = options.port ?? 0;

  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem });

  const destroySockets = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });

  const faults = new FaultInjector(async mode => {
    // Either way, connections already open must not keep working.
    destroySockets();
    if (mode === 'refuse') {
      await new Promise<void>(resolve => server.close(() => resolve()));
    } else if (!server.listening && !closing) {
      await listen(); // back up from 'refuse' (same port)
    }
  });
  for (const f of options.faults ?? []) faults.add(f);

  const delay = (ms: number) =>
    new Promise<void>(resolve => {
      let timer: NodeJS.Timeout | undefined = undefined;
      // Also called by close(), so a delayed request never outlives the server.
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        resolve();
      };
      timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });

  server.on('connection', (socket: Socket) => {
    if (faults.down === 'reset' || closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client giving up mid-handshake (or a reset during 'down') is expected.
  server.on('tlsClientError', () => {});

  const send = (
    res: ServerResponse,
    method: string,
    reply: Reply,
    record: RecordedRequest,
    midBodyDrop: boolean,
  ) => {
    const text = JSON.stringify(reply.body);
    const body = Buffer.from(text);
    res.writeHead(reply.status, {
      ...JSON_HEADERS,
      'audit-id': randomUUID(),
      'content-length': String(body.length),
      ...reply.headers,
    });
    record.representation = reply.representation;
    if (method === 'HEAD') {
      res.end();
    } else if (midBodyDrop) {
      // Headers and half the body, then the connection dies: a truncated answer.
      res.write(body.subarray(0, Math.floor(body.length / 2)), () =>
        res.socket?.destroy(),
      );
    } else {
      res.end(body);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const r = parseRoute(url.pathname);
    const verb = verbOf(
      method,
      r,
      url.searchParams.get('watch') === 'true' ||
        url.searchParams.get('watch') === '1',
    );
    const started = Date.now();
    const record = requests.start({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: req.headers.accept,
      userAgent: req.headers['user-agent'],
      time: started,
      verb,
      resource:
        r.type === 'resource'
          ? {
              group: r.group,
              version: r.version,
              plural: r.plural,
              namespace: r.namespace,
              name: r.name,
            }
          : undefined,
    });
    res.on('finish', () => {
      record.status = res.statusCode;
      record.durationMs = Date.now() - started;
    });
    res.on('close', () => {
      if (!res.writableFinished) {
        record.dropped = true;
        record.status = 0;
        record.durationMs = Date.now() - started;
      }
    });

    const decision = faults.decide({
      method,
      pathname: url.pathname,
      verb,
      ...(r.type === 'resource'
        ? { group: r.group, resource: r.plural, namespace: r.namespace }
        : {}),
    });
    record.faults = decision.rules;
    if (decision.latencyMs > 0) {
      await delay(decision.latencyMs);
      if (closing || res.destroyed) {
        res.socket?.destroy();
        return;
      }
    }
    if (decision.outcome?.kind === 'drop' && !decision.outcome.midBody) {
      req.socket.destroy();
      return;
    }
    const midBodyDrop = decision.outcome?.kind === 'drop';

    let reply: Reply;
    if (decision.outcome?.kind === 'status') {
      reply = faultReply(decision.outcome);
    } else if (r.type === 'health') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    } else {
      try {
        checkBearerToken(req.headers.authorization, token);
        if (method !== 'GET' && method !== 'HEAD') {
          throw StatusError.of(
            405,
            `the test API server is read-only; ${method} is not supported`,
          );
        }
        reply = route(
          store,
          access,
          r,
          verb,
          url.searchParams,
          req.headers.accept,
          `127.0.0.1:${port}`,
        );
      } catch (e) {
        reply =
          e instanceof StatusError
            ? statusReply(e)
            : statusReply(
                StatusError.of(
                  500,
                  `Internal error occurred: ${(e as Error).message}`,
                ),
              );
      }
    }
    send(res, method, reply, record, midBodyDrop);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(e => {
      // Last resort: never leave a request hanging on a bug in the handler.
      if (!res.headersSent) {
        res.writeHead(500, JSON_HEADERS);
        res.end(
          JSON.stringify(
            statusObject(
              500,
              `Internal error occurred: ${(e as Error).message}`,
            ),
          ),
        );
      } else {
        res.destroy();
      }
    });
  });

  await listen();
  const initialForbid = [...(options.forbid ?? [])];

  const api: KubeApiServer = {
    get url() {
      return `https://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    caPem: tls.caPem,
    token,
    store,
    faults,
    access,
    requests,
    async load(dumps) {
      store.add(await loadDumps(dumps));
    },
    kubeconfig(kubeconfigOptions) {
      return renderKubeconfig(api, kubeconfigOptions);
    },
    async writeKubeconfig(path, kubeconfigOptions) {
      await writeKubeconfigFile(path, renderKubeconfig(api, kubeconfigOptions));
    },
    async reset() {
      requests.reset();
      faults.clear();
      access.clear();
      for (const rule of initialForbid) access.forbid(rule);
      await faults.setDown(false);
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const done of [...pendingDelays]) done();
      destroySockets();
      if (server.listening)
        await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
  return api;
}

export type { DownMode };
