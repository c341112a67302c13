import { DEFAULT_LIMITS, type ComposeLimitsView } from '../lib/form-checks';
import type { ComposeState } from './types';

// What the compose components read, one value each, so a component re-renders only when its own value changes.

export const selectSession = (s: ComposeState) => s.compose;
export const selectLimits = (s: ComposeState): ComposeLimitsView => s.composeLimits ?? DEFAULT_LIMITS;
export const selectNotice = (s: ComposeState) => s.composeNotice;
export const selectStarting = (s: ComposeState) => s.composeStarting;
export const selectStartError = (s: ComposeState) => s.composeStartError;
export const selectJournalEntries = (s: ComposeState) => s.journalEntries;
export const selectJournalError = (s: ComposeState) => s.journalError;
/** No secure key store: unsent words live only until the app closes, which the composer says. */
export const selectJournalInMemory = (s: ComposeState) => s.journalStorage === 'memory';
export const selectKeptAtLogout = (s: ComposeState) => s.journalKeptAtLogout;
