import type { AppErrorCode } from '../../shared/ipc/app-error';

// Keyed by the code strings, which never change once shipped. Both tables are `Record<AppErrorCode, string>`, so a
// code listed in APP_ERROR_CODES without a text here (or a text for a code no longer raised) is a compile error.
const DA: Record<AppErrorCode, string> = {
  'app.action.unavailable': 'Handlingen findes ikke længere i brevet, eller den mangler et tidspunkt.',
  'app.auth.access-denied': 'Login blev afvist.',
  'app.archive.unavailable': 'Det lokale arkiv kan ikke bruges på denne computer.',
  'app.archive.nothing-to-export': 'Arkivet har ingen af de valgte breve helt, så der er intet at eksportere.',
  'app.auth.invalid-client':
    'Digital Post kender ikke klientregistreringen. Kontrollér klient-id og hemmelighed i indstillingerne.',
  'app.auth.login-cancelled': 'Login blev annulleret.',
  'app.auth.login-timeout': 'Login tog for lang tid. Prøv igen.',
  'app.auth.no-registration': 'Der er ingen klientregistrering for dette miljø. Udfyld den i indstillingerne.',
  'app.auth.not-logged-in': 'Du er ikke logget ind.',
  'app.auth.redirect-port-busy': 'Porten i redirect-adressen bruges af et andet program. Luk det, og prøv igen.',
  'app.auth.redirect-unusable': 'Redirect-adressen i indstillingerne kan ikke modtage login her.',
  'app.auth.state-mismatch': 'Login kunne ikke gennemføres sikkert. Prøv igen.',
  'app.compose.document-missing': 'Bilaget findes ikke længere på kladden.',
  'app.compose.journal-entry-missing': 'Der er ingen gemt kladde at gendanne.',
  'app.compose.main-document': 'Hoveddokumentet kan ikke ændres som et bilag.',
  'app.compose.no-html-main': 'Kladden har intet tekstdokument, der kan redigeres her.',
  'app.compose.not-draft': 'Kladden er allerede sendt eller slettet.',
  'app.compose.recipient-required': 'Vælg en modtager, før meddelelsen sendes.',
  'app.compose.label.size': 'Emnet er for langt.',
  'app.compose.unsaved': 'Kladden er ikke gemt endnu. Vent et øjeblik, og prøv igen.',
  'app.compose.upload-cancelled': 'Vedhæftningen blev annulleret.',
  'app.conflict': 'Beskeden blev ændret et andet sted. Prøv igen.',
  'app.file.mark-failed': 'Filen kunne ikke mærkes som hentet fra internettet, så den blev ikke gemt.',
  'app.file.open-refused':
    'Filer af denne type åbnes ikke direkte, fordi de kan køre kode på computeren. Brug Gem som…',
  'app.folder.move.into.itself': 'En mappe kan ikke flyttes ind i sig selv.',
  'app.internal': 'Der opstod en fejl i programmet.',
  'app.ipc.forbidden-sender': 'Forespørgslen kom ikke fra programmets eget vindue og blev afvist.',
  'app.ipc.invalid-request': 'Programmet sendte en ugyldig forespørgsel.',
  'app.ipc.unknown-channel': 'Programmet bad om noget, det ikke kender.',
  'app.message.delete.not.draft': 'Kun kladder kan slettes.',
  'app.network': 'Der er ingen forbindelse til Digital Post. Prøv igen.',
  'app.query.date.invalid': 'Ugyldig dato.',
  'app.rate-limited': 'For mange forespørgsler lige nu. Vent lidt og prøv igen.',
};

const EN: Record<AppErrorCode, string> = {
  'app.action.unavailable': 'The action is no longer in the letter, or it has no time.',
  'app.auth.access-denied': 'The login was refused.',
  'app.archive.unavailable': 'The local archive cannot be used on this computer.',
  'app.archive.nothing-to-export':
    'The archive holds none of the chosen letters completely, so there is nothing to export.',
  'app.auth.invalid-client':
    'Digital Post does not recognise the client registration. Check the client id and secret in the settings.',
  'app.auth.login-cancelled': 'The login was cancelled.',
  'app.auth.login-timeout': 'The login took too long. Try again.',
  'app.auth.no-registration': 'There is no client registration for this environment. Fill it in in the settings.',
  'app.auth.not-logged-in': 'You are not logged in.',
  'app.auth.redirect-port-busy': 'Another program is using the port of the redirect address. Close it and try again.',
  'app.auth.redirect-unusable': 'The redirect address in the settings cannot receive the login here.',
  'app.auth.state-mismatch': 'The login could not be completed safely. Try again.',
  'app.compose.document-missing': 'The attachment is no longer on the draft.',
  'app.compose.journal-entry-missing': 'There is no saved draft to restore.',
  'app.compose.main-document': 'The main document cannot be changed as an attachment.',
  'app.compose.no-html-main': 'The draft has no text document that can be edited here.',
  'app.compose.not-draft': 'The draft has already been sent or deleted.',
  'app.compose.recipient-required': 'Choose a recipient before sending the message.',
  'app.compose.label.size': 'The subject is too long.',
  'app.compose.unsaved': 'The draft is not saved yet. Wait a moment and try again.',
  'app.compose.upload-cancelled': 'The upload was cancelled.',
  'app.conflict': 'The message was changed elsewhere. Try again.',
  'app.file.mark-failed': 'The file could not be marked as downloaded from the internet, so it was not saved.',
  'app.file.open-refused': 'Files of this type are not opened directly, because they can run code. Use Save as…',
  'app.folder.move.into.itself': 'A folder cannot be moved into itself.',
  'app.internal': 'Something went wrong in the app.',
  'app.ipc.forbidden-sender': "The request did not come from the app's own window and was refused.",
  'app.ipc.invalid-request': 'The app sent an invalid request.',
  'app.ipc.unknown-channel': 'The app asked for something it does not know.',
  'app.message.delete.not.draft': 'Only drafts can be deleted.',
  'app.network': 'There is no connection to Digital Post. Try again.',
  'app.query.date.invalid': 'Invalid date.',
  'app.rate-limited': 'Too many requests right now. Wait a moment and try again.',
};

export const APP_ERROR_TEXTS: Readonly<Record<'da' | 'en', Readonly<Record<AppErrorCode, string>>>> = {
  da: DA,
  en: EN,
};

export const isAppErrorCode = (code: string): code is AppErrorCode => Object.prototype.hasOwnProperty.call(DA, code);

/**
 * Codes whose `message` from main is not the app's own sentence (an identity provider's description, a network
 * stack's wording): the table's text is shown instead in both languages. For every other app code main writes a
 * Danish sentence with the specifics filled in (a file's format, a port), which the Danish UI keeps.
 */
export const FIXED_WORDING: ReadonlySet<string> = new Set<AppErrorCode>([
  'app.auth.not-logged-in',
  'app.auth.login-cancelled',
  'app.auth.login-timeout',
  'app.auth.access-denied',
  'app.auth.state-mismatch',
  'app.network',
  'app.conflict',
  'app.rate-limited',
  'app.internal',
]);

/**
 * `app.http.<status>`: a Digital Post answer without a code of its own. Main words it in Danish by status, which the
 * Danish UI shows; the English UI says the same by status here.
 */
const HTTP_EN: Readonly<Record<number, string>> = {
  400: 'Digital Post refused the request.',
  403: 'You do not have access to this.',
  404: 'It was not found in Digital Post.',
  413: 'The file or message is too large.',
};

export const httpStatusOf = (code: string): number | undefined => {
  const m = /^app\.http\.(\d{3})$/.exec(code);
  return m ? Number(m[1]) : undefined;
};

export const httpStatusTextEn = (status: number): string =>
  HTTP_EN[status] ??
  (status >= 500 ? 'Digital Post is not answering right now. Try again later.' : 'Digital Post refused the request.');

/** Danish where main sent no sentence of its own. */
export const HTTP_FALLBACK_DA = 'Digital Post afviste forespørgslen.';
