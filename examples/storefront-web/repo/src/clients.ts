import axios, { AxiosError, AxiosInstance } from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import { config } from './config';
import { logger } from './logger';

function retryable(error: AxiosError): boolean {
  if (isNetworkOrIdempotentRequestError(error)) return true;
  // POSTs to payments-api carry an Idempotency-Key, so a 5xx may be retried.
  const idempotent = Boolean(error.config?.headers?.['Idempotency-Key']);
  const status = error.response?.status ?? 0;
  return idempotent && (status >= 500 || status === 429);
}

function upstream(name: string, baseURL: string): AxiosInstance {
  const instance = axios.create({
    baseURL,
    timeout: config.upstreamTimeoutMs,
    headers: { 'User-Agent': 'storefront-web' },
  });
  axiosRetry(instance, {
    retries: config.upstreamRetries,
    retryDelay: exponentialDelay,
    retryCondition: retryable,
    onRetry: (retryCount, error, requestConfig) => {
      logger.warn({ upstream: name, retryCount, url: requestConfig.url, err: error.message }, 'retrying upstream call');
    },
  });
  return instance;
}

export const catalogApi = upstream('catalog-api', config.catalogApiUrl);
export const paymentsApi = upstream('payments-api', config.paymentsApiUrl);
