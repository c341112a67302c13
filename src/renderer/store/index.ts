import { create } from 'zustand';
import { createComposeSlice } from '../features/compose/store';
import { createSessionSlice } from './session';
import { createMailboxesSlice } from './mailboxes';
import { createFoldersSlice } from './folders';
import { createMessageListSlice } from './message-list';
import { createMessageSlice } from './message';
import { createNotificationsSlice } from './notifications';
import { createSelectionSlice } from './selection';
import { createFlows } from './flows';
import type { AppState } from './types';

export type { AppState } from './types';

/** A fresh store; the app uses one, tests make their own per case. */
export const createAppStore = () =>
  create<AppState>()((set, get, api) => ({
    ...createSessionSlice(set, get, api),
    ...createMailboxesSlice(set, get, api),
    ...createFoldersSlice(set, get, api),
    ...createMessageListSlice(set, get, api),
    ...createMessageSlice(set, get, api),
    ...createComposeSlice(
      { get, set },
      {
        displayName: () => get().status?.displayName ?? '',
        selectedMailboxId: () => get().selectedMailboxId,
        composerClosed: (messageId, draftGone) => get().composerClosed(messageId, draftGone),
        draftRestored: () => get().draftRestored(),
        messageForwarded: (message) => get().messageForwarded(message),
      },
    ),
    ...createNotificationsSlice(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createFlows(set, get, api),
  }));

export const useAppStore = createAppStore();
