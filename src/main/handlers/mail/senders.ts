import { z } from 'zod';
import type { Handlers } from '../../ipc/dispatch';
import type { MailContext } from './context';
import { senderInformationPath } from '../../services/dp-client/api-paths';

type SenderSummary = { senderId?: string; label: string; total: number; unread: number };

// The sender-information JSON is not printed in the document (§6.1 names the endpoint and what each element holds:
// the sender, its latest message, counts of messages and unread messages), so rows are read leniently.
const count = z.number().int().nonnegative();
const RowSchema = z.looseObject({
  senderId: z.string().optional(),
  label: z.string().optional(),
  senderLabel: z.string().optional(),
  sender: z.looseObject({ senderId: z.string().optional(), label: z.string().optional() }).optional(),
  total: count.optional(),
  totalMessages: count.optional(),
  numberOfMessages: count.optional(),
  messageCount: count.optional(),
  unread: count.optional(),
  unreadMessages: count.optional(),
  numberOfUnreadMessages: count.optional(),
  unreadCount: count.optional(),
});

const rowsOf = (data: unknown): unknown[] => {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['senders', 'senderInformation', 'senderInformations', 'content']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [];
};

export const parseSenderInformation = (data: unknown): SenderSummary[] =>
  rowsOf(data).flatMap((raw) => {
    const row = RowSchema.safeParse(raw);
    if (!row.success) return [];
    const r = row.data;
    const label = r.label ?? r.senderLabel ?? r.sender?.label;
    if (!label) return [];
    const senderId = r.senderId ?? r.sender?.senderId;
    return [
      {
        ...(senderId !== undefined ? { senderId } : {}),
        label,
        total: r.total ?? r.totalMessages ?? r.numberOfMessages ?? r.messageCount ?? 0,
        unread: r.unread ?? r.unreadMessages ?? r.numberOfUnreadMessages ?? r.unreadCount ?? 0,
      },
    ];
  });

export const createSenderHandlers = (ctx: MailContext): Pick<Handlers, 'senders.list'> => ({
  'senders.list': async ({ mailboxId }) => {
    const res = await ctx.api.get<unknown>(senderInformationPath(mailboxId));
    return { senders: parseSenderInformation(res.data) };
  },
});
