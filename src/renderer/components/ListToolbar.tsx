import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListSort, SenderSummary } from '../store/message-list';
import { DateField } from './DateField';
import { MAX_SEARCH_LENGTH } from '../store/message-list';
import { SearchSourceNote } from '../features/archive/Highlight';

export interface ListToolbarProps {
  sort: ListSort;
  dateFrom: string;
  dateTo: string;
  search: string;
  searchError: string | null;
  senders: SenderSummary[];
  senderLabel: string | null;
  onSort: (sort: ListSort) => void;
  onDateRange: (from: string, to: string) => void;
  onSearch: (text: string) => void;
  onSender: (label: string | null) => void;
}

const SORTS: { key: string; sort: ListSort; label: string }[] = [
  { key: 'newest', sort: { field: 'messageDateTime', direction: 'desc' }, label: 'list.sortNewest' },
  { key: 'oldest', sort: { field: 'messageDateTime', direction: 'asc' }, label: 'list.sortOldest' },
  { key: 'subject', sort: { field: 'label', direction: 'asc' }, label: 'list.sortSubjectAsc' },
  { key: 'sender', sort: { field: 'sender.label', direction: 'asc' }, label: 'list.sortSenderAsc' },
];

/** Search (Digital Post's free text: words, "quoted phrases", trailing *), sort, date range and the senders overview. */
export function ListToolbar(props: ListToolbarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.search);
  const ids = { search: useId(), sort: useId(), sender: useId(), error: useId() };
  const sortKey =
    SORTS.find((s) => s.sort.field === props.sort.field && s.sort.direction === props.sort.direction)?.key ?? 'newest';

  return (
    <div className="list-toolbar">
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSearch(text);
        }}
      >
        <label htmlFor={ids.search} className="sr-only">
          {t('list.search')}
        </label>
        <input
          id={ids.search}
          type="search"
          value={text}
          placeholder={t('list.search')}
          aria-invalid={props.searchError ? true : undefined}
          aria-describedby={props.searchError ? ids.error : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('list.searchButton')}</button>
        {props.search && (
          <button
            type="button"
            onClick={() => {
              setText('');
              props.onSearch('');
            }}
          >
            {t('list.clearSearch')}
          </button>
        )}
        {text.length > MAX_SEARCH_LENGTH && !props.searchError && <span className="hint">{text.length}/100</span>}
      </form>
      {props.search && <SearchSourceNote />}
      {props.searchError && (
        <p id={ids.error} className="error" role="alert">
          {props.searchError}
        </p>
      )}
      <div className="filters">
        <span>
          <label htmlFor={ids.sort}>{t('list.sort')}</label>
          <select
            id={ids.sort}
            value={sortKey}
            onChange={(e) => props.onSort(SORTS.find((s) => s.key === e.target.value)!.sort)}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </span>
        <DateField
          label={t('list.from')}
          value={props.dateFrom}
          onChange={(iso) => props.onDateRange(iso, props.dateTo)}
        />
        <DateField
          label={t('list.to')}
          value={props.dateTo}
          onChange={(iso) => props.onDateRange(props.dateFrom, iso)}
        />
        <span>
          <label htmlFor={ids.sender}>{t('list.senders')}</label>
          <select
            id={ids.sender}
            value={props.senderLabel ?? ''}
            onChange={(e) => props.onSender(e.target.value || null)}
          >
            <option value="">{t('list.allSenders')}</option>
            {props.senders.map((s) => (
              <option key={s.label} value={s.label}>
                {s.label} ({s.unread > 0 ? `${s.unread}/` : ''}
                {s.total})
              </option>
            ))}
          </select>
        </span>
      </div>
    </div>
  );
}
