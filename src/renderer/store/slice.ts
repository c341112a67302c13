import type { StateCreator } from 'zustand';

/**
 * A slice that sees only its own state and what it names in `Needs` from the others: the store composes them, so a
 * slice never imports another slice to reach into it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type SliceCreator<T, Needs = {}> = StateCreator<T & Needs, [], [], T>;
