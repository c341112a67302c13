import { z } from 'zod';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import type { MailContext } from './context';
import { isUnreadable } from '../../errors';
import { messagePath, messagesPath } from '../../services/dp-client/api-paths';

/** A thread longer than this is cut (newest kept); one query page holds it. */
export const THREAD_MAX_MESSAGES = 100;

const PageSchema = z.looseObject({ messages: z.array(z.unknown()).optional() });

/**
 * Ids on the path from the message up to the root of its chain (both included). replyData carries the whole
 * history as child→parent pairs (§6.13.8), so this needs no requests; a cycle ends the walk.
 */
export const ancestorIds = (message: Pick<Message, 'id' | 'replyData'>): string[] => {
  const parentOf = new Map<string, string>();
  for (const r of message.replyData ?? []) {
    if (r.childMessageId && r.parentMessageId) parentOf.set(r.childMessageId, r.parentMessageId);
  }
  const path = [message.id];
  for (let next = parentOf.get(message.id); next !== undefined && !path.includes(next); next = parentOf.get(next))
    path.push(next);
  return path;
};

const timeOf = (m: Message): number => Date.parse(m.messageDateTime ?? m.sendDateTime ?? m.createdDateTime ?? '') || 0;

/** Oldest first; equal times keep the chain order (a parent before its reply). */
export const sortThread = (messages: readonly Message[]): Message[] =>
  messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => timeOf(a.m) - timeOf(b.m) || a.i - b.i)
    .map(({ m }) => m);

/**
 * The reply chain around a message, oldest first: the message itself, its root (fetched by id) and everything
 * that names the root as a parent (one query, §6.13.8). Ancestors the query has not caught up with yet
 * (eventual consistency, §3.3.1) are fetched by id. A root we cannot read (not in this mailbox) is left out.
 */
export const fetchThread = async (ctx: MailContext, mailboxId: string, messageId: string): Promise<Message[]> => {
  const get = async (id: string): Promise<Message | undefined> => {
    try {
      const res = await ctx.api.get<unknown>(messagePath(mailboxId, id));
      return MessageSchema.parse(res.data);
    } catch (err) {
      if (isUnreadable(err)) return undefined;
      throw err;
    }
  };
  const first = await ctx.api.get<unknown>(messagePath(mailboxId, messageId));
  const start = MessageSchema.parse(first.data);
  const path = ancestorIds(start);
  const rootId = path[path.length - 1] ?? start.id;
  const byId = new Map<string, Message>([[start.id, start]]);

  const res = await ctx.api.get<unknown>(messagesPath(mailboxId), {
    query: { 'replyData.parentMessageId': rootId, size: THREAD_MAX_MESSAGES, sortFields: 'messageDateTime:asc' },
  });
  for (const item of PageSchema.parse(res.data ?? {}).messages ?? []) {
    const parsed = MessageSchema.safeParse(item);
    if (parsed.success && !byId.has(parsed.data.id)) byId.set(parsed.data.id, parsed.data);
  }
  for (const id of path) {
    if (byId.has(id)) continue;
    const m = await get(id);
    if (m) byId.set(id, m);
  }
  const sorted = sortThread([...byId.values()]);
  return sorted.slice(Math.max(0, sorted.length - THREAD_MAX_MESSAGES));
};
