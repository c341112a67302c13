import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/ipc/app-error';
import { Modal } from '../../../components/Modal';
import { checkForward, formatMegabytes, type ComposeLimitsView, type ForwardFields } from '../lib/form-checks';

type Kind = ForwardFields['recipientIdType'];

export interface ForwardDialogProps {
  messageLabel: string;
  /** Bytes of the message's files, for the e-mail size limit. */
  messageBytes: number;
  defaultSenderLabel: string;
  limits: ComposeLimitsView;
  /** Resolves null when forwarded, else the refusals to show. */
  onForward(fields: ForwardFields): Promise<FieldError[] | null>;
  onClose(): void;
}

/** Forward to an e-mail address, a trusted person's CPR or an authority's CVR (§6.13.6–7), checked before sending. */
export function ForwardDialog({
  messageLabel,
  messageBytes,
  defaultSenderLabel,
  limits,
  onForward,
  onClose,
}: ForwardDialogProps) {
  const { t } = useTranslation();
  const recipientId = useId();
  const commentId = useId();
  const senderId = useId();
  const recipientLabelId = useId();
  const limitId = useId();
  const errorsId = useId();
  const [kind, setKind] = useState<Kind>('EMAIL');
  const [recipient, setRecipient] = useState('');
  const [comment, setComment] = useState('');
  const [senderLabel, setSenderLabel] = useState(defaultSenderLabel);
  const [recipientLabel, setRecipientLabel] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const fields: ForwardFields = {
    recipientIdType: kind,
    recipientId: recipient,
    comment,
    senderLabel,
    recipientLabel,
    messageBytes,
  };
  const tooBigForEmail = kind === 'EMAIL' && messageBytes > limits.maxEmailForwardBytes;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const local = checkForward(fields, limits);
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    const refused = await onForward(fields);
    setBusy(false);
    if (refused) setErrors(refused);
    else onClose();
  };

  const errorFor = (field: string) => errors.filter((x) => x.field === field);
  const recipientErrors = errorFor('recipientId');
  const kinds: { value: Kind; label: string }[] = [
    { value: 'EMAIL', label: t('compose.forwardEmail') },
    { value: 'CPR', label: t('compose.forwardCpr') },
    { value: 'CVR', label: t('compose.forwardCvr') },
  ];

  return (
    <Modal title={`${t('compose.forwardTitle')}: ${messageLabel}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="forward-form">
        <fieldset>
          <legend>{t('compose.forwardTo')}</legend>
          {kinds.map((k) => (
            <label key={k.value} className="radio-row">
              <input
                type="radio"
                name="forward-kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => {
                  setKind(k.value);
                  setErrors([]);
                }}
              />
              {k.label}
            </label>
          ))}
        </fieldset>
        {kind === 'EMAIL' && (
          <p id={limitId} className={tooBigForEmail ? 'error' : 'notice'}>
            {tooBigForEmail
              ? t('compose.forwardEmailTooBig', {
                  size: formatMegabytes(messageBytes),
                  max: formatMegabytes(limits.maxEmailForwardBytes),
                })
              : messageBytes > 0
                ? t('compose.forwardEmailLimit', {
                    size: formatMegabytes(messageBytes),
                    max: formatMegabytes(limits.maxEmailForwardBytes),
                  })
                : t('compose.forwardEmailLimitUnknown', { max: formatMegabytes(limits.maxEmailForwardBytes) })}
          </p>
        )}
        <label htmlFor={recipientId}>
          {kind === 'EMAIL' ? t('compose.forwardEmail') : kind === 'CPR' ? 'CPR-nummer' : 'CVR-nummer'}
        </label>
        <input
          id={recipientId}
          type={kind === 'EMAIL' ? 'email' : 'text'}
          inputMode={kind === 'EMAIL' ? 'email' : 'numeric'}
          autoComplete="off"
          value={recipient}
          aria-invalid={recipientErrors.length > 0 || undefined}
          aria-describedby={recipientErrors.length > 0 ? `${recipientId}-err` : kind === 'EMAIL' ? limitId : undefined}
          onChange={(e) => {
            setRecipient(e.target.value);
            setErrors((prev) => prev.filter((x) => x.field !== 'recipientId'));
          }}
        />
        {recipientErrors.length > 0 && (
          <span id={`${recipientId}-err`} className="field-error">
            {recipientErrors.map((x) => x.message).join(' ')}
          </span>
        )}
        <label htmlFor={recipientLabelId}>{t('compose.forwardRecipientLabel')}</label>
        <input id={recipientLabelId} value={recipientLabel} onChange={(e) => setRecipientLabel(e.target.value)} />
        <label htmlFor={commentId}>{t('compose.forwardComment')}</label>
        <textarea
          id={commentId}
          rows={4}
          value={comment}
          aria-describedby={`${commentId}-left`}
          onChange={(e) => setComment(e.target.value)}
        />
        <span id={`${commentId}-left`} className="muted small">
          {t('compose.charsLeft', { count: limits.maxForwardCommentLength - comment.length })}
        </span>
        <label htmlFor={senderId}>{t('compose.forwardSenderLabel')}</label>
        <input id={senderId} value={senderLabel} onChange={(e) => setSenderLabel(e.target.value)} />
        {errors.length > 0 && (
          <div id={errorsId} className="error" role="alert">
            <ul className="plain-list">
              {errors.map((x) => (
                <li key={`${x.code}:${x.message}`}>{x.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('compose.forwardSend')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
