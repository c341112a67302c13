import type { AppEvent } from '../../../shared/ipc/events';

// Browser mode: main cannot show OS notifications there, so the page turns `mail.new` into a Web Notification.

export type PermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

const api = (): typeof Notification | undefined =>
  typeof window !== 'undefined' && 'Notification' in window ? window.Notification : undefined;

export const notificationPermission = (): PermissionState => api()?.permission ?? 'unsupported';

/** Must be called from a click: browsers refuse permission prompts that no gesture asked for. */
export async function requestNotificationPermission(): Promise<PermissionState> {
  const N = api();
  if (!N) return 'unsupported';
  return N.requestPermission();
}

export interface WebAlertDeps {
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** The mailbox on screen, when the page has focus: that one stays quiet. */
  readingMailbox(): string | null;
  title(senderLabel: string): string;
  open(mailboxId: string, messageId: string): void;
}

export function startWebAlerts(deps: WebAlertDeps): () => void {
  return deps.subscribe((event) => {
    if (event.type !== 'mail.new') return;
    const N = api();
    if (!N || N.permission !== 'granted') return;
    if (deps.readingMailbox() === event.mailboxId) return;
    const n = new N(deps.title(event.senderLabel), { body: event.label, tag: `dp-${event.messageId}` });
    n.onclick = () => {
      window.focus();
      deps.open(event.mailboxId, event.messageId);
      n.close();
    };
  });
}
