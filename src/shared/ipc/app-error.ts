import { z } from 'zod';

/** One field-level problem, as Digital Post reports it in `fieldErrors[]` (§13.4.1). */
export const FieldErrorSchema = z.object({
  resource: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
  rejectedValue: z.unknown().optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * The only error shape that crosses the IPC boundary. `code` is Digital Post's own code where there is one
 * (e.g. `message.update.folderType.not.allowed`), otherwise one of the app's codes in APP_ERROR_CODES.
 * Never a stack trace.
 */
export const AppErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z.array(FieldErrorSchema).optional(),
  traceparent: z.string().optional(),
  /** HTTP status of the Digital Post response, when the error came from one. */
  status: z.number().int().optional(),
  /** On a 409: the version the server holds now, so the caller can refetch and reapply. */
  currentVersion: z.number().int().optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

/**
 * Every code the app itself raises (Digital Post's codes are used verbatim and are not listed here; nor are the
 * `app.http.<status>` codes a Digital Post answer without a code of its own is given). The renderer keys its Danish
 * and English texts by these strings, so they never change once shipped.
 */
export const APP_ERROR_CODES = {
  invalidRequest: 'app.ipc.invalid-request',
  unknownChannel: 'app.ipc.unknown-channel',
  forbiddenSender: 'app.ipc.forbidden-sender',
  notLoggedIn: 'app.auth.not-logged-in',
  loginCancelled: 'app.auth.login-cancelled',
  loginTimeout: 'app.auth.login-timeout',
  loginDenied: 'app.auth.access-denied',
  loginStateMismatch: 'app.auth.state-mismatch',
  /** The fixed loopback port of the registered redirect URI is taken by another program. */
  redirectPortBusy: 'app.auth.redirect-port-busy',
  /** The registered redirect URI cannot be received here (e.g. the app's own scheme in browser mode). */
  redirectUnusable: 'app.auth.redirect-unusable',
  /** Digital Post refused the client itself (`invalid_client`): client id or secret do not match the enrolment. */
  invalidClient: 'app.auth.invalid-client',
  /** The chosen environment has no client registration in the settings. */
  noRegistration: 'app.auth.no-registration',
  /** The draft was sent or deleted elsewhere, so it can no longer be edited. */
  composeNotDraft: 'app.compose.not-draft',
  /** A draft whose main document is not HTML cannot be edited in the editor. */
  composeNoHtmlMain: 'app.compose.no-html-main',
  /** Sending waits for the last edit to reach Digital Post. */
  composeUnsaved: 'app.compose.unsaved',
  composeUploadCancelled: 'app.compose.upload-cancelled',
  composeJournalEntryMissing: 'app.compose.journal-entry-missing',
  /** The main document is edited in the editor, never added or removed as an attachment. */
  composeMainDocument: 'app.compose.main-document',
  composeRecipientRequired: 'app.compose.recipient-required',
  composeDocumentMissing: 'app.compose.document-missing',
  /** The subject is longer than the composer's limit; Digital Post prints the limit but no code of its own for it. */
  composeLabelSize: 'app.compose.label.size',
  /** A field error: a folder cannot become its own descendant. */
  folderMoveIntoItself: 'app.folder.move.into.itself',
  /** A field error: only drafts may be deleted; anything else moves to the deleted folder. */
  messageDeleteNotDraft: 'app.message.delete.not.draft',
  /** A field error: a query date that is not yyyy-MM-dd. */
  queryDateInvalid: 'app.query.date.invalid',
  /** "Åbn" refused for a format the open policy does not allow. */
  fileOpenRefused: 'app.file.open-refused',
  /** A written file could not be given the Mark-of-the-Web, so it is not offered to the OS. */
  fileMarkFailed: 'app.file.mark-failed',
  /** A letter action that is gone, or has nothing main can act on (e.g. an appointment without a time). */
  actionUnavailable: 'app.action.unavailable',
  /** The local archive cannot be opened here (no secure key store, key gone, file unreadable, module missing). */
  archiveUnavailable: 'app.archive.unavailable',
  /** Nothing to export: the archive holds none of the chosen letters completely. */
  archiveNothingToExport: 'app.archive.nothing-to-export',
  network: 'app.network',
  conflict: 'app.conflict',
  rateLimited: 'app.rate-limited',
  internal: 'app.internal',
} as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[keyof typeof APP_ERROR_CODES];

/** Thrown on the renderer side of the bridge so callers can `catch` and still read the typed error. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppErrorException';
    this.error = error;
  }
  get code(): string {
    return this.error.code;
  }
}

export const isAppErrorException = (e: unknown): e is AppErrorException => e instanceof AppErrorException;

/** The envelope every channel answers with: errors are values, so their shape survives any transport. */
export const envelopeSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };
