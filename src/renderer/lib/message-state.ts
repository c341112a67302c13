import { effectiveMessageState, type FolderSummaryEntry, type Message } from '../../shared/dp/resources';

/** The message's state, read from its folder where Digital Post left `messageState` out (a draft sits in DRAFTS). */
export const messageStateIn = (m: Pick<Message, 'messageState' | 'folderId'>, folders: readonly FolderSummaryEntry[]) =>
  effectiveMessageState(m, folders.find((f) => f.folderId === m.folderId)?.folderType);

export const isDraftIn = (m: Pick<Message, 'messageState' | 'folderId'>, folders: readonly FolderSummaryEntry[]) =>
  messageStateIn(m, folders) === 'DRAFT';
