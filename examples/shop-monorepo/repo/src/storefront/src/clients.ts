import axios from 'axios';
import { config } from './config';

// The cart and checkout services, each call bounded by UPSTREAM_TIMEOUT_MS.
export const cartApi = axios.create({ baseURL: config.cartUrl, timeout: config.upstreamTimeoutMs });
export const checkoutApi = axios.create({ baseURL: config.checkoutUrl, timeout: config.upstreamTimeoutMs });
