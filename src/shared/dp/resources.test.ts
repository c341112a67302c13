import { describe, expect, it } from 'vitest';
import {
  AccessSchema,
  FolderSchema,
  FolderSummaryEntrySchema,
  MailboxSchema,
  MessageSchema,
  effectiveMessageState,
  isAttachmentDocument,
  isMarkedLegalNotification,
  isOptedOut,
  isSmsConfirmed,
} from './resources';

// The tolerant reader: a value the client does not know never drops a resource, and a missing unprinted field
// never fails one.

const message = (over: Record<string, unknown> = {}) => ({
  id: 'm1',
  version: 0,
  mailboxId: 'mb',
  folderId: 'f',
  messageType: 'REGULAR',
  forward: false,
  reply: false,
  flag: false,
  legallyNotified: false,
  read: false,
  welcomeMessage: false,
  errorMessage: false,
  ...over,
});

describe('resource schemas', () => {
  it('keep a mailbox whose owner and access types are spelled in ways the client does not know', () => {
    const parsed = MailboxSchema.parse({
      id: 'mb',
      version: 0,
      ownerType: 'VIRKSOMHED_X',
      statusType: 'ACTIVE',
      access: { id: 'a', version: 0, accessType: 'FULDMAGT_X', mailboxId: 'mb' },
    });
    expect(parsed.ownerType).toBe('VIRKSOMHED_X');
    expect(parsed.access?.accessType).toBe('FULDMAGT_X');
    expect(parsed.ownerName).toBeUndefined();
  });

  it('keep a message with documents, activities and providers of unknown types', () => {
    const parsed = MessageSchema.parse(
      message({
        messageType: 'SPECIAL_X',
        messageState: 'ARCHIVED_X',
        documents: [
          { id: 'd1', version: 0, documentType: 'MAIN', files: [] },
          {
            id: 'd2',
            version: 0,
            documentType: 'BILAG_X',
            files: [{ id: 'f', version: 0, encodingFormat: 'application/pdf', filename: 'a.pdf' }],
          },
        ],
        userActivities: [{ userActivityType: 'PRINTED_X' }],
        sender: { senderId: 'x', senderIdType: 'PSEUDONYM_X' },
        recipient: { recipientId: 'y', recipientIdType: 'NEMID_X' },
      }),
    );
    expect(parsed.documents?.map((d) => d.documentType)).toEqual(['MAIN', 'BILAG_X']);
    expect(parsed.messageState).toBe('ARCHIVED_X');
    // A file without fileSize is still a file: a missing size never means "no content".
    expect(parsed.documents?.[1]?.files[0]?.fileSize).toBeUndefined();
  });

  it('keep an activity whose type sits under a field the client does not know', () => {
    const parsed = MessageSchema.parse(
      message({ userActivities: [{ aktivitetstype_x: 'FORWARDED', messageId: 'm2' }] }),
    );
    expect(parsed.userActivities).toEqual([{ aktivitetstype_x: 'FORWARDED', messageId: 'm2' }]);
    expect(parsed.userActivities?.[0]?.userActivityType).toBeUndefined();
  });

  it('keep folders of unknown types, and summary rows without counts', () => {
    expect(FolderSchema.parse({ id: 'f', version: 0, folderType: 'ARKIV_X', name: 'Arkiv' }).folderType).toBe(
      'ARKIV_X',
    );
    expect(FolderSummaryEntrySchema.parse({ folderId: 'f', folderType: 'INBOX', name: '' })).toEqual({
      folderId: 'f',
      folderType: 'INBOX',
      name: '',
    });
  });

  it('keep a push subscription of an unknown provider', () => {
    const access = AccessSchema.parse({
      id: 'a',
      version: 0,
      accessType: 'OWNER',
      mailboxId: 'mb',
      pushNotificationSubscriptions: [{ providerType: 'HMS_X', deviceId: 'd', deviceToken: 't' }],
    });
    expect(access.pushNotificationSubscriptions?.[0]?.providerType).toBe('HMS_X');
  });

  it('read a printed null legallyNotified as not notified', () => {
    expect(MessageSchema.parse(message({ legallyNotified: null })).legallyNotified).toBe(false);
  });
});

describe('reading what is printed', () => {
  it('treats any document that is not MAIN as an attachment, whatever its type is called', () => {
    expect(isAttachmentDocument({ documentType: 'MAIN' })).toBe(false);
    expect(isAttachmentDocument({ documentType: 'ADDITIONAL' })).toBe(true);
    expect(isAttachmentDocument({ documentType: 'BILAG_X' })).toBe(true);
  });

  it('recognises a draft by its DRAFTS folder when messageState is absent', () => {
    expect(effectiveMessageState({ folderId: 'f' }, 'DRAFTS')).toBe('DRAFT');
    expect(effectiveMessageState({ folderId: 'f' }, 'SENT')).toBe('SENT');
    expect(effectiveMessageState({ folderId: 'f' }, 'INBOX')).toBe('RECEIVED');
    expect(effectiveMessageState({ folderId: 'f' }, 'USER_DEFINED')).toBeUndefined();
    expect(effectiveMessageState({ folderId: 'f', messageState: 'SENT' }, 'DRAFTS')).toBe('SENT');
  });

  it('knows a forkyndelse only by the assumed marker, never by its absence', () => {
    expect(isMarkedLegalNotification(MessageSchema.parse(message({ legalNotification: true })))).toBe(true);
    expect(isMarkedLegalNotification(MessageSchema.parse(message()))).toBe(false);
  });

  it('reads opting out and a verified number from the printed fields first', () => {
    expect(isOptedOut({ optedOutOfNotificationsDateTime: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(isOptedOut({ optedOutOfNotificationsDateTime: null, optOut: true })).toBe(false);
    expect(isOptedOut({ optOut: true })).toBe(true);
    expect(isOptedOut({})).toBe(false);
    expect(isSmsConfirmed({ confirmationTime: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(isSmsConfirmed({ confirmationTime: null, verified: true })).toBe(true);
    expect(isSmsConfirmed({})).toBe(false);
  });
});
