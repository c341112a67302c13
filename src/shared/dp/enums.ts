import { z } from 'zod';
import { ACCESS_TYPES, DOCUMENT_TYPES, OWNER_TYPES } from './assumptions';

// Enum values printed in the Technical Integration document are typed literals; every enum is open, though: a value
// the client does not know is kept as a string and shown neutrally, so it never drops a mailbox, message or file.
// The spellings the document does not print live in assumptions.ts.

/** A printed literal, or any other string Digital Post may send (kept, shown neutrally). */
export type Open<T extends string> = T | (string & {});

/** `z.union([z.enum(printed), z.string()])`, typed so the printed literals still autocomplete and narrow. */
export const openEnum = <const T extends readonly [string, ...string[]]>(printed: T) =>
  z.union([z.enum(printed), z.string()]) as unknown as z.ZodType<Open<T[number]>, Open<T[number]>>;

/** Narrows an open value to one of the given literals. */
export const isOneOf = <const T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export const FOLDER_TYPES = ['INBOX', 'DRAFTS', 'SENT', 'DELETED', 'USER_DEFINED'] as const;
export const FolderTypeSchema = openEnum(FOLDER_TYPES);
export type FolderType = z.infer<typeof FolderTypeSchema>;
export type KnownFolderType = (typeof FOLDER_TYPES)[number];
export const STANDARD_FOLDER_TYPES = ['INBOX', 'DRAFTS', 'SENT', 'DELETED'] as const satisfies readonly FolderType[];
export const isKnownFolderType = (t: string): t is KnownFolderType => isOneOf(FOLDER_TYPES, t);

export const MESSAGE_STATES = ['RECEIVED', 'DRAFT', 'SENT'] as const;
export const MessageStateSchema = openEnum(MESSAGE_STATES);
export type MessageState = z.infer<typeof MessageStateSchema>;

export const MessageTypeSchema = openEnum(['REGULAR']);

/** Only MAIN is printed (§6 examples); any other documentType is an attachment, whatever it is called. */
export const DocumentTypeSchema = openEnum(['MAIN']);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
export const isMainDocument = (d: { documentType: string }): boolean => d.documentType === 'MAIN';
/** The spelling the client sends for an attachment it creates (a guess, see assumptions.ts). */
export const ATTACHMENT_DOCUMENT_TYPE = DOCUMENT_TYPES.values.ADDITIONAL;

export const RECIPIENT_ID_TYPES = ['CPR', 'CVR', 'EMAIL'] as const;
export const RecipientIdTypeSchema = openEnum(RECIPIENT_ID_TYPES);
export type RecipientIdType = z.infer<typeof RecipientIdTypeSchema>;
export const SenderIdTypeSchema = openEnum(['CPR', 'CVR']);

/** Only OWNER is printed (§6.9.1, §8.5.1); the other roles' spellings are assumptions. */
export const AccessTypeSchema = openEnum(['OWNER']);
export type AccessType = z.infer<typeof AccessTypeSchema>;
/** OWNER plus the assumed spellings: what the sandbox deals out and the app has words for. */
export const KNOWN_ACCESS_TYPES = ['OWNER', ...Object.values(ACCESS_TYPES.values)] as const;

/** CITIZEN is printed (§8.5.1); the company spelling is an assumption. */
export const OwnerTypeSchema = openEnum(['CITIZEN']);
export type OwnerType = z.infer<typeof OwnerTypeSchema>;
export const COMPANY_OWNER_TYPE = OWNER_TYPES.values.COMPANY;

/** REPLIED and FORWARDED are printed in the service table (§6.1). */
export const UserActivityTypeSchema = openEnum(['REPLIED', 'FORWARDED']);

/** APN and FCM are printed in §8.5.1. */
export const PushProviderTypeSchema = openEnum(['APN', 'FCM']);

// Closed sets for code that owns the values it holds (the sandbox's records, what the client itself creates): the
// printed literals plus the spellings assumed in assumptions.ts.
export type KnownMessageState = (typeof MESSAGE_STATES)[number];
export const KNOWN_DOCUMENT_TYPES = [
  'MAIN',
  DOCUMENT_TYPES.values.ADDITIONAL,
  DOCUMENT_TYPES.values.TECHNICAL,
] as const;
export type KnownDocumentType = (typeof KNOWN_DOCUMENT_TYPES)[number];
export const KnownDocumentTypeSchema = z.enum(KNOWN_DOCUMENT_TYPES);
export type KnownAccessType = (typeof KNOWN_ACCESS_TYPES)[number];
export const KnownAccessTypeSchema = z.enum(KNOWN_ACCESS_TYPES);
export const KNOWN_OWNER_TYPES = ['CITIZEN', COMPANY_OWNER_TYPE] as const;
export type KnownOwnerType = (typeof KNOWN_OWNER_TYPES)[number];
