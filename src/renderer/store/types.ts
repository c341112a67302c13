import type { StateCreator } from 'zustand';
import type { SessionSlice } from './session';
import type { MailboxesSlice } from './mailboxes';
import type { FoldersSlice } from './folders';
import type { MessageListSlice } from './messageList';
import type { MessageSlice } from './message';
import type { ComposeSlice } from './compose';
import type { NotificationsSlice } from './notifications';

export type AppState = SessionSlice &
  MailboxesSlice &
  FoldersSlice &
  MessageListSlice &
  MessageSlice &
  ComposeSlice &
  NotificationsSlice;
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
