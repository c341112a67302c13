import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import { createClientApi, type Invoke, type Subscribe } from '../../shared/ipc/client-api';
import { AppEventSchema, type AppEvent } from '../../shared/ipc/events';

export const BRIDGE_SECRET_META = 'dp-bridge-secret';

const unreachable = {
  ok: false,
  error: { code: APP_ERROR_CODES.network, message: 'Programmet svarer ikke. Er Digital Post stadig startet?' },
} as const;

/** Browser mode: `POST /bridge/<channel>` with the per-run secret; the server answers with the envelope. */
export const createFetchInvoke =
  (secret: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Invoke =>
  async (channel, payload) => {
    let response: Response;
    try {
      response = await fetchImpl(`/bridge/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': secret },
        body: JSON.stringify({ payload }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return unreachable;
    }
    if (!response.ok) return unreachable;
    return response.json() as Promise<unknown>;
  };

/**
 * Browser mode events: one EventSource shared by all listeners, opened on the first subscription and closed after
 * the last. EventSource cannot send headers, so the secret goes in `?s=` on this one read-only route (the server
 * accepts it nowhere else). EventSource reconnects by itself after a server restart of the stream.
 */
export const createSseSubscribe = (
  secret: string,
  makeSource: (url: string) => EventSource = (url) => new EventSource(url),
): Subscribe => {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = makeSource(`/bridge/events?s=${encodeURIComponent(secret)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        const parsed = AppEventSchema.safeParse(data);
        if (!parsed.success) return;
        for (const l of [...listeners]) l(parsed.data);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
};

/**
 * Makes `window.digitalPost` exist before the app renders:
 * - Electron: built here, on the page's side, over the preload's transport (so thrown errors are this bundle's
 *   AppErrorException with their code, which the contextBridge would otherwise strip);
 * - browser mode: over the loopback HTTP bridge, using the secret the server put in index.html.
 * Does nothing when it already exists (tests install a fake).
 */
export const installBrowserBridgeIfNeeded = (win: Window = window): void => {
  if (win.digitalPost) return;
  const transport = win.digitalPostTransport;
  if (transport) {
    win.digitalPost = createClientApi(
      (channel, payload) => transport.invoke(channel, payload),
      (listener) => transport.subscribe(listener),
    );
    return;
  }
  const secret = win.document.querySelector(`meta[name="${BRIDGE_SECRET_META}"]`)?.getAttribute('content');
  if (!secret) throw new Error('Digital Post: no Electron preload and no browser-mode bridge secret in the page.');
  win.digitalPost = createClientApi(createFetchInvoke(secret), createSseSubscribe(secret));
};
