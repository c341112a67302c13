import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftFormat, DraftRecipient } from '../../../../shared/ipc/channels/compose';
import type { ComposeSession } from '../store';
import { ConfirmDialog } from '../../../components/Modal';
import { useUiErrorText, type UiError } from '../../../lib/ui-error';
import { attachErrorText } from '../lib/attach-error-text';
import { LABEL_SIZE_CODE } from '../lib/form-checks';
import { RichTextEditor } from '../editor/RichTextEditor';
import { AttachmentList } from './AttachmentList';
import { ConflictView } from './ConflictView';
import { HtmlImport } from './HtmlImport';
import { RecipientPicker } from './RecipientPicker';
import { SaveStatusLine } from './SaveStatusLine';
import { useOfflineDisabled } from '../../archive/offline';
import { useFileDrop } from '../hooks/useFileDrop';
import '../compose.css';

export interface ComposeActions {
  setHtml(html: string): void;
  replaceContent(html: string): void;
  setText(text: string): void;
  setFormat(format: DraftFormat): void;
  setFields(fields: { label?: string; senderLabel?: string }): void;
  setRecipient(recipient: DraftRecipient | null, name: string): void;
  flush(): void;
  retry(): void;
  resolveConflict(keep: 'local' | 'server'): void;
  send(): void;
  discard(): void;
  close(): void;
  attach(file: File): void;
  cancelUpload(uploadId: string): void;
  removeAttachment(documentId: string): void;
}

export interface ComposeDialogProps {
  session: ComposeSession;
  maxLabelLength: number;
  /** Whether a CPR may be typed as recipient (a company writing to a citizen). */
  allowCpr: boolean;
  actions: ComposeActions;
  /** No secure key store: unsent words are kept only until the app closes, which the user should know. */
  journalInMemory?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The composer: recipient, subject, sender name, the letter, attachments; autosaved, checked before send. */
export function ComposeDialog({
  session: s,
  maxLabelLength,
  allowCpr,
  actions,
  journalInMemory = false,
}: ComposeDialogProps) {
  const { t } = useTranslation();
  const errorText = useUiErrorText();
  const titleId = useId();
  const labelId = useId();
  const senderId = useId();
  const errorsId = useId();
  const textId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [changingRecipient, setChangingRecipient] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // Offline: writing goes on (the journal keeps it), sending waits for Digital Post.
  const needsDp = useOfflineDisabled();
  // Files dropped anywhere on the composer are attached the way "Vedhæft fil" attaches them.
  const drop = useFileDrop((files) => files.forEach((f) => actions.attach(f)));
  // The draft decides the mode: a text/plain main document reopens in "Ren tekst".
  const format = s.format;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    // Straight to the first thing to do: the recipient search, or (in a reply) the text above the quote.
    (
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE)
    )?.focus();
    return () => opener?.focus?.();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.stopPropagation();
      actions.close();
      return;
    }
    // Keeps Tab inside the composer, as a modal dialog must.
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const labelErrors = s.fieldErrors.filter((e) => e.field === 'label');
  const senderErrors = s.fieldErrors.filter((e) => e.field === 'sender.label');
  const otherErrors = s.fieldErrors.filter((e) => e.field !== 'label' && e.field !== 'sender.label');
  // The subject's length is the app's own check: worded from the UI's texts, with the limit shown.
  const fieldText = (errors: typeof s.fieldErrors) =>
    errors
      .map((e) => (e.code === LABEL_SIZE_CODE ? t('compose.labelTooLong', { max: maxLabelLength }) : errorText(e)))
      .join(' ');
  const sendErrorText = (e: UiError) => (e.fieldErrors ? fieldText(e.fieldErrors) : errorText(e));
  const showPicker = !s.isReply && (s.recipient === null || changingRecipient);
  const title = s.isReply ? `${t('compose.replyTitle')}: ${s.label}` : t('compose.newMessage');

  const switchFormat = (next: DraftFormat) => {
    if (next !== format) actions.setFormat(next);
  };

  return (
    <div className="compose-backdrop">
      <div
        ref={ref}
        className={`compose-dialog${drop.over ? ' drop-target' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        {...drop.handlers}
      >
        {drop.over && (
          <div className="compose-drop-hint" aria-hidden="true">
            {t('compose.dropHint')}
          </div>
        )}
        <div className="compose-header">
          <h2 id={titleId}>{title}</h2>
          <SaveStatusLine
            state={s.saveState}
            savedAt={s.savedAt}
            error={s.saveError && errorText(s.saveError)}
            onRetry={actions.retry}
          />
          <button type="button" onClick={actions.close}>
            {t('compose.close')}
          </button>
        </div>

        <div className="compose-body">
          {journalInMemory && (
            <p className="notice journal-memory" role="note">
              {t('compose.journalMemoryOnly')}
            </p>
          )}
          {s.restoredUnsaved && (
            <p className="notice" role="status">
              {t('compose.journalRestored')}
            </p>
          )}
          <fieldset className="compose-recipient">
            <legend>{s.isReply ? t('compose.recipient') : t('compose.writeToAuthority')}</legend>
            {!showPicker && (
              <p className="chosen-recipient">
                {t('compose.recipientChosen', { name: s.recipientName || s.draft.recipient?.recipientId || '' })}{' '}
                {s.isReply ? (
                  <span className="muted">{t('compose.recipientFixed')}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => setChangingRecipient(true)}>
                    {t('compose.recipientChange')}
                  </button>
                )}
              </p>
            )}
            {showPicker && (
              <RecipientPicker
                allowCpr={allowCpr}
                onChoose={(recipient, name) => {
                  actions.setRecipient(recipient, name);
                  setChangingRecipient(false);
                }}
              />
            )}
          </fieldset>

          <div className="compose-fields">
            <div className="compose-field">
              <label htmlFor={labelId}>{t('compose.label')}</label>
              <input
                id={labelId}
                value={s.label}
                readOnly={s.isReply}
                aria-invalid={labelErrors.length > 0 || undefined}
                aria-describedby={
                  labelErrors.length > 0 ? `${labelId}-err` : s.isReply ? `${labelId}-fixed` : undefined
                }
                onChange={(e) => actions.setFields({ label: e.target.value })}
                onBlur={actions.flush}
              />
              {s.isReply && (
                <span id={`${labelId}-fixed`} className="muted small">
                  {t('compose.labelFixed')}
                </span>
              )}
              {labelErrors.length > 0 && (
                <span id={`${labelId}-err`} className="field-error" role="alert">
                  {fieldText(labelErrors)}
                </span>
              )}
              {!s.isReply && s.label.length > maxLabelLength - 30 && (
                <span className="muted small">
                  {t('compose.charsLeft', { count: maxLabelLength - s.label.length })}
                </span>
              )}
            </div>
            <div className="compose-field">
              <label htmlFor={senderId}>{t('compose.senderLabel')}</label>
              <input
                id={senderId}
                value={s.senderLabel}
                aria-invalid={senderErrors.length > 0 || undefined}
                aria-describedby={senderErrors.length > 0 ? `${senderId}-err` : undefined}
                onChange={(e) => actions.setFields({ senderLabel: e.target.value })}
                onBlur={actions.flush}
              />
              {senderErrors.length > 0 && (
                <span id={`${senderId}-err`} className="field-error" role="alert">
                  {fieldText(senderErrors)}
                </span>
              )}
            </div>
          </div>

          <div className="compose-format-row">
            <div className="compose-format" role="radiogroup" aria-label={t('compose.format')}>
              <label className="radio-row">
                <input
                  type="radio"
                  name={`${titleId}-format`}
                  checked={format === 'html'}
                  onChange={() => switchFormat('html')}
                />
                {t('compose.formatHtml')}
              </label>
              <label className="radio-row">
                <input
                  type="radio"
                  name={`${titleId}-format`}
                  checked={format === 'text'}
                  onChange={() => switchFormat('text')}
                />
                {t('compose.formatText')}
              </label>
            </div>
            {format === 'html' && <HtmlImport onUse={actions.replaceContent} />}
          </div>

          {s.conflict && <ConflictView conflict={s.conflict} localHtml={s.html} onKeep={actions.resolveConflict} />}

          {format === 'html' ? (
            <RichTextEditor
              initialHtml={s.initialHtml}
              contentKey={s.contentKey}
              onChange={actions.setHtml}
              onBlur={actions.flush}
              autoFocus={s.isReply}
            />
          ) : (
            <div className="plain-editor">
              <label htmlFor={textId}>{t('compose.body')}</label>
              <textarea
                id={textId}
                rows={14}
                spellCheck
                lang="da"
                value={s.text}
                onChange={(e) => actions.setText(e.target.value)}
                onBlur={actions.flush}
              />
            </div>
          )}

          <AttachmentList
            attachments={s.draft.attachments}
            uploads={s.uploads}
            errors={s.attachErrors.map((e) => attachErrorText(e, t, errorText))}
            onAttach={actions.attach}
            onCancel={actions.cancelUpload}
            onRemove={actions.removeAttachment}
          />
        </div>

        <div className="compose-footer">
          {(s.sendError || otherErrors.length > 0) && (
            <div id={errorsId} className="error" role="alert">
              {s.sendError ? sendErrorText(s.sendError) : fieldText(otherErrors)}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="danger" onClick={() => setConfirmDiscard(true)}>
              {t('compose.discard')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={s.sending}
              aria-describedby={s.sendError ? errorsId : undefined}
              onClick={actions.send}
              {...needsDp}
            >
              {s.sending ? t('compose.sending') : t('compose.send')}
            </button>
          </div>
        </div>

        {confirmDiscard && (
          <ConfirmDialog
            title={t('compose.discardTitle')}
            text={t('compose.discardText')}
            confirmLabel={t('compose.discard')}
            cancelLabel={t('app.cancel')}
            onCancel={() => setConfirmDiscard(false)}
            onConfirm={() => {
              setConfirmDiscard(false);
              actions.discard();
            }}
          />
        )}
      </div>
    </div>
  );
}
