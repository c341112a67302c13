// The composer's checks before any request, in Digital Post's own codes and Danish words, so a refusal the server
// would give is shown at once and the user's words never leave for a request that cannot succeed.
import { APP_ERROR_CODES, type FieldError } from '../../../../shared/ipc/app-error';
import { dpFieldError } from '../../../../shared/dp/error-codes';
import { isValidCpr, isValidCvr, isValidEmail, maskCpr, normaliseId } from '../../../../shared/dp/identifiers';

export interface ComposeLimitsView {
  maxLabelLength: number;
  maxForwardCommentLength: number;
  maxForwardLabelLength: number;
  maxEmailForwardBytes: number;
}

/** The values main reports (compose.limits); used until it has answered. */
export const DEFAULT_LIMITS: ComposeLimitsView = {
  maxLabelLength: 256,
  maxForwardCommentLength: 1000,
  maxForwardLabelLength: 256,
  maxEmailForwardBytes: 20 * 1024 * 1024,
};

/** An app code: Digital Post has no code of its own for an over-long message label, only the 256-character limit. */
export const LABEL_SIZE_CODE = APP_ERROR_CODES.composeLabelSize;

export interface SendFields {
  label: string;
  senderLabel: string;
  hasRecipient: boolean;
  hasContent: boolean;
  isReply: boolean;
}

export function checkLabel(label: string, limits: ComposeLimitsView): FieldError[] {
  if (label.length > limits.maxLabelLength) {
    return [{ code: LABEL_SIZE_CODE, field: 'label', message: `Emnet må højst være ${limits.maxLabelLength} tegn.` }];
  }
  return [];
}

/** What `…/send` would refuse (§6.13): label and sender label required, a recipient and a main document with content. */
export function checkBeforeSend(f: SendFields, limits: ComposeLimitsView): FieldError[] {
  const errors: FieldError[] = [];
  if (f.label.trim() === '')
    errors.push(dpFieldError('message.send.label.required', { resource: 'message', field: 'label' }));
  errors.push(...checkLabel(f.label, limits));
  if (f.senderLabel.trim() === '')
    errors.push(dpFieldError('message.send.sender.label.required', { resource: 'message', field: 'sender.label' }));
  if (!f.isReply && !f.hasRecipient) {
    errors.push(
      dpFieldError('message.create.forward.recipientId.notBlank', { resource: 'message', field: 'recipient' }),
    );
  }
  if (!f.hasContent) {
    errors.push(
      dpFieldError('message.send.documents.files.content.required', {
        resource: 'file',
        field: 'content',
        args: ['Besked'],
      }),
    );
  }
  return errors;
}

export type DirectRecipient = { recipientIdType: 'CPR' | 'CVR'; recipientId: string };

/** A CVR (8 digits) or CPR (10 digits with a date) typed straight into the recipient field; null for a search term. */
export function parseDirectRecipient(input: string, allowCpr: boolean): DirectRecipient | FieldError | null {
  const id = normaliseId(input.trim());
  if (!/^\d+$/.test(id)) return null;
  if (id.length === 8) {
    return isValidCvr(id)
      ? { recipientIdType: 'CVR', recipientId: id }
      : dpFieldError('message.recipient.recipientId.cvr.invalid', { field: 'recipient.recipientId', args: [id] });
  }
  if (id.length === 10 && allowCpr) {
    return isValidCpr(id)
      ? { recipientIdType: 'CPR', recipientId: id }
      : dpFieldError('message.recipient.recipientId.cpr.invalid', {
          field: 'recipient.recipientId',
          args: [maskCpr(id)],
        });
  }
  if (id.length === 10)
    return dpFieldError('message.recipient.recipientIdType.invalid', {
      field: 'recipient.recipientIdType',
      args: ['CPR'],
    });
  return dpFieldError('message.recipient.recipientId.cvr.invalid', { field: 'recipient.recipientId', args: [id] });
}

export interface ForwardFields {
  recipientIdType: 'EMAIL' | 'CPR' | 'CVR';
  recipientId: string;
  comment: string;
  senderLabel: string;
  recipientLabel: string;
  /** Bytes of the message's files (only e-mail forwarding has a size limit). */
  messageBytes: number;
}

export const formatMegabytes = (bytes: number): string =>
  `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1).replace('.', ',')} MB`;

/** The `message.create.forward.*` refusals (§6.13.6–7) before the request. */
export function checkForward(f: ForwardFields, limits: ComposeLimitsView): FieldError[] {
  const errors: FieldError[] = [];
  const field = { resource: 'forward', field: 'recipientId' };
  const id = f.recipientIdType === 'EMAIL' ? f.recipientId.trim() : normaliseId(f.recipientId);
  if (id === '') errors.push(dpFieldError('message.create.forward.recipientId.notBlank', field));
  else if (f.recipientIdType === 'EMAIL' && !isValidEmail(id))
    errors.push(dpFieldError('message.create.forward.recipientId.email.invalid', { ...field, args: [id] }));
  else if (f.recipientIdType === 'CPR' && !isValidCpr(id))
    errors.push(dpFieldError('message.create.forward.recipientId.cpr.invalid', { ...field, args: [maskCpr(id)] }));
  else if (f.recipientIdType === 'CVR' && !isValidCvr(id))
    errors.push(dpFieldError('message.create.forward.recipientId.cvr.invalid', { ...field, args: [id] }));
  if (f.comment.length > limits.maxForwardCommentLength) {
    errors.push(
      dpFieldError('message.create.forward.comment.size', {
        field: 'comment',
        args: ['kommentar', limits.maxForwardCommentLength],
      }),
    );
  }
  if (f.senderLabel.length > limits.maxForwardLabelLength) {
    errors.push(
      dpFieldError('message.create.forward.senderLabel.size', {
        field: 'senderLabel',
        args: ['afsendernavn', limits.maxForwardLabelLength],
      }),
    );
  }
  if (f.recipientLabel.length > limits.maxForwardLabelLength) {
    errors.push(
      dpFieldError('message.create.forward.recipientLabel.size', {
        field: 'recipientLabel',
        args: ['modtagernavn', limits.maxForwardLabelLength],
      }),
    );
  }
  if (f.recipientIdType === 'EMAIL' && f.messageBytes > limits.maxEmailForwardBytes) {
    errors.push(
      dpFieldError('message.create.forward.size.exceeds.allowed.size', {
        field: 'documents',
        args: [formatMegabytes(f.messageBytes), formatMegabytes(limits.maxEmailForwardBytes)],
      }),
    );
  }
  return errors;
}
