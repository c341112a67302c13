import type {
  AccessIntent,
  AccessView,
  AlertSettings,
  NemSmsIntent,
  NemSmsView,
} from '../../shared/ipc/channels/notify';
import { dp } from '../lib/api';
import { toUiError, type UiError } from '../lib/ui-error';
import type { SliceCreator } from './slice';

/** Outcome of one save: the form keeps what the user typed when it failed, so the error carries the cause. */
export type SaveResult = { ok: true } | { ok: false; error: UiError };

export interface NotificationsSlice {
  notifyAccess: AccessView | null;
  notifyAccessError: UiError | null;
  nemSms: NemSmsView | null;
  nemSmsError: UiError | null;
  alertSettings: AlertSettings | null;
  /** 'electron' shows OS notifications from main; 'browser' raises Web Notifications in the page. */
  alertMode: 'electron' | 'browser' | null;
  loadNotifyAccess(mailboxId: string): Promise<void>;
  loadNemSms(): Promise<void>;
  loadAlertSettings(): Promise<void>;
  changeAccess(mailboxId: string, change: AccessIntent): Promise<SaveResult>;
  verifySms(mailboxId: string, subscriptionId: string, pin: string): Promise<SaveResult>;
  resendSmsPin(mailboxId: string, subscriptionId: string): Promise<SaveResult>;
  changeNemSms(change: NemSmsIntent): Promise<SaveResult>;
  verifyNemSms(subscriptionId: string, pin: string): Promise<SaveResult>;
  resendNemSmsPin(subscriptionId: string): Promise<SaveResult>;
  setMailboxAlerts(mailboxId: string, enabled: boolean): Promise<SaveResult>;
}

export const createNotificationsSlice: SliceCreator<NotificationsSlice> = (set) => {
  // Every change answers with the resource as the server now holds it; that replaces what the screen shows.
  const save = async (apply: () => Promise<Partial<NotificationsSlice>>): Promise<SaveResult> => {
    try {
      set(await apply());
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUiError(error) };
    }
  };
  const saveAccess = (call: () => Promise<AccessView>) =>
    save(async () => ({ notifyAccess: await call(), notifyAccessError: null }));
  const saveNemSms = (call: () => Promise<NemSmsView>) =>
    save(async () => ({ nemSms: await call(), nemSmsError: null }));

  return {
    notifyAccess: null,
    notifyAccessError: null,
    nemSms: null,
    nemSmsError: null,
    alertSettings: null,
    alertMode: null,

    async loadNotifyAccess(mailboxId) {
      set({ notifyAccess: null, notifyAccessError: null });
      try {
        set({ notifyAccess: await dp().notify.getAccess({ mailboxId }) });
      } catch (error) {
        set({ notifyAccessError: toUiError(error) });
      }
    },
    async loadNemSms() {
      try {
        set({ nemSms: await dp().notify.getNemSms(), nemSmsError: null });
      } catch (error) {
        set({ nemSmsError: toUiError(error) });
      }
    },
    async loadAlertSettings() {
      try {
        const [alertSettings, info] = await Promise.all([dp().notify.getAlerts(), dp().app.info()]);
        set({ alertSettings, alertMode: info.mode });
      } catch {
        // Without them the screen still works; alerts simply stay at their defaults (on).
      }
    },
    changeAccess: (mailboxId, change) => saveAccess(() => dp().notify.updateAccess({ mailboxId, change })),
    verifySms: (mailboxId, subscriptionId, pin) =>
      saveAccess(() => dp().notify.verifySms({ mailboxId, subscriptionId, pin })),
    resendSmsPin: (mailboxId, subscriptionId) =>
      saveAccess(() => dp().notify.resendSmsPin({ mailboxId, subscriptionId })),
    changeNemSms: (change) => saveNemSms(() => dp().notify.updateNemSms({ change })),
    verifyNemSms: (subscriptionId, pin) => saveNemSms(() => dp().notify.verifyNemSms({ subscriptionId, pin })),
    resendNemSmsPin: (subscriptionId) => saveNemSms(() => dp().notify.resendNemSmsPin({ subscriptionId })),
    setMailboxAlerts: (mailboxId, enabled) =>
      save(async () => ({ alertSettings: await dp().notify.setAlerts({ mailboxId, enabled }) })),
  };
};
