import type { FieldError } from '../../shared/ipc/app-error';
import { DpHttpError } from '../http/dp-error';
import { dpErrorMessage } from '../../shared/dp/error-codes';

// Danish messages come from the shared §13.4.1 table; the few conditions §13.4.1 names no code for get a code of
// our own here (one place, so they are easy to spot).
const SANDBOX_ONLY_MESSAGES: Record<string, string> = {
  'message.send.recipient.required': 'Modtager skal udfyldes ved afsendelse.',
  'message.delete.state.not.allowed': 'Kun kladder kan slettes. Denne meddelelse er i tilstanden {0}.',
  'message.update.state.not.allowed': 'Feltet {0} kan kun ændres på kladder.',
  'message.update.deleted.not.allowed': 'En partsrepræsentant kan ikke ændre meddelelser i mappen Slettet.',
  'message.update.legallyNotified.irreversible': 'En forkyndelse kan ikke gøres uforkyndt.',
  'message.recipient.cvr.notFound': 'CVR-nummeret {0} findes ikke i Digital Post.',
  'request.body.invalid': 'Forespørgslen har ugyldigt indhold.',
  'request.field.unknown': 'Feltet {0} findes ikke.',
  'request.field.type': 'Feltet {0} har en ugyldig værdi.',
  'search.value.size': 'Søgeværdien må højst være 100 tegn.',
};

export const errorMessage = (code: string, args: readonly unknown[] = []): string => {
  const local = SANDBOX_ONLY_MESSAGES[code];
  const strings = args.map((a) => (typeof a === 'number' ? a : String(a)));
  if (local === undefined) return dpErrorMessage(code, ...strings);
  return local.replace(/\{(\d+)\}/g, (_m, index: string) => String(args[Number(index)] ?? ''));
};

export const fieldError = (
  code: string,
  options: { resource?: string; field?: string; rejectedValue?: unknown; args?: readonly unknown[] } = {},
): FieldError => ({
  resource: options.resource ?? 'message',
  ...(options.field !== undefined ? { field: options.field } : {}),
  code,
  message: errorMessage(code, options.args),
  ...(options.rejectedValue !== undefined ? { rejectedValue: options.rejectedValue } : {}),
});

/** The usual field error: which field, the value refused, and that value as the message's `{0}`. */
export const rejected = (code: string, field: string, value: unknown, resource?: string): FieldError =>
  fieldError(code, { field, rejectedValue: value, args: [value], ...(resource !== undefined ? { resource } : {}) });

export const dpError = (
  status: number,
  message: string,
  fieldErrors: FieldError[] = [],
  headers: Record<string, string> = {},
) => new DpHttpError(status, message, fieldErrors, headers);

/** 400 with one field error: the common shape of a rejected update. */
export const validation = (summary: string, ...errors: FieldError[]) =>
  dpError(400, `ValidationException: ${summary}`, errors);

export const notFound = (what: string, id: string) =>
  dpError(404, `NotFoundException: ${what} with id ${id} was not found`, []);
export const forbidden = (why: string) => dpError(403, `AccessDeniedException: ${why}`, []);
