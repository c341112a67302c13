// The compose feature's state, as the app store and the compose components see it.
export { createComposeSlice } from './compose-slice';
export { AUTOSAVE_DELAY_MS, SAVE_RETRY_MS } from './autosave-loop';
export { sessionContent } from './session-model';
export type {
  AttachError,
  ComposeConflict,
  ComposeDeps,
  ComposeLimits,
  ComposeNotice,
  ComposeSession,
  ComposeSlice,
  ComposeState,
  ComposeStore,
  JournalStorage,
  SaveState,
  UploadView,
} from './types';
