import { byUpcomingDeadline } from '../../shared/dp/document-actions';
import type { Message } from '../../shared/dp/resources';
import type { ChannelResponse } from '../../shared/ipc/contract';
import type { MessageQuery } from '../../shared/ipc/channels/mail';
import { dp } from '../lib/api';
import { queryList } from '../features/archive/store/list-search';
import { localRefusal, toUiError, type UiError } from '../lib/ui-error';
import type { SliceCreator } from './slice';

export const PAGE_SIZE = 200;
/** §3.3 (querying): each search value is limited to 100 characters; refused here before any request. */
export const MAX_SEARCH_LENGTH = 100;
/** The code §3.3's example answers a too-long search value with. */
const SEARCH_REFUSED = 'digital.post.error';

export type SortField = 'messageDateTime' | 'label' | 'sender.label';
export interface ListSort {
  field: SortField;
  direction: 'asc' | 'desc';
}
export interface SenderSummary {
  senderId?: string;
  label: string;
  total: number;
  unread: number;
}

/** A first page asked for before the state that decides the query was known (app start). */
export interface PrefetchedPage {
  query: MessageQuery;
  page: Promise<ChannelResponse<'messages.query'>>;
  /** App start with the archive on: its copy of the page, shown until Digital Post's answer replaces it. */
  early?: Promise<{ messages: Message[]; totalElements: number } | null>;
}

/** What decides the list: where (from the mailbox and folder slices) and the list's own filters. */
export interface ListNeeds {
  selectedMailboxId: string | null;
  selectedFolderId: string | null;
}
type ListState = ListNeeds &
  Pick<MessageListSlice, 'sort' | 'dateFrom' | 'dateTo' | 'search' | 'senderLabel'> & { deadlinesView?: boolean };

/**
 * "Frister" covers the letters of the whole mailbox received in the last DEADLINES_LOOKBACK_DAYS days, page by page
 * as the list loads them: Digital Post has no query for actions, so the app reads the deadlines of what it lists
 * (document-actions.ts) and keeps only those ahead, soonest first. A deadline on an older letter is not listed.
 */
export const DEADLINES_LOOKBACK_DAYS = 366;
const daysAgoDate = (days: number, now: number): string => new Date(now - days * 86_400_000).toISOString().slice(0, 10);

/** The first-page query for a state; one function so a prefetched page can be checked against what would be asked now. */
export const listQuery = (s: ListState): MessageQuery | null => {
  if (!s.selectedMailboxId || !s.selectedFolderId) return null;
  const q: MessageQuery = { mailboxId: s.selectedMailboxId, size: PAGE_SIZE, sort: s.sort };
  // A search or sender overview spans the mailbox; otherwise the list is the selected folder.
  if (!s.search && !s.senderLabel && !s.deadlinesView) q.folderId = s.selectedFolderId;
  if (s.deadlinesView && !s.dateFrom) q.dateFrom = daysAgoDate(DEADLINES_LOOKBACK_DAYS, Date.now());
  if (s.dateFrom) q.dateFrom = s.dateFrom;
  if (s.dateTo) q.dateTo = s.dateTo;
  if (s.search) q.search = s.search;
  if (s.senderLabel) q.senderLabel = s.senderLabel;
  return q;
};

const sameQuery = (a: MessageQuery, b: MessageQuery): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface MessageListSlice {
  messages: Message[];
  totalElements: number;
  nextCursor: string | undefined;
  listLoading: boolean;
  loadingMore: boolean;
  /** Set when the last list request failed; the list keeps what it had and offers "Prøv igen". */
  listError: UiError | null;
  sort: ListSort;
  dateFrom: string;
  dateTo: string;
  search: string;
  searchError: UiError | null;
  senderLabel: string | null;
  senders: SenderSummary[];
  /** The smart folder "Frister": letters with an upcoming deadline, soonest first; a folder choice ends it. */
  deadlinesView: boolean;
  showDeadlines(): Promise<void>;
  clearList(): void;
  /** Uses `prefetched` only when it was asked with exactly the query the current state makes. */
  loadFirstPage(prefetched?: PrefetchedPage): Promise<void>;
  loadMore(): Promise<void>;
  retryList(): Promise<void>;
  setSort(sort: ListSort): Promise<void>;
  setDateRange(from: string, to: string): Promise<void>;
  /** Returns false (and sets searchError) when the text is refused before any request. */
  setSearch(text: string): Promise<boolean>;
  setSenderFilter(label: string | null): Promise<void>;
  loadSenders(): Promise<void>;
  /** Brings newer messages into a newest-first list without disturbing what the user is looking at. */
  refreshNewest(): Promise<void>;
  /** Puts the server's answer to a change into the list (or takes it out when it left this folder). */
  applyMessage(message: Message): void;
  removeFromList(messageId: string): void;
}

/**
 * The sender overview. The sender-information answer has no printed shape; where it gave nothing we could read, the
 * overview is made from the senders of the list at hand, so the filter still works.
 */
export const senderOverview = (s: { senders: SenderSummary[]; messages: Message[] }): SenderSummary[] => {
  if (s.senders.length > 0) return s.senders;
  const byLabel = new Map<string, SenderSummary>();
  for (const m of s.messages) {
    const label = m.sender?.label;
    if (!label) continue;
    const entry = byLabel.get(label) ?? {
      label,
      ...(m.sender?.senderId !== undefined ? { senderId: m.sender.senderId } : {}),
      total: 0,
      unread: 0,
    };
    entry.total += 1;
    if (!m.read) entry.unread += 1;
    byLabel.set(label, entry);
  }
  return [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label, 'da'));
};

// Each list request carries the generation it was made for; answers for an older query are dropped.
let generation = 0;

/** A list with nothing in it: the start, and after a mailbox change or logout. */
const EMPTY_LIST = {
  messages: [],
  totalElements: 0,
  nextCursor: undefined,
  listLoading: false,
  loadingMore: false,
  listError: null,
} satisfies Partial<MessageListSlice>;

export const createMessageListSlice: SliceCreator<MessageListSlice, ListNeeds> = (set, get) => {
  const baseQuery = (): MessageQuery | null => listQuery(get());

  return {
    ...EMPTY_LIST,
    sort: { field: 'messageDateTime', direction: 'desc' },
    dateFrom: '',
    dateTo: '',
    search: '',
    searchError: null,
    senderLabel: null,
    senders: [],
    deadlinesView: false,

    async showDeadlines() {
      set({ deadlinesView: true, search: '', senderLabel: null, searchError: null });
      await get().loadFirstPage();
    },

    clearList() {
      generation += 1;
      set(EMPTY_LIST);
    },

    async loadFirstPage(prefetched) {
      const query = baseQuery();
      if (!query) return;
      const mine = ++generation;
      set({ listLoading: true, listError: null });
      const usePrefetch = prefetched !== undefined && sameQuery(prefetched.query, query);
      let answered = false;
      // The archive's copy paints first (still loading); Digital Post's answer replaces it when it comes.
      void (usePrefetch ? prefetched.early : undefined)?.then((early) => {
        if (!early || answered || mine !== generation || get().deadlinesView) return;
        set({ messages: early.messages, totalElements: early.totalElements });
      });
      try {
        // A failed prefetch is asked again rather than shown: it was sent before the session was confirmed.
        const page = await (usePrefetch ? prefetched.page.catch(() => dp().messages.query(query)) : queryList(query));
        answered = true;
        if (mine !== generation) return;
        const messages = get().deadlinesView ? byUpcomingDeadline(page.messages, Date.now()) : page.messages;
        const totalElements = get().deadlinesView ? messages.length : page.totalElements;
        set({ messages, totalElements, nextCursor: page.next, listLoading: false });
      } catch (e) {
        if (mine !== generation) return;
        set({ listLoading: false, listError: toUiError(e) });
      }
    },

    async loadMore() {
      const s = get();
      const query = baseQuery();
      if (!query || !s.nextCursor || s.loadingMore || s.listLoading) return;
      const mine = generation;
      set({ loadingMore: true, listError: null });
      try {
        const page = await dp().messages.query({ ...query, next: s.nextCursor });
        if (mine !== generation) return;
        const known = new Set(get().messages.map((m) => m.id));
        const merged = [...get().messages, ...page.messages.filter((m) => !known.has(m.id))];
        const messages = get().deadlinesView ? byUpcomingDeadline(merged, Date.now()) : merged;
        set({
          messages,
          totalElements: get().deadlinesView ? messages.length : page.totalElements,
          nextCursor: page.next,
          loadingMore: false,
        });
      } catch (e) {
        if (mine !== generation) return;
        set({ loadingMore: false, listError: toUiError(e) });
      }
    },

    retryList() {
      return get().messages.length > 0 && get().nextCursor ? get().loadMore() : get().loadFirstPage();
    },

    async setSort(sort) {
      set({ sort });
      await get().loadFirstPage();
    },

    async setDateRange(dateFrom, dateTo) {
      set({ dateFrom, dateTo });
      await get().loadFirstPage();
    },

    async setSearch(text) {
      const trimmed = text.trim();
      if (trimmed.length > MAX_SEARCH_LENGTH) {
        set({ searchError: localRefusal(SEARCH_REFUSED, 'list.searchTooLong') });
        return false;
      }
      set({ search: trimmed, searchError: null, ...(trimmed ? { deadlinesView: false } : {}) });
      await get().loadFirstPage();
      return true;
    },

    async setSenderFilter(senderLabel) {
      set({ senderLabel, ...(senderLabel ? { deadlinesView: false } : {}) });
      await get().loadFirstPage();
    },

    async loadSenders() {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId) return;
      try {
        const { senders } = await dp().senders.list({ mailboxId });
        if (get().selectedMailboxId === mailboxId) set({ senders });
      } catch {
        // The overview is a convenience; the list itself still works without it.
        set({ senders: [] });
      }
    },

    async refreshNewest() {
      const s = get();
      const query = baseQuery();
      if (!query || s.listLoading || s.deadlinesView) return;
      if (s.sort.field !== 'messageDateTime' || s.sort.direction !== 'desc') return;
      const mine = generation;
      try {
        const page = await dp().messages.query({ ...query, size: 50 });
        if (mine !== generation) return;
        const known = new Set(get().messages.map((m) => m.id));
        const fresh = page.messages.filter((m) => !known.has(m.id));
        if (fresh.length > 0 || page.totalElements !== get().totalElements) {
          set({ messages: [...fresh, ...get().messages], totalElements: page.totalElements });
        }
      } catch {
        // A failed background refresh changes nothing; the next tick tries again.
      }
    },

    applyMessage(message) {
      const s = get();
      const inView = s.search || s.senderLabel || s.deadlinesView ? true : message.folderId === s.selectedFolderId;
      if (!inView) {
        get().removeFromList(message.id);
        return;
      }
      set({ messages: s.messages.map((m) => (m.id === message.id ? message : m)) });
    },

    removeFromList(messageId) {
      const before = get().messages;
      const after = before.filter((m) => m.id !== messageId);
      if (after.length !== before.length) set({ messages: after, totalElements: Math.max(0, get().totalElements - 1) });
    },
  };
};
