import type { notifyChannels } from '../../../shared/ipc/channels/notify';
import type { Handlers } from '../../ipc/dispatch';
import type { AlertService } from '../../services/alerts/alert-service';
import type { ServiceContext } from '../context';
import { AccessStore, toAccessView } from './access';
import { ContactStore, toNemSmsView } from './nemsms';

/** Named by the contract's group, so a channel added there needs a handler here. */
export type NotifyChannel = keyof typeof notifyChannels;

export type NotifyContext = Pick<ServiceContext, 'api' | 'events'> & { alerts?: AlertService };

/**
 * Notifications: access and contact ids are remembered per session; a login or logout forgets them, as
 * the next person has other ones.
 */
export const createNotifyHandlers = (ctx: NotifyContext): Pick<Handlers, NotifyChannel> => {
  let accesses = new AccessStore(ctx.api);
  let contacts = new ContactStore(ctx.api);
  ctx.events.subscribe((event) => {
    if (event.type !== 'auth.changed') return;
    accesses = new AccessStore(ctx.api);
    contacts = new ContactStore(ctx.api);
  });
  const alertSettings = () => ({ mailboxes: ctx.alerts?.prefs.all() ?? {}, intervalMs: ctx.alerts?.intervalMs ?? 0 });

  return {
    'notify.getAccess': async ({ mailboxId }) => toAccessView((await accesses.fetch(mailboxId)).access),
    'notify.updateAccess': async ({ mailboxId, change }) => toAccessView(await accesses.update(mailboxId, change)),
    'notify.verifySms': async ({ mailboxId, subscriptionId, pin }) =>
      toAccessView(await accesses.verification(mailboxId, subscriptionId, pin)),
    'notify.resendSmsPin': async ({ mailboxId, subscriptionId }) =>
      toAccessView(await accesses.verification(mailboxId, subscriptionId)),
    'notify.getNemSms': async () => toNemSmsView(await contacts.get()),
    'notify.updateNemSms': async ({ change }) => toNemSmsView(await contacts.update(change)),
    'notify.verifyNemSms': async ({ subscriptionId, pin }) =>
      toNemSmsView(await contacts.verification(subscriptionId, pin)),
    'notify.resendNemSmsPin': async ({ subscriptionId }) => toNemSmsView(await contacts.verification(subscriptionId)),
    'notify.getAlerts': async () => alertSettings(),
    'notify.setAlerts': async ({ mailboxId, enabled }) => {
      await ctx.alerts?.prefs.set(mailboxId, enabled);
      return alertSettings();
    },
    'notify.setFocus': async ({ mailboxId, focused }) => {
      ctx.alerts?.setFocus(mailboxId, focused);
      return { ok: true as const };
    },
  };
};
