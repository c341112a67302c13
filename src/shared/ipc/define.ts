import { z } from 'zod';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

/**
 * Declares one IPC channel. Requests should be strict objects (unknown keys refused); responses are parsed in main
 * before they leave, so nothing the schema does not name (a token, say) can ride along.
 */
export const channel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> => ({
  request,
  response,
});

/** For channels that take no argument. */
export const noInput = z.undefined();
