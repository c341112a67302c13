import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import { dpErrorToAppError, networkFault, parseEtagVersion } from './errors';
import {
  parseRetryAfter,
  readRateLimitHeaders,
  TokenBucket,
  type RateLimiter,
  type RequestPriority,
} from './token-bucket';
import { newTraceparent } from './traceparent';
import { routeKind } from './route-kind';

/** What the API client needs from the token lifecycle. */
export interface AccessTokenSource {
  /** A valid access token (renewed first when close to expiry); throws AppFault notLoggedIn when there is none. */
  getAccessToken(): Promise<string>;
  /** After a 401 with `used`: renew once (shared by concurrent callers) and return the new token. */
  renewAfterUnauthorized(used: string): Promise<string>;
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number | boolean)[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Resource version for If-Match (§2.6.3). Makes PUT/PATCH/DELETE safe to retry. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the method-based guess, e.g. a POST that only validates is safe to repeat. */
  idempotent?: boolean;
  /** 'background' for work nobody waits on (the archive sync): it yields the rate limit to every UI request. */
  priority?: RequestPriority;
  /** A body sent as it is instead of JSON (POST /validations/ takes text/html, §10.14.3); only with no JSON body. */
  text?: { contentType: string; value: string };
}

export interface DpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  /** Raw ETag header, if any. */
  etag?: string;
  /** The ETag as a resource version number, if it is one. */
  version?: number;
  traceparent?: string;
}

export interface DpBytes {
  data: Uint8Array;
  contentType?: string;
  /** From Content-Disposition, when the server names the file. */
  filename?: string;
}

export interface MultipartFile {
  data: Uint8Array;
  filename: string;
  contentType?: string;
}

/** Bytes of the request body handed to the connection so far; called again from 0 when a request is repeated. */
export type UploadProgress = (loaded: number, total: number) => void;

export interface MultipartOptions extends RequestOptions {
  ifMatch: number | string;
  onUploadProgress?: UploadProgress;
}

/** How often upload progress is reported at most: every this many bytes or this many ms, and at the end. */
export const UPLOAD_PROGRESS_CHUNK = 64 * 1024;
export const UPLOAD_PROGRESS_MS = 100;

/**
 * The already-encoded body as a stream of 64 KB chunks that counts what the connection pulled. Pull-based, so a chunk
 * is counted when fetch asks for it (it has room to send), not when it is queued. Made afresh for every attempt.
 */
const countingStream = (
  body: Uint8Array,
  onProgress: UploadProgress,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> => {
  let offset = 0;
  let reportedAt = 0;
  let reportedBytes = -1;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (signal?.aborted) {
          controller.error(signal.reason);
          return;
        }
        if (offset >= body.length) {
          controller.close();
          return;
        }
        const end = Math.min(offset + UPLOAD_PROGRESS_CHUNK, body.length);
        controller.enqueue(body.subarray(offset, end));
        offset = end;
        const now = Date.now();
        if (
          offset === body.length ||
          offset - reportedBytes >= UPLOAD_PROGRESS_CHUNK ||
          now - reportedAt >= UPLOAD_PROGRESS_MS
        ) {
          reportedAt = now;
          reportedBytes = offset;
          onProgress(offset, body.length);
        }
      },
    },
    { highWaterMark: 0 },
  );
};

export interface DpClient {
  /** Current API base URL (per environment), e.g. `https://test.digitalpost.dk/apis/v1`. */
  baseUrl(): Promise<string>;
  get<T>(path: string, options?: RequestOptions): Promise<DpResponse<T>>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<DpResponse<T>>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<DpResponse<T>>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<DpResponse<T>>;
  delete<T = undefined>(path: string, options?: RequestOptions): Promise<DpResponse<T>>;
  /** File content download (binary). */
  getBytes(path: string, options?: RequestOptions): Promise<DpResponse<DpBytes>>;
  /** File content upload: multipart form field `file`, If-Match = the file's version (§6, upload file content). */
  putMultipart<T>(path: string, file: MultipartFile, options: MultipartOptions): Promise<DpResponse<T>>;
  readonly limiter: RateLimiter;
}

export interface DpClientOptions {
  baseUrl: () => Promise<string> | string;
  tokens: AccessTokenSource;
  fetch?: typeof fetch;
  limiter?: RateLimiter;
  /** Attempts for idempotent requests on network errors / 503 (the first try included). */
  maxAttempts?: number;
  backoffMs?: number;
  /** How many 429s in a row we sit out before giving up. */
  max429Retries?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (msg: string, err?: unknown) => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One line for the log: fetch's own message and the socket's reason, not a stack trace per attempt. */
const networkReason = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  const cause =
    err.cause instanceof Error ? ` (${(err.cause as Error & { code?: string }).code ?? err.cause.message})` : '';
  return `${err.message}${cause}`;
};

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const buildUrl = (base: string, path: string, query?: Record<string, QueryValue>): string => {
  const url = new URL(`${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
    else url.searchParams.set(k, String(v as string | number | boolean));
  }
  return url.toString();
};

const filenameFrom = (disposition: string | null): string | undefined => {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim();
};

/** Frees a response we will not read; never awaited (a cancel can wait on the other branch of a tee'd body). */
const discard = (res: Response): void => {
  res.body?.cancel().catch(() => undefined);
};

type BodyKind =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; file: MultipartFile }
  | { kind: 'text'; contentType: string; value: string }
  | { kind: 'none' };
type ResponseKind = 'json' | 'bytes';

export const createDpClient = (options: DpClientOptions): DpClient => {
  const doFetch = options.fetch ?? fetch;
  const limiter = options.limiter ?? new TokenBucket();
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 250;
  const max429 = options.max429Retries ?? 5;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));

  const send = async (
    method: Method,
    path: string,
    body: BodyKind,
    opts: MultipartOptions | RequestOptions,
    responseKind: ResponseKind,
  ): Promise<DpResponse<unknown>> => {
    const onUploadProgress = 'onUploadProgress' in opts ? opts.onUploadProgress : undefined;
    const base = await options.baseUrl();
    const url = buildUrl(base, path, opts.query);
    const kind = routeKind(method, path);
    // Only requests the server can safely see twice may be repeated after an unknown outcome.
    const idempotent = opts.idempotent ?? (method === 'GET' || (method !== 'POST' && opts.ifMatch !== undefined));
    let token = await options.tokens.getAccessToken();
    let renewed = false;
    let attempt = 0;
    let rateLimited = 0;
    for (;;) {
      attempt += 1;
      const traceparent = newTraceparent();
      const headers = new Headers(opts.headers);
      headers.set('authorization', `Bearer ${token}`);
      headers.set('traceparent', traceparent);
      headers.set('accept', responseKind === 'json' ? 'application/json' : '*/*');
      if (opts.ifMatch !== undefined) headers.set('if-match', String(opts.ifMatch));
      let requestBody: BodyInit | undefined;
      let streamed = false;
      if (body.kind === 'json') {
        headers.set('content-type', 'application/json');
        requestBody = JSON.stringify(body.value);
      } else if (body.kind === 'text') {
        headers.set('content-type', body.contentType);
        requestBody = body.value;
      } else if (body.kind === 'multipart') {
        const form = new FormData();
        const bytes = new Uint8Array(body.file.data);
        form.set(
          'file',
          new Blob([bytes], { type: body.file.contentType ?? 'application/octet-stream' }),
          body.file.filename,
        );
        requestBody = form;
        if (onUploadProgress) {
          // fetch encodes the form itself (boundary and all); encoding it here first gives the exact bytes to count,
          // and a fixed Content-Length, so the server sees the same request as without progress.
          const encoded = new Response(form);
          const contentType = encoded.headers.get('content-type');
          const data = new Uint8Array(await encoded.arrayBuffer());
          if (contentType) headers.set('content-type', contentType);
          headers.set('content-length', String(data.length));
          requestBody = countingStream(data, onUploadProgress, opts.signal);
          streamed = true;
        }
      }
      // Taken only now, so nothing between acquire and fetch can throw and leave the token unaccounted.
      const charge = await (opts.priority === 'background'
        ? limiter.acquire(kind, 'background')
        : limiter.acquire(kind));
      let res: Response;
      try {
        // A stream body needs duplex 'half' (Node's fetch); the cast because lib.dom's RequestInit does not know it yet.
        const init: RequestInit = { method, headers, body: requestBody, signal: opts.signal, redirect: 'error' };
        if (streamed) (init as RequestInit & { duplex: 'half' }).duplex = 'half';
        res = await doFetch(url, init);
      } catch (err) {
        limiter.complete(undefined, charge);
        if (opts.signal?.aborted) throw err;
        log(`${method} ${path} failed on the network (attempt ${attempt}): ${networkReason(err)}`);
        if (idempotent && attempt < maxAttempts) {
          await sleep(backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw networkFault({ idempotent, traceparent });
      }
      limiter.complete(readRateLimitHeaders(res.headers), charge);
      const responseTrace = res.headers.get('traceparent') ?? traceparent;

      if (res.status === 429 && rateLimited < max429) {
        // A 429 is refused before any work is done, so even a POST may go again.
        rateLimited += 1;
        attempt -= 1;
        discard(res);
        const wait = limiter.penalize(parseRetryAfter(res.headers.get('retry-after')));
        log(`${method} ${path} rate limited; waiting ${wait} ms`);
        continue;
      }
      if (res.status === 401 && !renewed) {
        renewed = true;
        attempt -= 1;
        discard(res);
        token = await options.tokens.renewAfterUnauthorized(token);
        continue;
      }
      if (res.status === 503 && idempotent && attempt < maxAttempts) {
        discard(res);
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
        await sleep(Math.min(retryAfter ?? backoffMs * 2 ** (attempt - 1), 10_000));
        continue;
      }

      const etag = res.headers.get('etag') ?? undefined;
      const base: Omit<DpResponse<unknown>, 'data'> = {
        status: res.status,
        headers: res.headers,
        traceparent: responseTrace,
        ...(etag !== undefined ? { etag } : {}),
        ...(parseEtagVersion(etag) !== undefined ? { version: parseEtagVersion(etag) } : {}),
      };
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        let parsed: unknown = undefined;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        const appError = dpErrorToAppError(res.status, parsed, res.headers);
        appError.traceparent ??= responseTrace;
        throw new AppFault(appError);
      }
      if (responseKind === 'bytes') {
        const data = new Uint8Array(await res.arrayBuffer());
        const contentType = res.headers.get('content-type') ?? undefined;
        const filename = filenameFrom(res.headers.get('content-disposition'));
        return { ...base, data: { data, ...(contentType ? { contentType } : {}), ...(filename ? { filename } : {}) } };
      }
      const text = await res.text();
      let data: unknown = undefined;
      if (text) {
        try {
          data = JSON.parse(text);
        } catch {
          throw new AppFault({
            code: APP_ERROR_CODES.internal,
            message: 'Digital Post svarede med noget uventet.',
            status: res.status,
            traceparent: responseTrace,
          });
        }
      }
      return { ...base, data };
    }
  };

  const json = <T>(method: Method, path: string, body: unknown, opts: RequestOptions = {}): Promise<DpResponse<T>> =>
    send(
      method,
      path,
      body !== undefined
        ? { kind: 'json', value: body }
        : opts.text
          ? { kind: 'text', contentType: opts.text.contentType, value: opts.text.value }
          : { kind: 'none' },
      opts,
      'json',
    ) as Promise<DpResponse<T>>;

  return {
    limiter,
    baseUrl: async () => options.baseUrl(),
    get: (path, opts) => json('GET', path, undefined, opts),
    post: (path, body, opts) => json('POST', path, body, opts),
    put: (path, body, opts) => json('PUT', path, body, opts),
    patch: (path, body, opts) => json('PATCH', path, body, opts),
    delete: (path, opts) => json('DELETE', path, undefined, opts),
    getBytes: (path, opts = {}) => send('GET', path, { kind: 'none' }, opts, 'bytes') as Promise<DpResponse<DpBytes>>,
    putMultipart: (path, file, opts) =>
      send('PUT', path, { kind: 'multipart', file }, opts, 'json') as Promise<DpResponse<never>>,
  };
};
