import { ZodError } from 'zod';
import { APP_ERROR_CODES, AppErrorSchema, type AppError, type Envelope } from '../../shared/ipc/app-error';
import {
  contract,
  isChannelName,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
} from '../../shared/ipc/contract';
import { AppFault } from '../errors';
import type { z } from 'zod';

/** What a handler learns about the caller; transports fill it in after their own sender checks. */
export interface CallContext {
  transport: 'electron' | 'browser';
}

type ParsedRequest<C extends ChannelName> = z.output<(typeof contract)[C]['request']>;

export type Handler<C extends ChannelName> = (
  request: ParsedRequest<C>,
  ctx: CallContext,
) => Promise<ChannelResponse<C>>;
/** Every contract channel with its handler: `createHandlers` returns this, so a missing handler fails to compile. */
export type Handlers = { [C in ChannelName]: Handler<C> };
export type PartialHandlers = Partial<Handlers>;
/** The handlers of one channel group of the contract (`mailChannels`, …), named by the group itself. */
export type HandlersOf<Group> = Pick<Handlers, keyof Group & ChannelName>;

const toAppError = (err: unknown, log: (msg: string, err: unknown) => void, channel: string): AppError => {
  if (err instanceof AppFault) return AppErrorSchema.parse(err.appError);
  if (err instanceof ZodError) {
    return {
      code: APP_ERROR_CODES.invalidRequest,
      message: 'Ugyldig forespørgsel',
      fieldErrors: err.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
    };
  }
  log(`IPC handler ${channel} failed`, err);
  return { code: APP_ERROR_CODES.internal, message: 'Der opstod en uventet fejl. Prøv igen.' };
};

export type Dispatch = (channel: string, payload: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/**
 * One entry point for both transports: parses the request with the channel's schema (refusing anything else),
 * runs the handler, and parses the response too, so a field the contract does not name (a token) cannot leave main.
 */
export const createDispatcher = (
  handlers: PartialHandlers,
  log: (msg: string, err: unknown) => void = (msg, err) => console.error(msg, err),
): Dispatch => {
  return async (channel, payload, ctx) => {
    if (!isChannelName(channel) || !handlers[channel]) {
      return { ok: false, error: { code: APP_ERROR_CODES.unknownChannel, message: 'Ukendt kanal' } };
    }
    const def = contract[channel];
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) return { ok: false, error: toAppError(parsed.error, log, channel) };
    try {
      const handler = handlers[channel] as unknown as (req: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const checked = def.response.safeParse(value);
      if (!checked.success) {
        log(`IPC handler ${channel} returned a value outside the contract`, checked.error);
        return {
          ok: false,
          error: { code: APP_ERROR_CODES.internal, message: 'Der opstod en uventet fejl. Prøv igen.' },
        };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      return { ok: false, error: toAppError(err, log, channel) };
    }
  };
};

export type { ChannelName, ChannelRequest };
