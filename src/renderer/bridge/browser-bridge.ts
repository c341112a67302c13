import i18next from 'i18next';
import { describeExternalUrl, type ExternalUrlDisplay } from '../../shared/external-url';
import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import { createClientApi, type Invoke, type Subscribe } from '../../shared/ipc/client-api';
import { AppEventSchema, type AppEvent } from '../../shared/ipc/events';

/** Set by the browser-mode server in index.html; it carries no secret (the session is an HttpOnly cookie). */
export const BRIDGE_MODE_META = 'dp-bridge';

const unreachable = {
  ok: false,
  error: { code: APP_ERROR_CODES.network, message: 'Programmet svarer ikke. Er Digital Post stadig startet?' },
} as const;

/** 401: this browser is not (or no longer, after a restart of the program) let in by a launch link. */
const notLetIn = {
  ok: false,
  error: {
    code: APP_ERROR_CODES.network,
    message: 'Browseren har ikke adgang til programmet. Åbn linket fra terminalen, hvor programmet blev startet.',
  },
} as const;

/**
 * Browser mode: `POST /bridge/<channel>`; the session cookie authenticates it, the `X-DP-Bridge` header (which no
 * cross-site form can send) marks it as the app's own call. The server answers with the envelope.
 */
export const createFetchInvoke =
  (fetchImpl: typeof fetch = (...a) => fetch(...a)): Invoke =>
  async (channel, payload) => {
    let response: Response;
    try {
      response = await fetchImpl(`/bridge/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': '1' },
        body: JSON.stringify({ payload }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return unreachable;
    }
    if (response.status === 401) return notLetIn;
    if (!response.ok) return unreachable;
    return response.json() as Promise<unknown>;
  };

/**
 * Browser mode events: one EventSource shared by all listeners, opened on the first subscription and closed after
 * the last. The session cookie goes with it like with every same-origin request, so no secret is in its URL.
 * EventSource reconnects by itself after a server restart of the stream.
 */
export const createSseSubscribe = (
  makeSource: (url: string) => EventSource = (url) => new EventSource(url),
): Subscribe => {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = makeSource('/bridge/events');
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

const linkConfirmationText = (shown: ExternalUrlDisplay): string => {
  const text = i18next.t(shown.kind === 'mail' ? 'message.linkConfirmMail' : 'message.linkConfirmWeb', {
    target: shown.target,
    href: shown.href,
  });
  return shown.internationalised ? `${text}\n\n${i18next.t('message.linkInternational')}` : text;
};

/**
 * Browser mode has no main-process dialog: main checks the link (the same allowlist as Electron's) and answers
 * `opened: false`, and the page asks here, with the host in punycode on a line of its own as Electron's dialog shows
 * it, then opens the allowlist's rebuilt URL in a new tab that cannot reach back (noopener).
 */
export const withPageLinkConfirmation =
  (invoke: Invoke, win: Pick<Window, 'confirm' | 'open'>): Invoke =>
  async (channel, payload) => {
    const envelope = await invoke(channel, payload);
    if (channel !== 'app.openExternal') return envelope;
    const answer = envelope as { ok?: boolean; value?: { opened?: boolean } };
    if (answer.ok !== true || answer.value?.opened !== false) return envelope;
    const url = (payload as { url?: unknown } | undefined)?.url;
    const shown = typeof url === 'string' ? describeExternalUrl(url) : null;
    if (!shown || !win.confirm(linkConfirmationText(shown))) return envelope;
    win.open(shown.href, '_blank', 'noopener,noreferrer');
    return { ok: true, value: { opened: true } };
  };

/**
 * Makes `window.digitalPost` exist before the app renders:
 * - Electron: built here, on the page's side, over the preload's transport (so thrown errors are this bundle's
 *   AppErrorException with their code, which the contextBridge would otherwise strip);
 * - browser mode (the server marks index.html): over the loopback HTTP bridge, authenticated by the session cookie.
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
  const mode = win.document.querySelector(`meta[name="${BRIDGE_MODE_META}"]`)?.getAttribute('content');
  if (mode !== 'loopback') throw new Error('Digital Post: no Electron preload and no browser-mode bridge in the page.');
  win.digitalPost = createClientApi(withPageLinkConfirmation(createFetchInvoke(), win), createSseSubscribe());
};
