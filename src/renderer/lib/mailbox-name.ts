import type { TFunction } from 'i18next';
import { KNOWN_ACCESS_TYPES, KNOWN_OWNER_TYPES, isOneOf } from '../../shared/dp/enums';
import type { MailboxView } from '../../shared/ipc/channels/mail';

// Digital Post prints no owner name on a mailbox (assumptions.ts, OWNER_NAME_FIELD), so a mailbox is named from what
// is known: the owner name where one came, your own name for your own mailbox, otherwise its access and a short id.

/** The access type in words; a type the app does not know gets a neutral label. */
export const accessLabel = (t: TFunction, accessType: string): string =>
  isOneOf(KNOWN_ACCESS_TYPES, accessType) ? t(`mailbox.access.${accessType}`) : t('mailbox.accessOther');

/** The owner type in words, or nothing for one the app does not know (nothing is better than a raw key). */
export const ownerTypeLabel = (t: TFunction, ownerType: string): string | null =>
  isOneOf(KNOWN_OWNER_TYPES, ownerType) ? t(`mailbox.ownerType.${ownerType}`) : null;

const shortId = (m: Pick<MailboxView, 'id' | 'ownerId'>): string => m.ownerId ?? m.id.slice(0, 8);

export const mailboxName = (
  t: TFunction,
  m: Pick<MailboxView, 'id' | 'ownerName' | 'ownerId' | 'own' | 'accessType'>,
  ownName: string | undefined,
): string => {
  if (m.ownerName) return m.ownerName;
  if (m.own && ownName) return ownName;
  return t('mailbox.unnamed', { access: accessLabel(t, m.accessType), id: shortId(m) });
};
