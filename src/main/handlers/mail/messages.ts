import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { z } from 'zod';
import { MessageSchema, effectiveMessageState, type Message } from '../../../shared/dp/resources';
import type { MessagePatch } from '../../../shared/ipc/channels/mail';
import type { Handlers } from '../../ipc/dispatch';
import type { MailCache } from './cache';
import type { MailContext } from './context';
import { appRefusal, isConflict } from '../../errors';
import { checkMessagePatch, toPatchBody, withoutNoops, type MessageFacts } from './move-rules';
import { messagePath, messagesPath } from '../../services/dp-client/api-paths';
import { toMessageQueryParams } from './query';
import { fetchFolderSummary } from './summary';
import { fetchThread } from './thread';

type MessageHandlers = Pick<
  Handlers,
  'messages.query' | 'messages.get' | 'messages.update' | 'messages.delete' | 'messages.thread'
>;

const MessagePageBodySchema = z.looseObject({
  totalElements: z.number().int().optional(),
  next: z.string().nullable().optional(),
  messages: z.array(z.unknown()).optional(),
});

/** Messages that do not parse are left out of a page rather than failing the whole list. */
const parseMessages = (items: readonly unknown[], log: (msg: string) => void): Message[] =>
  items.flatMap((item) => {
    const parsed = MessageSchema.safeParse(item);
    if (!parsed.success) log('A message in a query result did not match the resource schema and was left out');
    return parsed.success ? [parsed.data] : [];
  });

export const createMessageHandlers = (
  ctx: MailContext,
  cache: MailCache,
  log: (msg: string) => void = console.warn,
): MessageHandlers => {
  /**
   * Where Digital Post leaves `messageState` out (the printed draft examples do), the renderer gets the state the
   * folder implies (effectiveMessageState), so a draft still opens as a draft; a folder that says nothing leaves it out.
   */
  const withStates = async (mailboxId: string, messages: Message[]): Promise<Message[]> => {
    if (messages.every((m) => m.messageState !== undefined)) return messages;
    let types = cache.folders(mailboxId);
    if (!types || messages.some((m) => m.messageState === undefined && !types!.has(m.folderId))) {
      await fetchFolderSummary(ctx, cache, mailboxId).catch(() => undefined);
      types = cache.folders(mailboxId);
    }
    return messages.map((m) => {
      if (m.messageState !== undefined) return m;
      const state = effectiveMessageState(m, types?.get(m.folderId));
      return state !== undefined ? { ...m, messageState: state } : m;
    });
  };

  const fetchMessage = async (mailboxId: string, messageId: string): Promise<Message> => {
    const res = await ctx.api.get<unknown>(messagePath(mailboxId, messageId));
    const message = MessageSchema.parse(res.data);
    cache.rememberMessage(message);
    return message;
  };

  /**
   * Checks the printed rules against what the server holds (`facts`) and sends one PATCH with If-Match. Folder
   * types are only needed for a move; marking read/flagged with a cached version is a single request.
   */
  const patchOnce = async (
    mailboxId: string,
    messageId: string,
    facts: MessageFacts & { version: number },
    patch: MessagePatch,
  ): Promise<Message | undefined> => {
    const effective = withoutNoops(patch, facts);
    const target =
      effective.folderId !== undefined && effective.folderId !== facts.folderId ? effective.folderId : undefined;
    let types = cache.folders(mailboxId);
    // An unknown target may just be newer than our summary; a message without messageState is placed by its folder.
    const needTypes = target !== undefined || facts.messageState === undefined;
    if (needTypes && (!types || (target !== undefined && !types.has(target)))) {
      await fetchFolderSummary(ctx, cache, mailboxId);
      types = cache.folders(mailboxId);
    }
    checkMessagePatch({ message: facts, patch: effective, folderTypes: types ?? new Map() });
    const body = toPatchBody(effective);
    if (Object.keys(body).length === 0) return undefined;
    const res = await ctx.api.patch<unknown>(messagePath(mailboxId, messageId), body, { ifMatch: facts.version });
    const parsed = MessageSchema.safeParse(res.data);
    if (!parsed.success) {
      cache.forgetMessage(mailboxId, messageId);
      return undefined;
    }
    cache.rememberMessage(parsed.data);
    return parsed.data;
  };

  return {
    'messages.query': async ({ mailboxId, ...query }) => {
      const res = await ctx.api.get<unknown>(messagesPath(mailboxId), { query: toMessageQueryParams(query) });
      const body = MessagePageBodySchema.parse(res.data ?? {});
      const parsed = parseMessages(body.messages ?? [], log);
      for (const m of parsed) cache.rememberMessage(m);
      const messages = await withStates(mailboxId, parsed);
      return {
        messages,
        totalElements: body.totalElements ?? messages.length,
        ...(body.next ? { next: body.next } : {}),
      };
    },

    'messages.get': async ({ mailboxId, messageId }) =>
      (await withStates(mailboxId, [await fetchMessage(mailboxId, messageId)]))[0]!,

    'messages.update': async ({ mailboxId, messageId, patch }) => {
      const cached = cache.message(mailboxId, messageId);
      const facts = cached ?? (await fetchMessage(mailboxId, messageId));
      let result: Message | undefined;
      try {
        result = await patchOnce(mailboxId, messageId, facts, patch);
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Changed elsewhere (another device, another tab): reapply the user's change to the current version once.
        const fresh = await fetchMessage(mailboxId, messageId);
        result = await patchOnce(mailboxId, messageId, fresh, patch);
      }
      return (await withStates(mailboxId, [result ?? (await fetchMessage(mailboxId, messageId))]))[0]!;
    },

    'messages.delete': async ({ mailboxId, messageId }) => {
      const remove = async (fresh: boolean): Promise<void> => {
        const facts = (!fresh && cache.message(mailboxId, messageId)) || (await fetchMessage(mailboxId, messageId));
        let types = cache.folders(mailboxId);
        if (facts.messageState === undefined && !types?.has(facts.folderId)) {
          await fetchFolderSummary(ctx, cache, mailboxId);
          types = cache.folders(mailboxId);
        }
        if (effectiveMessageState(facts, types?.get(facts.folderId)) !== 'DRAFT') {
          throw appRefusal(
            APP_ERROR_CODES.invalidRequest,
            'Kun kladder kan slettes. Flyt meddelelsen til Slettet i stedet.',
            [
              {
                resource: 'message',
                field: 'messageState',
                code: APP_ERROR_CODES.messageDeleteNotDraft,
                message: 'Ikke en kladde.',
                rejectedValue: facts.messageState,
              },
            ],
          );
        }
        await ctx.api.delete(messagePath(mailboxId, messageId), { ifMatch: facts.version });
      };
      try {
        await remove(false);
      } catch (err) {
        if (!isConflict(err)) throw err;
        await remove(true);
      }
      cache.forgetMessage(mailboxId, messageId);
      return { deleted: true as const };
    },

    'messages.thread': async ({ mailboxId, messageId }) => {
      const messages = await fetchThread(ctx, mailboxId, messageId);
      for (const m of messages) cache.rememberMessage(m);
      return { messages: await withStates(mailboxId, messages) };
    },
  };
};
