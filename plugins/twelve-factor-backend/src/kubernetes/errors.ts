import { ApiException } from '@kubernetes/client-node';

/** How a failed request is handled. */
export type FailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'retryable'
  | 'tls'
  | 'unreachable'
  | 'timeout'
  | 'other';

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL|DEPTH_ZERO/;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'UND_ERR_SOCKET',
  'EPIPE',
  'UND_ERR_CLOSED',
]);

function causeCode(e: any): string | undefined {
  return e?.cause?.code ?? e?.code ?? e?.cause?.cause?.code;
}

/** Classifies an error of @kubernetes/client-node (HTTP status, or undici network error). */
export function classify(e: unknown): {
  kind: FailureKind;
  status?: number;
  retryAfterMs?: number;
  message: string;
} {
  if (e instanceof ApiException) {
    const status = e.code;
    const retryAfter = Number(
      (e.headers as Record<string, string> | undefined)?.['retry-after'],
    );
    const retryAfterMs = Number.isFinite(retryAfter)
      ? retryAfter * 1000
      : undefined;
    const reason = (() => {
      try {
        const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
        return body?.message ?? body?.reason;
      } catch {
        return undefined;
      }
    })();
    const message = `HTTP ${status}${reason ? `: ${reason}` : ''}`;
    if (status === 401) return { kind: 'unauthorized', status, message };
    if (status === 403) return { kind: 'forbidden', status, message };
    if (status === 404) return { kind: 'not-found', status, message };
    if (status === 429 || status >= 500)
      return {
        kind: 'retryable',
        status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        message,
      };
    return { kind: 'other', status, message };
  }
  const err = e as Error;
  const code = causeCode(e);
  const message = `${err?.message ?? String(e)}${code ? ` (${code})` : ''}`;
  if (
    err?.name === 'TimeoutError' ||
    err?.name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  )
    return { kind: 'timeout', message };
  if (code && TLS_CODES.test(code)) return { kind: 'tls', message };
  if (code && UNREACHABLE_CODES.has(code))
    return { kind: 'unreachable', message };
  if (code && RETRYABLE_NETWORK.has(code))
    return { kind: 'retryable', message };
  return { kind: 'other', message };
}
