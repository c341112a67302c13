import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventView } from '../../../shared/ipc/channels/access';
import { DateField } from '../../components/DateField';
import { Modal } from '../../components/Modal';
import { dp } from '../../lib/api';
import { mailboxName } from '../../lib/mailbox-name';
import { toUiError, useUiErrorText, type UiError } from '../../lib/ui-error';
import { useAppStore } from '../../store';
import { defaultDays, rangeOf } from './range';
import { eventLogDa } from './i18n';
import '../access/access.css';

const SUBJECTS = Object.keys(eventLogDa.subjects);

interface Query {
  mailboxId: string;
  subject: string;
  dateFrom: string;
  dateTo: string;
}

/** Opens the letter an event names: its mailbox, then the letter (the store fetches it by id). */
async function openLetter(mailboxId: string, messageId: string): Promise<void> {
  const store = useAppStore.getState;
  if (store().selectedMailboxId !== mailboxId) await store().selectMailbox(mailboxId);
  await store().openMessage(messageId);
}

/**
 * "Hændelseslog": the events of a mailbox (or all the person may see) in a date range — three weeks unless chosen,
 * three months at most, refused before any request — by type, with a search in the events shown and "Vis flere".
 */
export function EventLogDialog({ onClose, ownName }: { onClose: () => void; ownName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const say = useUiErrorText();
  const mailboxes = useAppStore((s) => s.mailboxes);
  const selected = useAppStore((s) => s.selectedMailboxId);
  const initial = useMemo(() => defaultDays(new Date()), []);
  const [mailboxId, setMailboxId] = useState(selected ?? '');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [query, setQuery] = useState<Query | null>(null);
  const [events, setEvents] = useState<EventView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [gone, setGone] = useState<Set<string>>(new Set());
  const hintId = useId();

  const load = useCallback(async (q: Query, cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await dp().access.events({
        dateFrom: q.dateFrom,
        dateTo: q.dateTo,
        ...(q.mailboxId ? { mailboxId: q.mailboxId } : {}),
        ...(q.subject ? { subject: q.subject } : {}),
        ...(cursor ? { next: cursor } : {}),
      });
      setEvents((prev) => (cursor ? [...prev, ...page.events] : page.events));
      setNext(page.next);
      setTotal(page.total);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  const submit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      const range = rangeOf(from, to, new Date());
      if (!range.ok) {
        setError(range.error);
        return;
      }
      const q = { mailboxId, subject, dateFrom: range.dateFrom, dateTo: range.dateTo };
      setQuery(q);
      setEvents([]);
      setNext(null);
      void load(q);
    },
    [from, to, mailboxId, subject, load],
  );

  useEffect(() => {
    // The default three weeks load once on open; later ones on "Vis hændelser".
    const range = rangeOf(initial.from, initial.to, new Date());
    if (!range.ok) return;
    const q = { mailboxId: selected ?? '', subject: '', dateFrom: range.dateFrom, dateTo: range.dateTo };
    void Promise.resolve().then(() => {
      setQuery(q);
      return load(q);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const needle = text.trim().toLowerCase();
  const label = (e: EventView): string =>
    (e.eventTag && t(`eventLog.tags.${e.eventTag}`, { defaultValue: '' })) ||
    [e.subject, e.type].filter(Boolean).join(' · ') ||
    e.eventTag ||
    e.id;
  const shown = needle
    ? events.filter((e) =>
        [label(e), e.title, e.actor, e.subject, e.type, e.eventTag].some((v) => v?.toLowerCase().includes(needle)),
      )
    : events;
  const when = (iso: string | undefined) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
          dateStyle: 'short',
          timeStyle: 'short',
        })
      : '';

  const open = async (e: EventView) => {
    if (!e.mailboxId || !e.messageId) return;
    try {
      const { exists } = await dp().access.eventMessage({ mailboxId: e.mailboxId, messageId: e.messageId });
      if (!exists) {
        setGone((g) => new Set(g).add(e.messageId!));
        return;
      }
      onClose();
      await openLetter(e.mailboxId, e.messageId);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  return (
    <Modal title={t('eventLog.title')} onClose={onClose}>
      <div className="access-dialog">
        <form className="access-filters" aria-label={t('eventLog.filters')} onSubmit={submit}>
          <label>
            {t('eventLog.mailbox')}
            <select value={mailboxId} onChange={(e) => setMailboxId(e.target.value)}>
              <option value="">{t('eventLog.allMailboxes')}</option>
              {mailboxes.map((m) => (
                <option key={m.id} value={m.id}>
                  {mailboxName(t, m, ownName)}
                </option>
              ))}
            </select>
          </label>
          <DateField label={t('eventLog.from')} value={from} onChange={setFrom} describedBy={hintId} />
          <DateField label={t('eventLog.to')} value={to} onChange={setTo} describedBy={hintId} />
          <label>
            {t('eventLog.subject')}
            <select value={subject} onChange={(e) => setSubject(e.target.value)}>
              <option value="">{t('eventLog.allSubjects')}</option>
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {t(`eventLog.subjects.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <p id={hintId} className="access-hint">
            {t('eventLog.rangeHint')}
          </p>
          <button type="submit">{t('eventLog.show')}</button>
        </form>
        <label>
          {t('eventLog.text')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="access-error">
            {say(error)}
          </p>
        )}
        {query && total !== null && (
          <p className="access-hint" aria-live="polite">
            {t('eventLog.count', { shown: events.length, total })}
          </p>
        )}
        {shown.length > 0 ? (
          <ul className="access-list" aria-label={t('eventLog.list')}>
            {shown.map((e) => (
              <li key={e.id}>
                <span className="access-main">
                  <strong>{label(e)}</strong>
                  {e.title && <span> – {e.title}</span>}
                  <span className="access-meta">
                    <time dateTime={e.eventTime}>{when(e.eventTime)}</time>
                    {e.actor && <span> · {t('eventLog.actor', { actor: e.actor })}</span>}
                  </span>
                </span>
                {e.messageId &&
                  (gone.has(e.messageId) ? (
                    <span className="access-meta">{t('eventLog.messageGone')}</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={e.title ? t('eventLog.openMessageNamed', { title: e.title }) : undefined}
                      onClick={() => void open(e)}
                    >
                      {t('eventLog.openMessage')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        ) : (
          !loading && query && !error && <p>{events.length > 0 ? t('eventLog.noneMatching') : t('eventLog.none')}</p>
        )}
        {loading && <p aria-live="polite">{t('eventLog.loading')}</p>}
        <div className="access-actions">
          {next && query && !loading && (
            <button type="button" onClick={() => void load(query, next)}>
              {t('eventLog.more')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
