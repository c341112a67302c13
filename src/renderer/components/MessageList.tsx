import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ArchiveSnippet } from '../features/archive/Highlight';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isAttachmentDocument, isMarkedLegalNotification, type Message } from '../../shared/dp/resources';
import { DeadlineChip } from '../features/deadlines/DeadlineChip';
import { formatCount, formatDateTime } from '../i18n';
import { MESSAGE_DRAG_TYPE } from '../lib/message-drag';
import { formatListDate } from '../lib/date-format';
import { useIsOffline } from '../features/archive/offline';

export const ROW_HEIGHT = 64;
/** Row height in the compact density (settings): two tighter lines. */
export const COMPACT_ROW_HEIGHT = 48;

/** Ask for the next page when the user scrolls within this many rows of the end. */
const LOAD_AHEAD = 40;

export interface MessageListProps {
  messages: Message[];
  totalElements: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  openId: string | null;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
  onRetry: () => void;
  onDelete: (id: string) => void;
  onToggleRead: (id: string) => void;
  onToggleFlag: (id: string) => void;
  /** The letters chosen for a bulk action. */
  selectedIds?: readonly string[];
  onSelect?: (id: string, mode: 'only' | 'toggle' | 'range') => void;
  onSelectAll?: () => void;
  onClearSelection?: () => void;
  compact?: boolean;
  /** Shown instead of the plain sentence when the list is empty (which folder, whether filters hide letters). */
  empty?: ReactNode;
}

const NO_IDS: readonly string[] = [];

/** Any document that is not MAIN is an attachment, whatever Digital Post calls its type. */
const hasAttachments = (m: Message): boolean =>
  (m.documents ?? []).some(isAttachmentDocument) || (m.documents ?? []).some((d) => d.files.length > 1);

/**
 * The messages of the selected folder as a listbox, virtualized so that a folder of tens of thousands keeps only the
 * rows in view (plus a small overscan) in the DOM. One tab stop; the active row is announced via
 * aria-activedescendant.
 */
export function MessageList(props: MessageListProps) {
  const { messages, totalElements, hasMore, loading, loadingMore, error, openId, onOpen, onLoadMore, onRetry } = props;
  const { selectedIds = NO_IDS, onSelect, compact = false } = props;
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const { t } = useTranslation();
  const offline = useIsOffline();
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // When the active row leaves the list (deleted, moved), the row that took its place becomes active.
  const lastIndex = useRef(0);
  const found = messages.findIndex((m) => m.id === (activeId ?? openId));
  const activeIndex = found >= 0 ? found : Math.min(lastIndex.current, Math.max(0, messages.length - 1));
  useEffect(() => {
    lastIndex.current = activeIndex;
  });
  // Rows are memoized, so they get one click handler for the list's lifetime that reaches the latest onOpen.
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  // Shift+click chooses a range, Ctrl/Cmd+click adds or removes one letter; a plain click opens the letter.
  const onRowClick = useCallback((id: string, e: React.MouseEvent) => {
    setActiveId(id);
    if (e.shiftKey) {
      e.preventDefault();
      onSelectRef.current?.(id, 'range');
    } else if (e.ctrlKey || e.metaKey) {
      onSelectRef.current?.(id, 'toggle');
    } else {
      onSelectRef.current?.(id, 'only');
      onOpenRef.current(id);
    }
  }, []);
  // A drag carries the selection when the row is part of it, else the row alone.
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  });
  const onRowDragStart = useCallback((id: string, e: React.DragEvent) => {
    const ids = selectedRef.current.has(id) ? [...selectedRef.current] : [id];
    e.dataTransfer.setData(MESSAGE_DRAG_TYPE, JSON.stringify(ids));
    e.dataTransfer.effectAllowed = 'move';
  }, []);

  // We don't use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 600, height: 800 },
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const lastRendered = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && !error && lastRendered >= messages.length - LOAD_AHEAD) onLoadMore();
  }, [lastRendered, messages.length, hasMore, loadingMore, error, onLoadMore]);

  const moveTo = (index: number, extend = false) => {
    const m = messages[Math.min(messages.length - 1, Math.max(0, index))];
    if (!m) return;
    setActiveId(m.id);
    if (extend) onSelect?.(m.id, 'range');
    virtualizer.scrollToIndex(messages.indexOf(m), { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      props.onSelectAll?.();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = messages[activeIndex];
    if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      if (current && selected.size === 0) onSelect?.(current.id, 'only');
      moveTo(activeIndex + (e.key === 'ArrowDown' ? 1 : -1), true);
      return;
    }
    let handled = true;
    switch (e.key) {
      case ' ':
        if (current) onSelect?.(current.id, 'toggle');
        break;
      case 'Escape':
        if (selected.size > 0) props.onClearSelection?.();
        else handled = false;
        break;
      case 'ArrowDown':
      case 'j':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(activeIndex - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(messages.length - 1);
        break;
      case 'Enter':
        if (current) onOpen(current.id);
        break;
      // Offline these change nothing at Digital Post, as their disabled buttons say.
      case 'Delete':
        if (current && !offline) props.onDelete(current.id);
        break;
      case 'u':
        if (current && !offline) props.onToggleRead(current.id);
        break;
      case 'f':
        if (current && !offline) props.onToggleFlag(current.id);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const active = messages[activeIndex];
  return (
    <div className="message-list-wrap">
      {error && (
        <div className="error list-error" role="alert">
          <span>{error}</span>
          <button type="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      <p className="list-count" aria-live="polite">
        {loading
          ? t('app.loading')
          : t('list.count', { shown: formatCount(messages.length), total: formatCount(totalElements) })}
      </p>
      {/* Beside the listbox, not in it: a listbox may only hold options. */}
      {!loading && messages.length === 0 && !error && (props.empty ?? <p className="empty">{t('list.empty')}</p>)}
      <div
        ref={scrollRef}
        className="message-list"
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('list.label')}
        aria-describedby="message-list-help"
        tabIndex={0}
        aria-activedescendant={active ? `msg-${active.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const m = messages[item.index];
            if (!m) return null;
            return (
              <MessageRow
                key={m.id}
                message={m}
                index={item.index}
                setSize={Math.max(totalElements, messages.length)}
                top={item.start}
                active={m.id === active?.id}
                open={m.id === openId}
                selected={selected.has(m.id)}
                height={rowHeight}
                onClick={onRowClick}
                onDragStart={onRowDragStart}
                t={t}
              />
            );
          })}
        </div>
      </div>
      <p id="message-list-help" className="sr-only">
        {t('list.keyboardHelp')}
      </p>
      {loadingMore && <p className="list-count">{t('list.loadingMore')}</p>}
    </div>
  );
}

// Scrolling re-renders the list on every frame; memo keeps unchanged rows (same message object, same position) from
// re-rendering, which is where the frame time went (measured with `npm run bench -- --profile`).
const MessageRow = memo(function MessageRow({
  message: m,
  index,
  setSize,
  top,
  active,
  open,
  selected,
  height,
  onClick,
  onDragStart,
  t,
}: {
  message: Message;
  index: number;
  setSize: number;
  top: number;
  active: boolean;
  open: boolean;
  selected: boolean;
  height: number;
  onClick: (id: string, e: React.MouseEvent) => void;
  onDragStart: (id: string, e: React.DragEvent) => void;
  /** The list's own t: one i18n subscription for the list instead of one per row (first-screen render cost). */
  t: TFunction;
}) {
  const subject = m.label || t('message.noSubject');
  return (
    <div
      id={`msg-${m.id}`}
      role="option"
      aria-selected={selected}
      draggable
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`message-row${m.read ? '' : ' unread'}${active ? ' active' : ''}${open ? ' open' : ''}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => onClick(m.id, e)}
      onDragStart={(e) => onDragStart(m.id, e)}
    >
      <span className="row-line">
        {!m.read && <span className="sr-only">{t('list.unread')}, </span>}
        <span className="row-sender">{m.sender?.label ?? m.sender?.senderId ?? ''}</span>
        <span className="row-date" title={formatDateTime(m.messageDateTime)}>
          {formatListDate(m.messageDateTime)}
        </span>
      </span>
      <span className="row-line">
        <span className="row-subject">
          <span className="sr-only">, </span>
          {subject}
          <ArchiveSnippet messageId={m.id} />
        </span>
        <span className="row-markers">
          <DeadlineChip message={m} />
          {isMarkedLegalNotification(m) && (
            <span className="marker legal" title={t('list.legal')}>
              <span aria-hidden="true">§</span>
              <span className="sr-only">, {t('list.legal')}</span>
            </span>
          )}
          {hasAttachments(m) && (
            <span className="marker" title={t('list.attachment')}>
              <PaperclipIcon />
              <span className="sr-only">, {t('list.attachment')}</span>
            </span>
          )}
          {m.flag && (
            <span className="marker flag" title={t('list.flagged')}>
              <FlagIcon />
              <span className="sr-only">, {t('list.flagged')}</span>
            </span>
          )}
        </span>
      </span>
    </div>
  );
});

// Inline icons: emoji glyphs depend on fonts the machine may not have.
function PaperclipIcon() {
  return (
    <svg
      aria-hidden="true"
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.5 3.5 0 0 1 5 5L10.3 18a2 2 0 0 1-2.8-2.8l7.9-7.9" />
    </svg>
  );
}

function FlagIcon() {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="currentColor">
      <path d="M5 3h2v18H5zM8 4h10l-2.5 4L18 12H8z" />
    </svg>
  );
}
