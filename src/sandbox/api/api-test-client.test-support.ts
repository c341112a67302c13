import { startSandbox, type RunningSandbox } from '../server';
import type { SandboxConfig } from '../config';

// Test-only: a real sandbox on a loopback port and a small fetch wrapper that keeps status, headers and JSON body.
// Bodies default to `any`: the tests read Digital Post JSON loosely and assert on its shape themselves.
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

export interface ApiClient {
  sandbox: RunningSandbox;
  request<T = any>(
    identity: string | null,
    method: string,
    path: string,
    options?: { body?: unknown; ifMatch?: number | string; form?: FormData; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  /** Calls /sandbox hooks (no token). */
  hook<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  mailboxOf(identity: string, ownerName?: string): Promise<string>;
  close(): Promise<void>;
}

export const startApi = async (config: Partial<SandboxConfig> = {}): Promise<ApiClient> => {
  const sandbox = await startSandbox({
    port: 0,
    rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 },
    ...config,
  });
  const tokens = new Map<string, string>();
  const tokenOf = async (id: string) => {
    let token = tokens.get(id);
    if (!token) {
      token = await sandbox.mintAccessToken(id);
      tokens.set(id, token);
    }
    return token;
  };
  const send = async (
    url: string,
    method: string,
    headers: Record<string, string>,
    body: BodyInit | undefined,
  ): Promise<ApiResponse> => {
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const bytes = Buffer.from(await res.arrayBuffer());
    let parsed: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('json') && bytes.length > 0)
      parsed = JSON.parse(bytes.toString('utf8'));
    return { status: res.status, headers: res.headers, body: parsed, bytes };
  };
  const client: ApiClient = {
    sandbox,
    async request(identity, method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (identity) headers.authorization = `Bearer ${await tokenOf(identity)}`;
      if (options.ifMatch !== undefined) headers['if-match'] = String(options.ifMatch);
      let body: BodyInit | undefined;
      if (options.form) body = options.form;
      else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      return send(`${sandbox.apiBase}${path}`, method, headers, body);
    },
    hook(method, path, body) {
      return send(
        `${sandbox.url}/sandbox${path}`,
        method,
        body === undefined ? {} : { 'content-type': 'application/json' },
        body === undefined ? undefined : JSON.stringify(body),
      );
    },
    async mailboxOf(identity, ownerName) {
      const res = await client.request(identity, 'GET', '/mailboxes/');
      const mailboxes = res.body.mailboxes as { id: string; ownerName: string; access: { accessType: string } }[];
      const found = ownerName ? mailboxes.find((m) => m.ownerName === ownerName) : mailboxes[0];
      if (!found) throw new Error(`no mailbox for ${identity}`);
      return found.id;
    },
    close: () => sandbox.close(),
  };
  return client;
};
