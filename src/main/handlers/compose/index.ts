import type { composeChannels } from '../../../shared/ipc/channels/compose';
import type { CallContext, Handlers } from '../../ipc/dispatch';
import { createAttachmentHandlers } from './attachments';
import { createAuthorityHandlers } from './authorities';
import { createAutosave } from './autosave';
import { createComposeState, type ComposeContext } from './context';
import { createDraftOps } from './drafts';
import { inDpWords } from '../../errors';
import { createForwardHandler } from './forward';
import { createJournalHandlers } from './journal-handlers';
import { composeLimits } from './limits';
import { createReplyHandler } from './reply';
import { createSendHandler } from './send';
import type { PersonJournal } from '../../services/drafts/person-journal';

export type { ComposeContext } from './context';

/** Named by the contract's group, so a channel added there needs a handler here. */
export type ComposeChannel = keyof typeof composeChannels;

/**
 * Writing post: every channel in `composeChannels`. One state per handler set: the journal in the user-data
 * directory, the per-draft save queue and the version each draft's autosave builds on. A ServiceContext fits.
 */
export const createComposeHandlers = (
  ctx: ComposeContext,
  options: { journal?: PersonJournal } = {},
): Pick<Handlers, ComposeChannel> => {
  const state = createComposeState(ctx, options.journal);
  const drafts = createDraftOps(state);
  const autosave = createAutosave(state);
  return withDpWords({
    ...drafts.handlers,
    'compose.save': ({ mailboxId, messageId, content, baseFileVersion, journalLabel }) =>
      autosave.save({ mailboxId, messageId, content, baseFileVersion, journalLabel }),
    ...createSendHandler(state),
    ...createAttachmentHandlers(state, drafts.openDraft),
    ...createReplyHandler(state, drafts.openDraft),
    ...createForwardHandler(state),
    'compose.limits': async () => composeLimits(),
    ...createAuthorityHandlers(ctx),
    ...createJournalHandlers(state, {
      save: autosave.save,
      openDraft: drafts.openDraft,
      createDraft: drafts.createDraft,
    }),
  });
};

/** Every refusal from Digital Post reaches the user in the words of its code (see `inDpWords`). */
const withDpWords = <H extends Record<string, (req: never, ctx: CallContext) => Promise<unknown>>>(handlers: H): H =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (req: never, ctx: CallContext) => {
        try {
          return await handler(req, ctx);
        } catch (err) {
          throw inDpWords(err);
        }
      },
    ]),
  ) as H;
