import type { accessChannels } from '../../../shared/ipc/channels/access';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import type { ServiceContext } from '../context';
import { eventMessageExists, queryEvents } from './events';
import { answerRequest, createRequest, listRequests } from './requests';
import { listTrustees, revokePrivileges } from './trustees';

/** Named by the contract's group, so a channel added there needs a handler here. */
export type AccessChannel = keyof typeof accessChannels;

export type AccessContext = Pick<ServiceContext, 'api' | 'auth'>;

const log = (message: string): void => console.warn(`[access] ${message}`);

/** Event log, trustees and access requests. The person's identity id is the token's subject (dpiid, §16.3.1). */
export const createAccessHandlers = (ctx: AccessContext): Pick<Handlers, AccessChannel> => {
  const me = async (): Promise<string> => {
    const owner = await ctx.auth.owner();
    if (!owner) throw new AppFault({ code: APP_ERROR_CODES.notLoggedIn, message: 'Du er ikke logget ind.' });
    return owner.sub;
  };
  return {
    'access.events': (query) => queryEvents(ctx.api, query, log),
    'access.eventMessage': async ({ mailboxId, messageId }) => ({
      exists: await eventMessageExists(ctx.api, mailboxId, messageId),
    }),
    'access.trustees': async () => ({ trustees: await listTrustees(ctx.api, await me()) }),
    'access.revoke': async ({ privilegeIds }) => {
      await revokePrivileges(ctx.api, privilegeIds);
      return { ok: true as const };
    },
    'access.requests': async () => listRequests(ctx.api, await me(), log),
    'access.requestAccess': async (input) => createRequest(ctx.api, await me(), input),
    'access.answerRequest': ({ id, answer, reason }) => answerRequest(ctx.api, id, answer, reason),
  };
};
