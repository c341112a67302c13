import { describe, expect, it } from 'vitest';
import type { FolderType, KnownMessageState as MessageState } from '../../../shared/dp/enums';
import { AppFault } from '../../errors';
import { checkMessagePatch, toPatchBody, withoutNoops, type MessageFacts } from './move-rules';

const folderTypes = new Map<string, FolderType>([
  ['inbox', 'INBOX'],
  ['drafts', 'DRAFTS'],
  ['sent', 'SENT'],
  ['deleted', 'DELETED'],
  ['own', 'USER_DEFINED'],
]);
const home: Record<MessageState, string> = { RECEIVED: 'inbox', DRAFT: 'drafts', SENT: 'sent' };

const attempt = (state: MessageState, target: string, extra: Partial<MessageFacts> = {}) => {
  try {
    checkMessagePatch({
      message: { messageState: state, folderId: home[state], legallyNotified: false, ...extra },
      patch: { folderId: target },
      folderTypes,
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

describe('without messageState', () => {
  const move = (folderId: string, target: string) => {
    try {
      checkMessagePatch({ message: { folderId, legallyNotified: false }, patch: { folderId: target }, folderTypes });
      return 'ok';
    } catch (err) {
      return (err as AppFault).appError.code;
    }
  };
  it('reads a draft from its DRAFTS folder and applies the draft rules', () => {
    expect(move('drafts', 'inbox')).toBe('message.update.folderType.not.allowed');
    expect(move('drafts', 'own')).toBe('ok');
  });
  it('leaves a message whose state no folder tells to Digital Post', () => {
    expect(move('own', 'sent')).toBe('ok');
  });
});

describe('access types (not printed beyond OWNER)', () => {
  it('never refuse a move before the request: Digital Post decides', () => {
    expect(attempt('RECEIVED', 'deleted', { folderId: 'deleted' })).toBe('ok');
    expect(attempt('RECEIVED', 'own', { folderId: 'deleted' })).toBe('ok');
  });
});

describe('legallyNotified', () => {
  const check = (messageState: MessageState | undefined, extra: Record<string, unknown> = {}) => {
    try {
      checkMessagePatch({
        message: {
          folderId: messageState ? home[messageState] : 'own',
          legallyNotified: false,
          ...(messageState ? { messageState } : {}),
          ...extra,
        },
        patch: { legallyNotified: true },
        folderTypes,
      });
      return 'ok';
    } catch (err) {
      return (err as AppFault).appError.code;
    }
  };
  it('needs no marker field to be asked for on a received message (Digital Post refuses non-forkyndelser)', () => {
    expect(check('RECEIVED')).toBe('ok');
    expect(check(undefined)).toBe('ok');
  });
  it('is refused before the request for a draft or a sent message', () => {
    expect(check('DRAFT')).toBe('message.update.legallyNotified.not.allowed');
    expect(check('SENT')).toBe('message.update.legallyNotified.not.allowed');
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
