import type { SessionSlice } from './session';
import type { MailboxesSlice } from './mailboxes';
import type { FoldersSlice } from './folders';
import type { MessageListSlice } from './message-list';
import type { MessageSlice } from './message';
import type { ComposeSlice } from '../features/compose/store';
import type { NotificationsSlice } from './notifications';
import type { SelectionSlice } from './selection';
import type { FlowsSlice } from './flows';

/** The whole store: what components select from. Slices never import it; they name their needs (slice.ts). */
export type AppState = SessionSlice &
  MailboxesSlice &
  FoldersSlice &
  MessageListSlice &
  MessageSlice &
  ComposeSlice &
  NotificationsSlice &
  SelectionSlice &
  FlowsSlice;
