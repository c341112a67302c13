import type { mailChannels } from '../../../shared/ipc/channels/mail';
import type { Handlers } from '../../ipc/dispatch';
import { MailCache } from './cache';
import type { MailContext } from './context';
import { createFileHandlers } from './files';
import { createFolderHandlers } from './folders';
import { createMailboxHandlers } from './mailboxes';
import { createMessageHandlers } from './messages';
import { createSenderHandlers } from './senders';

export type { MailContext } from './context';

/** Named by the contract's group, so a channel added there needs a handler here. */
export type MailChannel = keyof typeof mailChannels;

/**
 * Reading post: every channel in `mailChannels`. One cache per handler set, so versions and folder types
 * learnt from one call make the next one cheaper; a ServiceContext fits MailContext as is.
 */
export const createMailHandlers = (
  ctx: MailContext,
  log: (msg: string) => void = (m) => console.warn(m),
): Pick<Handlers, MailChannel> => {
  const cache = new MailCache();
  return {
    ...createMailboxHandlers(ctx, cache, log),
    ...createFolderHandlers(ctx, cache),
    ...createMessageHandlers(ctx, cache, log),
    ...createSenderHandlers(ctx),
    ...createFileHandlers(ctx),
  };
};
