import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { STANDARD_FOLDER_TYPES, isOneOf, type FolderType, type KnownMessageState } from '../../shared/dp/enums';
import { messageStateIn } from './message-state';
import { dpErrorMessage } from '../../shared/dp/error-codes';

// Digital Post's folder rules (§6.9.2 and the folder codes of §13.4.1), checked before any request so the user gets
// the server's own Danish message without a round trip. Only printed rules are checked: the limits behind
// name.size, too.many.levels, too.many.folders and name.illegal are not printed (only their {0} is), so those are
// left to Digital Post and its refusal is shown.

/** Each distinct control character, as a code point (U+000A): it has no glyph to show in the message. */
const controlCharactersIn = (s: string): string[] =>
  [...new Set([...s].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))].map(
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

export type FolderRuleResult = { ok: true } | { ok: false; code: string; message: string };

const fail = (code: string, ...args: (string | number)[]): FolderRuleResult => ({
  ok: false,
  code,
  message: dpErrorMessage(code, ...args),
});
const OK: FolderRuleResult = { ok: true };

/** One of the printed standard types; an unknown folder type is not refused as standard. */
const isStandard = (f: FolderSummaryEntry): boolean => isOneOf(STANDARD_FOLDER_TYPES, f.folderType);

const byId = (folders: FolderSummaryEntry[], id: string | undefined | null) => folders.find((f) => f.folderId === id);

function checkName(
  folders: FolderSummaryEntry[],
  name: string,
  parentId: string | null,
  selfId?: string,
): FolderRuleResult {
  const trimmed = name.trim();
  if (trimmed.length === 0) return fail('folder.name.notBlank');
  // A control character cannot be shown in the folder list, so the saved name could never be read back; that holds
  // whatever Digital Post's own list of illegal characters is.
  const control = controlCharactersIn(trimmed);
  if (control.length > 0) return fail('folder.createOrUpdate.name.illegal', control.join(' '));
  const siblings = folders.filter((f) => (f.parentFolderId ?? null) === parentId && f.folderId !== selfId);
  if (siblings.some((f) => f.name.trim().toLocaleLowerCase('da') === trimmed.toLocaleLowerCase('da'))) {
    return fail('folder.createOrUpdate.name.exists.at.level', trimmed);
  }
  return OK;
}

function checkParent(folders: FolderSummaryEntry[], parentId: string | null): FolderRuleResult {
  if (parentId === null) return OK;
  const parent = byId(folders, parentId);
  if (!parent) return fail('folder.createOrUpdate.non.existing.parent', parentId);
  if (isStandard(parent)) return fail('folder.createOrUpdate.standard.parent.not.allowed');
  return OK;
}

export function canCreateFolder(
  folders: FolderSummaryEntry[],
  name: string,
  parentId: string | null,
): FolderRuleResult {
  const parent = checkParent(folders, parentId);
  if (!parent.ok) return parent;
  return checkName(folders, name, parentId);
}

export function canRenameFolder(folders: FolderSummaryEntry[], folderId: string, name: string): FolderRuleResult {
  const folder = byId(folders, folderId);
  if (!folder) return fail('folder.createOrUpdate.non.existing.parent', folderId);
  if (isStandard(folder)) return fail('folder.update.standard.folder.may.no.be.updated');
  return checkName(folders, name, folder.parentFolderId ?? null, folderId);
}

export function canMoveFolder(
  folders: FolderSummaryEntry[],
  folderId: string,
  parentId: string | null,
): FolderRuleResult {
  const folder = byId(folders, folderId);
  if (!folder) return fail('folder.createOrUpdate.non.existing.parent', folderId);
  if (isStandard(folder)) return fail('folder.update.standard.folder.may.no.be.updated');
  const parent = checkParent(folders, parentId);
  if (!parent.ok) return parent;
  // A folder cannot become its own descendant: the server would see a parent that is not where it claims to be.
  const seen = new Set<string>();
  for (let p = parentId; p !== null && !seen.has(p); p = byId(folders, p)?.parentFolderId ?? null) {
    seen.add(p);
    if (p === folderId) return fail('folder.createOrUpdate.non.existing.parent', parentId ?? '');
  }
  return checkName(folders, folder.name, parentId, folderId);
}

export function canDeleteFolder(folders: FolderSummaryEntry[], folderId: string): FolderRuleResult {
  const folder = byId(folders, folderId);
  if (!folder) return fail('folder.createOrUpdate.non.existing.parent', folderId);
  if (isStandard(folder)) return fail('folder.delete.standard.folders.may.not.be.deleted');
  if (folders.some((f) => f.parentFolderId === folderId)) return fail('folder.delete.subfolders.exists');
  // Without counts (the summary's shape is not printed) Digital Post decides whether the folder is empty.
  if ((folder.totalMessages ?? 0) > 0) return fail('folder.delete.messages.exists');
  return OK;
}

/** §6.11 move rules: where a message in each state may go. */
const ALLOWED_TARGETS: Record<KnownMessageState, FolderType[]> = {
  RECEIVED: ['INBOX', 'DELETED', 'USER_DEFINED'],
  DRAFT: ['DRAFTS', 'DELETED', 'USER_DEFINED'],
  SENT: ['SENT', 'DELETED', 'USER_DEFINED'],
};

export function moveTargets(
  folders: FolderSummaryEntry[],
  message: { folderId: string; messageState?: string | undefined },
  canMoveToDeleted: boolean,
): FolderSummaryEntry[] {
  // A state neither the message nor its folder tells (or one we do not know) offers every folder; Digital Post decides.
  const state = messageStateIn(message, folders);
  const allowed =
    state !== undefined && Object.hasOwn(ALLOWED_TARGETS, state)
      ? ALLOWED_TARGETS[state as KnownMessageState]
      : undefined;
  return folders.filter(
    (f) =>
      f.folderId !== message.folderId &&
      (allowed === undefined || allowed.includes(f.folderType)) &&
      (canMoveToDeleted || f.folderType !== 'DELETED'),
  );
}
