import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDay,
  formatFullDay,
  formatMonthYear,
  fromIsoDay,
  isoDay,
  parseDay,
  weekdayNames,
  type DateLanguage,
} from '../lib/date-format';
import './date-field.css';

export interface DateFieldProps {
  label: string;
  /** The chosen day as `yyyy-mm-dd`, or '' for none. */
  value: string;
  /** Called with `yyyy-mm-dd` or '' once the typed text is a day (on Enter or leaving the field) or a day is picked. */
  onChange: (iso: string) => void;
  id?: string;
  /** A hint of the form's own (e.g. the longest range allowed) that the field is described by too. */
  describedBy?: string;
}

/**
 * One date field for the whole app: a text box that reads the ways people type a day (05.11.2026, 5.11.26, 5/11…)
 * in the language shown and says when it is not a day, and a calendar for picking one with mouse or keyboard.
 */
export function DateField({ label, value, onChange, id, describedBy: extraHint }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language: DateLanguage = i18n.language === 'en' ? 'en' : 'da';
  const ids = { input: useId(), hint: useId(), error: useId() };
  const inputId = id ?? ids.input;
  const shown = formatDay(value, language);
  const [text, setText] = useState(shown);
  const [source, setSource] = useState(shown);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  // A new value from outside (a cleared filter, another language) replaces what the box shows.
  if (shown !== source) {
    setSource(shown);
    setText(shown);
    setInvalid(null);
  }

  const commit = (raw: string) => {
    const parsed = parseDay(raw, language);
    if (parsed.kind === 'invalid') {
      setInvalid(raw.trim());
      return;
    }
    setInvalid(null);
    const iso = parsed.kind === 'day' ? parsed.iso : '';
    setText(formatDay(iso, language));
    if (iso !== value) onChange(iso);
  };

  const pick = (iso: string) => {
    setOpen(false);
    setInvalid(null);
    setText(formatDay(iso, language));
    if (iso !== value) onChange(iso);
    buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const describedBy = [ids.hint, invalid !== null ? ids.error : '', extraHint ?? ''].filter(Boolean).join(' ');

  return (
    <span className="date-field" ref={wrapRef}>
      <label htmlFor={inputId}>{label}</label>
      <span className="date-field-row">
        <input
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          size={10}
          value={text}
          placeholder={t('desktop.dateField.format')}
          aria-invalid={invalid !== null ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(text);
            } else if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={buttonRef}
          type="button"
          className="date-field-button"
          aria-label={t('desktop.dateField.openCalendar', { label })}
          title={t('desktop.dateField.openCalendar', { label })}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          <CalendarIcon />
        </button>
      </span>
      <span id={ids.hint} className="sr-only">
        {t('desktop.dateField.hint')}
      </span>
      {invalid !== null && (
        <span id={ids.error} className="date-field-error" role="alert">
          {t('desktop.dateField.invalid', { text: invalid })}
        </span>
      )}
      {open && (
        <Calendar
          label={label}
          value={value}
          language={language}
          onPick={pick}
          onClear={() => pick('')}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </span>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
    </svg>
  );
}

const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const addMonths = (d: Date, n: number) => {
  const first = new Date(d.getFullYear(), d.getMonth() + n, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(d.getDate(), last));
};
/** Monday = 0. */
const weekday = (d: Date) => (d.getDay() + 6) % 7;

/** The weeks of `month` as rows of seven, with null outside the month. */
function monthWeeks(month: Date): (Date | null)[][] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const days = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  const cells: (Date | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let d = 1; d <= days; d++) cells.push(new Date(month.getFullYear(), month.getMonth(), d));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The calendar popup: a grid of the month's days (the WAI-ARIA date picker pattern), one day focusable at a time. */
function Calendar({
  label,
  value,
  language,
  onPick,
  onClear,
  onClose,
}: {
  label: string;
  value: string;
  language: DateLanguage;
  onPick: (iso: string) => void;
  onClear: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const helpId = useId();
  const today = isoDay(new Date());
  const [focused, setFocused] = useState<Date>(() => fromIsoDay(value) ?? fromIsoDay(today)!);
  // The focused day takes focus on open and after each key move (not after the month buttons), so it is read out.
  const focusDay = useRef(true);
  const gridRef = useRef<HTMLTableElement>(null);
  const focusedIso = isoDay(focused);

  useEffect(() => {
    if (!focusDay.current) return;
    focusDay.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${focusedIso}"]`)?.focus();
  }, [focusedIso]);

  const move = (next: Date) => {
    focusDay.current = true;
    setFocused(next);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => Date> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      Home: () => addDays(focused, -weekday(focused)),
      End: () => addDays(focused, 6 - weekday(focused)),
      PageUp: () => addMonths(focused, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, e.shiftKey ? 12 : 1),
    };
    const to = keys[e.key];
    if (to) {
      e.preventDefault();
      move(to());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(focusedIso);
    }
  };

  const names = weekdayNames(language);

  return (
    <div
      className="date-calendar"
      role="dialog"
      aria-modal="false"
      aria-label={t('desktop.dateField.calendar', { label })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="date-calendar-head">
        <button
          type="button"
          aria-label={t('desktop.dateField.prevMonth')}
          title={t('desktop.dateField.prevMonth')}
          onClick={() => setFocused(addMonths(focused, -1))}
        >
          ‹
        </button>
        <div id={headingId} className="date-calendar-title" aria-live="polite">
          {formatMonthYear(focused, language)}
        </div>
        <button
          type="button"
          aria-label={t('desktop.dateField.nextMonth')}
          title={t('desktop.dateField.nextMonth')}
          onClick={() => setFocused(addMonths(focused, 1))}
        >
          ›
        </button>
      </div>
      <table ref={gridRef} role="grid" aria-labelledby={headingId} aria-describedby={helpId} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" abbr={n.long}>
                {n.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focused).map((week, i) => (
            <tr key={i}>
              {week.map((d, j) => {
                if (!d) return <td key={j} />;
                const iso = isoDay(d);
                const selected = iso === value;
                return (
                  <td
                    key={j}
                    data-day={iso}
                    tabIndex={iso === focusedIso ? 0 : -1}
                    aria-selected={selected}
                    aria-current={iso === today ? 'date' : undefined}
                    aria-label={formatFullDay(d, language)}
                    className={`date-cell${selected ? ' selected' : ''}${iso === today ? ' today' : ''}`}
                    onClick={() => onPick(iso)}
                  >
                    {d.getDate()}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={helpId} className="date-calendar-help">
        {t('desktop.dateField.calendarHelp')}
      </p>
      <div className="date-calendar-foot">
        <button type="button" className="link-button" onClick={() => onPick(today)}>
          {t('desktop.dateField.today')}
        </button>
        {value && (
          <button type="button" className="link-button" onClick={onClear}>
            {t('desktop.dateField.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
