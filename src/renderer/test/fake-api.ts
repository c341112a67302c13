import { vi } from 'vitest';
import type { DigitalPostApi } from '../../shared/ipc/contract';
import type { FolderSummaryEntry, Message } from '../../shared/dp/resources';
import type { MailboxView } from '../../shared/ipc/channels/mail';
import { AppErrorException } from '../../shared/ipc/app-error';

// A stand-in for window.digitalPost: every function is a vi.fn so tests can both script answers and see calls.

export const MAILBOX: MailboxView = {
  id: 'mb-1',
  version: 1,
  ownerType: 'CITIZEN',
  ownerName: 'Lone Defaultssen',
  accessType: 'OWNER',
  own: true,
  unread: 2,
  canWrite: true,
  canMoveToDeleted: true,
  canManageNotifications: true,
};

export const FOLDERS: FolderSummaryEntry[] = [
  { folderId: 'f-inbox', folderType: 'INBOX', name: 'Inbox', totalMessages: 3, unreadMessages: 2 },
  { folderId: 'f-drafts', folderType: 'DRAFTS', name: 'Drafts', totalMessages: 1, unreadMessages: 0 },
  { folderId: 'f-sent', folderType: 'SENT', name: 'Sent', totalMessages: 0, unreadMessages: 0 },
  { folderId: 'f-deleted', folderType: 'DELETED', name: 'Deleted', totalMessages: 0, unreadMessages: 0 },
  { folderId: 'f-tax', folderType: 'USER_DEFINED', name: 'Skat', totalMessages: 0, unreadMessages: 0 },
  {
    folderId: 'f-tax-2024',
    folderType: 'USER_DEFINED',
    name: '2024',
    parentFolderId: 'f-tax',
    totalMessages: 1,
    unreadMessages: 0,
  },
];

export function message(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    version: 1,
    mailboxId: 'mb-1',
    folderId: 'f-inbox',
    messageType: 'REGULAR',
    messageState: 'RECEIVED',
    messageDateTime: '2026-11-20T10:00:00Z',
    label: `Besked ${id}`,
    forward: false,
    reply: false,
    flag: false,
    legallyNotified: false,
    read: false,
    welcomeMessage: false,
    errorMessage: false,
    sender: { senderId: '12345678', senderIdType: 'CVR', label: 'Skattestyrelsen' },
    documents: [],
    ...overrides,
  };
}

export const networkError = () => new AppErrorException({ code: 'app.network', message: 'offline' });

export function installFakeApi() {
  const api = {
    app: {
      info: vi.fn(async () => ({ version: '0', mode: 'browser' as const, platform: 'linux' })),
      openExternal: vi.fn(async () => ({ opened: true })),
    },
    auth: {
      status: vi.fn(async () => ({
        loggedIn: true,
        environment: 'sandbox' as const,
        pending: false,
        displayName: 'Lone Defaultssen',
        maskedCpr: '010190-****',
        secretStore: 'keychain' as const,
      })),
      login: vi.fn(async () => ({})),
      cancelLogin: vi.fn(async () => ({ cancelled: true })),
      logout: vi.fn(async () => ({ loggedOut: true as const, revocationPending: false })),
    },
    settings: {
      get: vi.fn(async () => ({ environment: 'sandbox' as const, registrations: {}, language: 'da' as const })),
      update: vi.fn(async () => ({ environment: 'sandbox' as const, registrations: {}, language: 'da' as const })),
    },
    mailboxes: { list: vi.fn(async () => ({ mailboxes: [MAILBOX] })) },
    folders: {
      summary: vi.fn(async () => ({ folders: FOLDERS })),
      create: vi.fn(),
      rename: vi.fn(),
      move: vi.fn(),
      delete: vi.fn(),
    },
    messages: {
      query: vi.fn(async (): Promise<{ messages: Message[]; totalElements: number; next?: string }> => ({
        messages: [message('m1'), message('m2', { read: true })],
        totalElements: 2,
      })),
      get: vi.fn(async ({ messageId }: { messageId: string }) => message(messageId)),
      update: vi.fn(),
      delete: vi.fn(async () => ({ deleted: true as const })),
      thread: vi.fn(async (): Promise<{ messages: Message[] }> => ({ messages: [] })),
    },
    senders: { list: vi.fn(async () => ({ senders: [] })) },
    files: {
      content: vi.fn(),
      save: vi.fn(async () => ({ saved: true })),
      open: vi.fn(async () => ({ opened: true })),
    },
    events: { subscribe: vi.fn(() => () => undefined) },
  };
  // Namespaces other parts of the renderer use (compose, notify…) answer every call with an empty object, so a
  // whole-app render does not fail on them; the tests here only look at the namespaces above.
  const others = new Map<string, Record<string, unknown>>();
  const whole = new Proxy(api as Record<string, unknown>, {
    get(target, ns: string) {
      if (ns in target) return target[ns];
      if (!others.has(ns)) {
        const fns = new Map<string, unknown>();
        others.set(
          ns,
          new Proxy(
            {},
            {
              get: (_t, m: string) =>
                fns.get(m) ??
                (fns.set(
                  m,
                  vi.fn(async () => ({})),
                ),
                fns.get(m)),
            },
          ),
        );
      }
      return others.get(ns);
    },
  });
  (window as unknown as { digitalPost: unknown }).digitalPost = whole;
  return api as typeof api & Partial<DigitalPostApi>;
}
