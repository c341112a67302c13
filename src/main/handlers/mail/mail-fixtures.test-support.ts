import type { Message } from '../../../shared/dp/resources';
import { AppFault } from '../../errors';
import type { Call } from './fake-dp-client.test-support';

// Fixtures of the mail handler tests against the fake client: one mailbox, its standard folders and a message maker.

export const MB = 'mb1';
export const base = `mailboxes/${MB}`;
export const ctx = { transport: 'browser' as const };

export const summary = [
  { folderId: 'inbox', folderType: 'INBOX', name: 'Indbakke', totalMessages: 2, unreadMessages: 1 },
  { folderId: 'drafts', folderType: 'DRAFTS', name: 'Kladder', totalMessages: 1, unreadMessages: 0 },
  { folderId: 'sent', folderType: 'SENT', name: 'Sendt', totalMessages: 0, unreadMessages: 0 },
  { folderId: 'deleted', folderType: 'DELETED', name: 'Slettet', totalMessages: 0, unreadMessages: 4 },
  { folderId: 'own', folderType: 'USER_DEFINED', name: 'Bolig', totalMessages: 3, unreadMessages: 2 },
];

export const message = (id: string, over: Partial<Message> = {}): Message => ({
  id,
  version: 1,
  mailboxId: MB,
  folderId: 'inbox',
  messageType: 'REGULAR',
  messageState: 'RECEIVED',
  messageDateTime: '2024-01-01T10:00:00Z',
  label: id,
  forward: true,
  reply: true,
  flag: false,
  legallyNotified: false,
  read: false,
  welcomeMessage: false,
  errorMessage: false,
  ...over,
});

export const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
export const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (err: unknown) => (err instanceof AppFault ? err.appError.code : Promise.reject(err)),
  );
