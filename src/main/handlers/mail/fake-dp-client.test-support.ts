import { TokenBucket } from '../../services/dp-client/token-bucket';
import type { DpBytes, DpClient, DpResponse, RequestOptions } from '../../services/dp-client/dp-client';
import { AppFault } from '../../errors';

// Test support: a DpClient that answers from a route table and records every request, so tests can assert that a
// refused action never reached the server.

export interface Call {
  method: string;
  path: string;
  query?: RequestOptions['query'];
  ifMatch?: number | string;
  body?: unknown;
}

type Route = (call: Call) => unknown;

export const dpFault = (
  status: number,
  code = `app.http.${status}`,
  extra: { currentVersion?: number } = {},
): AppFault => new AppFault({ code, message: `HTTP ${status}`, status, ...extra });

export const createFakeDpClient = (routes: Record<string, Route>) => {
  const calls: Call[] = [];
  const answer = async <T>(call: Call): Promise<DpResponse<T>> => {
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    if (!route) throw dpFault(404);
    const data = route(call) as T;
    return { status: 200, data, headers: new Headers() };
  };
  const api: DpClient = {
    limiter: new TokenBucket(),
    baseUrl: async () => 'http://fake/apis/v1',
    get: (path, o) => answer({ method: 'GET', path, ...(o?.query ? { query: o.query } : {}) }),
    post: (path, body) => answer({ method: 'POST', path, body }),
    put: (path, body, o) =>
      answer({ method: 'PUT', path, body, ...(o?.ifMatch !== undefined ? { ifMatch: o.ifMatch } : {}) }),
    patch: (path, body, o) =>
      answer({ method: 'PATCH', path, body, ...(o?.ifMatch !== undefined ? { ifMatch: o.ifMatch } : {}) }),
    delete: (path, o) =>
      answer({ method: 'DELETE', path, ...(o?.ifMatch !== undefined ? { ifMatch: o.ifMatch } : {}) }),
    getBytes: (path) => answer<DpBytes>({ method: 'GET', path }),
    putMultipart: (path) => answer({ method: 'PUT', path }),
  };
  return { api, calls };
};
