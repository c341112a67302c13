import { describe, expect, it } from 'vitest';
import type { FolderType, MessageState } from '../../../shared/dp/enums';
import { AppFault } from '../../ipc/dispatch';
import { checkMessagePatch, toPatchBody, withoutNoops, type MessageFacts } from './move-rules';

const folderTypes = new Map<string, FolderType>([
  ['inbox', 'INBOX'],
  ['drafts', 'DRAFTS'],
  ['sent', 'SENT'],
  ['deleted', 'DELETED'],
  ['own', 'USER_DEFINED'],
]);
const home: Record<MessageState, string> = { RECEIVED: 'inbox', DRAFT: 'drafts', SENT: 'sent' };

const attempt = (
  state: MessageState,
  target: string,
  extra: Partial<MessageFacts> = {},
  accessType?: 'OWNER' | 'LEGAL_REPRESENTATIVE_READER',
) => {
  try {
    checkMessagePatch({
      message: { messageState: state, folderId: home[state], legallyNotified: false, ...extra },
      patch: { folderId: target },
      folderTypes,
      ...(accessType ? { accessType } : {}),
    });
    return 'ok';
  } catch (err) {
    if (err instanceof AppFault) return err.appError.code;
    throw err;
  }
};

describe('move rules (§6.13.4)', () => {
  const table: [MessageState, string, string][] = [
    ['RECEIVED', 'inbox', 'ok'],
    ['RECEIVED', 'deleted', 'ok'],
    ['RECEIVED', 'own', 'ok'],
    ['RECEIVED', 'sent', 'message.update.folderType.not.allowed'],
    ['RECEIVED', 'drafts', 'message.update.folderType.not.allowed'],
    ['DRAFT', 'own', 'ok'],
    ['DRAFT', 'deleted', 'ok'],
    ['DRAFT', 'inbox', 'message.update.folderType.not.allowed'],
    ['DRAFT', 'sent', 'message.update.folderType.not.allowed'],
    ['SENT', 'own', 'ok'],
    ['SENT', 'inbox', 'message.update.folderType.not.allowed'],
    ['SENT', 'drafts', 'message.update.folderType.not.allowed'],
  ];
  it.each(table)('%s → %s: %s', (state, target, expected) => {
    expect(attempt(state, target)).toBe(expected);
  });

  it('names state and folder type in the Danish message', () => {
    expect(() =>
      checkMessagePatch({
        message: { messageState: 'RECEIVED', folderId: 'inbox', legallyNotified: false },
        patch: { folderId: 'sent' },
        folderTypes,
      }),
    ).toThrow('En meddelelse i tilstand RECEIVED kan ikke flyttes til mappe af typen SENT');
  });

  it('refuses a folder the mailbox does not have', () => {
    expect(attempt('RECEIVED', 'elsewhere')).toBe('message.update.folderId.notFound');
  });
});

describe('legal representatives (§6.13.5)', () => {
  it('may move to an own folder but not to Slettet', () => {
    expect(attempt('RECEIVED', 'own', {}, 'LEGAL_REPRESENTATIVE_READER')).toBe('ok');
    expect(attempt('RECEIVED', 'deleted', {}, 'LEGAL_REPRESENTATIVE_READER')).toBe('access.denied');
    expect(attempt('RECEIVED', 'deleted', {}, 'OWNER')).toBe('ok');
  });
  it('may not touch a message already in Slettet', () => {
    expect(attempt('RECEIVED', 'own', { folderId: 'deleted' }, 'LEGAL_REPRESENTATIVE_READER')).toBe('access.denied');
    expect(attempt('RECEIVED', 'own', { folderId: 'deleted' }, 'OWNER')).toBe('ok');
  });
});

describe('legallyNotified', () => {
  const check = (legalNotification: boolean | undefined) => {
    try {
      checkMessagePatch({
        message: {
          messageState: 'RECEIVED',
          folderId: 'inbox',
          legallyNotified: false,
          ...(legalNotification !== undefined ? { legalNotification } : {}),
        },
        patch: { legallyNotified: true },
        folderTypes,
      });
      return 'ok';
    } catch (err) {
      return (err as AppFault).appError.code;
    }
  };
  it('is only for legal notifications', () => {
    expect(check(true)).toBe('ok');
    expect(check(false)).toBe('message.update.legallyNotified.not.allowed');
    expect(check(undefined)).toBe('message.update.legallyNotified.not.allowed');
  });
  it('is dropped when already set', () => {
    expect(withoutNoops({ legallyNotified: true, read: true }, { folderId: 'x', legallyNotified: true })).toEqual({
      read: true,
    });
  });
});

describe('toPatchBody', () => {
  it('sends only the fields given', () => {
    expect(toPatchBody({ read: false })).toEqual({ read: false });
    expect(toPatchBody({ flag: true, note: '' })).toEqual({ flag: true, note: '' });
  });
});
