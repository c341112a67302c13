import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { da } from '../i18n/da';
import { accessLabel, mailboxName, ownerTypeLabel } from './mailbox-name';
import { isDraftIn } from './message-state';

beforeAll(async () => {
  await i18next.init({ lng: 'da', resources: { da: { translation: da } } });
});
const t = i18next.t.bind(i18next);

const mailbox = (over: Partial<Parameters<typeof mailboxName>[1]> = {}) => ({
  id: 'c2a61e4f-0000-4000-8000-000000000000',
  ownerName: '',
  own: false,
  accessType: 'OWNER',
  ...over,
});

describe('mailboxName', () => {
  it('uses the owner name where Digital Post sent one', () => {
    expect(mailboxName(t, mailbox({ ownerName: 'Karl Testersen' }), 'Lone')).toBe('Karl Testersen');
  });
  it('names the own mailbox after the signed-in person when no owner name came', () => {
    expect(mailboxName(t, mailbox({ own: true }), 'Lone Defaultssen')).toBe('Lone Defaultssen');
  });
  it('names another mailbox by its access and a short id, with a neutral label for an unknown access type', () => {
    expect(mailboxName(t, mailbox({ accessType: 'FULL_POWER_OF_ATTORNEY' }), 'Lone')).toBe('Fuldmagt c2a61e4f');
    expect(mailboxName(t, mailbox({ accessType: 'FULDMAGT_X', ownerId: '010150****' }), 'Lone')).toBe(
      'Anden adgang 010150****',
    );
  });
  it('shows no raw key for owner or access types it does not know', () => {
    expect(accessLabel(t, 'MEDARBEJDER_X')).toBe('Anden adgang');
    expect(ownerTypeLabel(t, 'VIRKSOMHED_X')).toBeNull();
    expect(ownerTypeLabel(t, 'CITIZEN')).toBe('Borger');
  });
});

describe('isDraftIn', () => {
  const folders = [
    { folderId: 'd', folderType: 'DRAFTS', name: '' },
    { folderId: 'i', folderType: 'INBOX', name: '' },
  ];
  it('recognises a draft without messageState by its DRAFTS folder', () => {
    expect(isDraftIn({ folderId: 'd' }, folders)).toBe(true);
    expect(isDraftIn({ folderId: 'i' }, folders)).toBe(false);
    expect(isDraftIn({ folderId: 'i', messageState: 'DRAFT' }, folders)).toBe(true);
  });
});
