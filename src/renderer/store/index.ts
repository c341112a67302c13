import { create } from 'zustand';
import { createSessionSlice } from './session';
import { createMailboxesSlice } from './mailboxes';
import { createFoldersSlice } from './folders';
import { createMessageListSlice } from './messageList';
import { createMessageSlice } from './message';
import { createComposeSlice } from './compose';
import { createNotificationsSlice } from './notifications';
import type { AppState } from './types';

export type { AppState } from './types';

/** A fresh store; the app uses one, tests make their own per case. */
export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createMailboxesSlice(...a),
    ...createFoldersSlice(...a),
    ...createMessageListSlice(...a),
    ...createMessageSlice(...a),
    ...createComposeSlice(...a),
    ...createNotificationsSlice(...a),
  }));

export const useAppStore = createAppStore();
