import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { STANDARD_FOLDER_TYPES, isOneOf, type FolderType, type KnownMessageState } from '../../shared/dp/enums';
import { messageStateIn } from './message-state';
import { FOLDER_LIMITS } from '../../shared/dp/assumptions';
import { dpErrorMessage } from '../../shared/dp/error-codes';

// Digital Post's folder rules (§6.9.2 and the folder codes of §13.4.1), checked before any request so the user gets
// the server's own Danish message without a round trip. The document prints the codes but not the limits behind
// their {0}; the limits are assumptions shared with main and the sandbox (FOLDER_LIMITS), and the server stays the
// authority: its answer is shown.
export const MAX_FOLDER_LEVELS = FOLDER_LIMITS.values.maxLevels;
export const MAX_FOLDER_NAME_LENGTH = FOLDER_LIMITS.values.maxNameLength;
/** Path and wildcard characters; a folder name ends up in paths and exports too. */
export const ILLEGAL_FOLDER_CHARS = FOLDER_LIMITS.values.illegalCharacters;

const hasControlCharacter = (s: string): boolean =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

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

/** 1 for a top-level folder, 2 for its child… */
export function folderLevel(folders: FolderSummaryEntry[], id: string): number {
  let level = 0;
  let current = byId(folders, id);
  const seen = new Set<string>();
  while (current && !seen.has(current.folderId)) {
    seen.add(current.folderId);
    level += 1;
    current = byId(folders, current.parentFolderId);
  }
  return level;
}

/** How many levels the subtree under (and including) `id` spans. */
function subtreeDepth(folders: FolderSummaryEntry[], id: string): number {
  const children = folders.filter((f) => f.parentFolderId === id);
  return 1 + Math.max(0, ...children.map((c) => subtreeDepth(folders, c.folderId)));
}

function checkName(
  folders: FolderSummaryEntry[],
  name: string,
  parentId: string | null,
  selfId?: string,
): FolderRuleResult {
  const trimmed = name.trim();
  if (trimmed.length === 0) return fail('folder.name.notBlank');
  if ([...trimmed].length > MAX_FOLDER_NAME_LENGTH)
    return fail('folder.createOrUpdate.name.size', MAX_FOLDER_NAME_LENGTH);
  if (ILLEGAL_FOLDER_CHARS.some((c) => trimmed.includes(c)) || hasControlCharacter(trimmed)) {
    return fail('folder.createOrUpdate.name.illegal', ILLEGAL_FOLDER_CHARS.join(' '));
  }
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
  const level = parentId === null ? 1 : folderLevel(folders, parentId) + 1;
  if (level > MAX_FOLDER_LEVELS) return fail('folder.createOrUpdate.too.many.levels', MAX_FOLDER_LEVELS);
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
  for (let p = parentId; p !== null; p = byId(folders, p)?.parentFolderId ?? null) {
    if (p === folderId) return fail('folder.createOrUpdate.non.existing.parent', parentId ?? '');
  }
  const level = (parentId === null ? 0 : folderLevel(folders, parentId)) + subtreeDepth(folders, folderId);
  if (level > MAX_FOLDER_LEVELS) return fail('folder.createOrUpdate.too.many.levels', MAX_FOLDER_LEVELS);
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
