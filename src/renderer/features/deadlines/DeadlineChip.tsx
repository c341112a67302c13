import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upcomingDeadlineOf } from '../../../shared/dp/document-actions';
import type { Message } from '../../../shared/dp/resources';
import { formatDate } from '../../i18n';
import { shortDate } from './deadline-format';
import '../letter-actions/letter-actions.css';

/** "Frist 20.12." in a list row, for the soonest deadline of the letter not yet passed; nothing otherwise. */
export function DeadlineChip({ message }: { message: Message }) {
  const { t } = useTranslation();
  // The moment the row first showed: a row does not re-render by the clock, and "Frister" reloads anyway.
  const [now] = useState(Date.now);
  const deadline = upcomingDeadlineOf(message, now);
  if (!deadline) return null;
  return (
    <span className="marker deadline-chip" title={t('letterActions.deadline', { date: formatDate(deadline) })}>
      <span className="sr-only">, </span>
      {t('letterActions.deadline', { date: shortDate(deadline) })}
    </span>
  );
}
