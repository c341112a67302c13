import { AppErrorException, AppErrorSchema, APP_ERROR_CODES, type Envelope } from './app-error';
import { channelNames, type DigitalPostApi } from './contract';
import type { AppEvent } from './events';

/** Sends one request over whatever transport (Electron IPC or the browser-mode bridge) and returns the raw envelope. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

const unwrap = (channel: string, raw: unknown): unknown => {
  const envelope = raw as Envelope<unknown> | null;
  if (envelope && typeof envelope === 'object' && envelope.ok === true) return envelope.value;
  if (envelope && typeof envelope === 'object' && envelope.ok === false) {
    const parsed = AppErrorSchema.safeParse(envelope.error);
    if (parsed.success) throw new AppErrorException(parsed.data);
  }
  throw new AppErrorException({ code: APP_ERROR_CODES.internal, message: `Ugyldigt svar på ${channel}` });
};

/**
 * Builds `window.digitalPost` from the contract, so the preload and the browser-mode bridge expose exactly the same
 * named functions and neither ever hands out a raw transport.
 */
export const createClientApi = (invoke: Invoke, subscribe: Subscribe): DigitalPostApi => {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of channelNames) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const method = name.slice(dot + 1);
    const group = (api[ns] ??= {});
    group[method] = async (request?: unknown) => unwrap(name, await invoke(name, request));
  }
  api.events = { subscribe };
  return api as unknown as DigitalPostApi;
};
