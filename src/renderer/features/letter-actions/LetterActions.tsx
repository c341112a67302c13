import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readMessageActions, type DocumentAction } from '../../../shared/dp/document-actions';
import type { Message } from '../../../shared/dp/resources';
import { formatDateTime } from '../../i18n';
import { dp } from '../../lib/api';
import { startDownload } from '../../lib/download';
import { toUiError, useUiErrorText, type UiError } from '../../lib/ui-error';
import { useAppStore } from '../../store';
import './letter-actions.css';

type Feedback = { kind: 'error'; error: UiError } | { kind: 'done'; text: string } | null;

/**
 * A letter's actions above the reading pane (shape guessed: DOCUMENT_ACTION_SHAPE). Links are https only and leave
 * through app.openExternal, which asks first (main's dialog, or the page's in browser mode); an appointment goes to a
 * calendar file main builds. Nothing is shown for actions the reader cannot make out.
 */
export function LetterActions({ message }: { message: Message }) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  const mailboxId = useAppStore((s) => s.selectedMailboxId);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const actions = readMessageActions(message);
  if (actions.length === 0) return null;

  const openLink = async (url: string) => {
    setFeedback(null);
    try {
      await dp().app.openExternal({ url });
    } catch (e) {
      setFeedback({ kind: 'error', error: toUiError(e) });
    }
  };
  const addToCalendar = async (a: DocumentAction) => {
    if (!mailboxId) return;
    setFeedback(null);
    try {
      const result = await dp().actions.calendar({
        mailboxId,
        messageId: message.id,
        documentId: a.documentId,
        index: a.index,
      });
      if (result.downloadPath) {
        startDownload(result.downloadPath);
        setFeedback({ kind: 'done', text: t('letterActions.calendarDownloading') });
      } else if (result.saved) {
        setFeedback({ kind: 'done', text: t('letterActions.calendarSaved') });
      }
    } catch (e) {
      setFeedback({ kind: 'error', error: toUiError(e) });
    }
  };

  return (
    <section className="letter-actions" aria-label={t('letterActions.region')}>
      <ul>
        {actions.map((a) => (
          <ActionItem
            key={`${a.documentId}:${a.index}`}
            action={a}
            onOpen={(url) => void openLink(url)}
            onCalendar={() => void addToCalendar(a)}
          />
        ))}
      </ul>
      {feedback?.kind === 'error' && (
        <p className="error" role="alert">
          {say(feedback.error)}
        </p>
      )}
      {feedback?.kind === 'done' && (
        <p className="muted" role="status">
          {feedback.text}
        </p>
      )}
    </section>
  );
}

const DEFAULT_LABEL = {
  payment: 'letterActions.pay',
  selfService: 'letterActions.selfService',
  appointment: 'letterActions.appointment',
  other: 'letterActions.other',
} as const;

function ActionItem({
  action: a,
  onOpen,
  onCalendar,
}: {
  action: DocumentAction;
  onOpen: (url: string) => void;
  onCalendar: () => void;
}) {
  const { t } = useTranslation();
  const label = a.label || t(DEFAULT_LABEL[a.kind]);
  return (
    <li className={`letter-action ${a.kind}`}>
      {a.url ? (
        <button type="button" className="primary" onClick={() => onOpen(a.url!)}>
          {label}
        </button>
      ) : (
        <span className="action-label">{label}</span>
      )}
      {a.kind === 'appointment' && a.start && (
        <>
          <span className="action-detail">
            {t('letterActions.when')}: {formatDateTime(a.start)}
            {a.end ? ` – ${formatDateTime(a.end)}` : ''}
          </span>
          {a.place && (
            <span className="action-detail">
              {t('letterActions.where')}: {a.place}
            </span>
          )}
          <button type="button" onClick={onCalendar} aria-label={t('letterActions.addToCalendarFor', { label })}>
            {t('letterActions.addToCalendar')}
          </button>
        </>
      )}
      {a.deadline && (
        <span className="action-detail deadline">
          {t('letterActions.deadline', { date: formatDateTime(a.deadline) })}
        </span>
      )}
      {a.status && (
        <span className="action-detail muted">
          {t('letterActions.status')}: {a.status}
        </span>
      )}
    </li>
  );
}
