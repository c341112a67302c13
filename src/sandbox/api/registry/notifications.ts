import type { OutboxEntry, RegistryContext } from '../context';

/**
 * "New post" notifications for a delivered message: an e-mail per address and an SMS to a verified number, for
 * every access on the mailbox that has not opted out. The text names neither subject nor content: a notification
 * only says that post has arrived. Push subscriptions have no outbox channel and are skipped.
 */
export const notifyNewMessage = (
  ctx: RegistryContext,
  mailboxId: string,
  message: { id: string; senderName?: string },
): OutboxEntry[] => {
  const sent: OutboxEntry[] = [];
  const from = message.senderName ? ` fra ${message.senderName}` : '';
  for (const access of ctx.store.accesses.values()) {
    if (access.mailboxId !== mailboxId || access.optOut) continue;
    for (const subscription of access.emailNotificationSubscriptions) {
      sent.push(
        ctx.store.outbox.push({
          kind: 'email',
          to: subscription.email,
          subject: 'Du har modtaget ny Digital Post',
          body: `Du har modtaget ny post${from} i Digital Post. Log ind for at læse den.`,
          messageId: message.id,
        }),
      );
    }
    const sms = access.smsNotificationSubscription;
    if (sms?.verified) {
      sent.push(
        ctx.store.outbox.push({
          kind: 'sms',
          to: sms.mobileNumber,
          body: `Du har modtaget ny post${from} i Digital Post.`,
          messageId: message.id,
        }),
      );
    }
  }
  return sent;
};
