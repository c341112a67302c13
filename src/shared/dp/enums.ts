import { z } from 'zod';

// Enum values printed in the Technical Integration document are used verbatim. Where the document names a value
// without printing its spelling, the choice made here is the only one in the project (see each comment).

export const FolderTypeSchema = z.enum(['INBOX', 'DRAFTS', 'SENT', 'DELETED', 'USER_DEFINED']);
export type FolderType = z.infer<typeof FolderTypeSchema>;
export const STANDARD_FOLDER_TYPES = ['INBOX', 'DRAFTS', 'SENT', 'DELETED'] as const satisfies readonly FolderType[];

export const MessageStateSchema = z.enum(['RECEIVED', 'DRAFT', 'SENT']);
export type MessageState = z.infer<typeof MessageStateSchema>;

export const MessageTypeSchema = z.enum(['REGULAR']);

/** §13.1 names main, additional and technical documents; only MAIN is printed. ADDITIONAL/TECHNICAL are our spelling. */
export const DocumentTypeSchema = z.enum(['MAIN', 'ADDITIONAL', 'TECHNICAL']);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

export const RecipientIdTypeSchema = z.enum(['CPR', 'CVR', 'EMAIL']);
export type RecipientIdType = z.infer<typeof RecipientIdTypeSchema>;
export const SenderIdTypeSchema = z.enum(['CPR', 'CVR']);

/**
 * §6.1 lists the roles that reach a mailbox (Borger, Læse- og skriveadgang (Full power of attorney),
 * Partsrepræsentant (læser), Kurator / bobestyrer, DP Medarbejder…); only OWNER is printed as an accessType.
 * The other spellings are ours.
 */
export const AccessTypeSchema = z.enum([
  'OWNER',
  'FULL_POWER_OF_ATTORNEY',
  'LEGAL_REPRESENTATIVE_READER',
  'ESTATE_ADMINISTRATOR',
  'EMPLOYEE',
]);
export type AccessType = z.infer<typeof AccessTypeSchema>;

/** CITIZEN is printed (§8.5.1); COMPANY is our spelling for a CVR-owned mailbox. */
export const OwnerTypeSchema = z.enum(['CITIZEN', 'COMPANY']);
export type OwnerType = z.infer<typeof OwnerTypeSchema>;

export const UserActivityTypeSchema = z.enum(['REPLIED', 'FORWARDED']);

export const PushProviderTypeSchema = z.enum(['APN', 'FCM']);

/** What each access type may do; a legal representative reader gets no write actions (§6.1 roles, §6.13.5). */
export const ACCESS_CAPABILITIES: Record<
  AccessType,
  { write: boolean; moveToDeleted: boolean; manageNotifications: boolean }
> = {
  OWNER: { write: true, moveToDeleted: true, manageNotifications: true },
  FULL_POWER_OF_ATTORNEY: { write: true, moveToDeleted: true, manageNotifications: true },
  LEGAL_REPRESENTATIVE_READER: { write: false, moveToDeleted: false, manageNotifications: true },
  ESTATE_ADMINISTRATOR: { write: false, moveToDeleted: false, manageNotifications: true },
  EMPLOYEE: { write: true, moveToDeleted: true, manageNotifications: false },
};
