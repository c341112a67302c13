import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { openMailbox, requireWrite } from '../access-control';
import { parseBody, serverOwned } from '../body';
import type { FolderRecord } from '../context';
import { fieldError, notFound, rejected, validation } from '../errors';
import { newFolder } from '../records';
import { search } from '../search';
import type { InMemoryMailStore } from '../store';
import { etag, isUuid, pathId, requireIfMatch } from '../util';
import { folderView } from '../views';
import { FOLDER_LIMITS } from '../../../shared/dp/assumptions';

// §6.6 folders. §13.4.1 has codes for these limits but prints no numbers; they are assumptions (FOLDER_LIMITS).
export const MAX_FOLDERS = FOLDER_LIMITS.values.maxFolders;
export const MAX_FOLDER_LEVELS = FOLDER_LIMITS.values.maxLevels;
export const MAX_FOLDER_NAME = FOLDER_LIMITS.values.maxNameLength;
/** Characters a folder name may not contain (path and wildcard characters). */
export const ILLEGAL_FOLDER_CHARACTERS = FOLDER_LIMITS.values.illegalCharacters;

const FolderInputSchema = z.strictObject({
  ...serverOwned,
  mailboxId: z.string().nullish(),
  folderType: z.string().max(64).nullish(),
  name: z.string().max(10_000).nullish(),
  parentFolderId: z.string().max(64).nullish(),
});

const levelOf = (folders: Map<string, FolderRecord>, folder: FolderRecord | undefined): number => {
  let level = 0;
  for (let f = folder; f; f = f.parentFolderId ? folders.get(f.parentFolderId) : undefined) level += 1;
  return level;
};
/** How many levels a folder and its subfolders span (1 for a leaf). */
const depthBelow = (all: FolderRecord[], folder: FolderRecord): number =>
  1 + Math.max(0, ...all.filter((f) => f.parentFolderId === folder.id).map((child) => depthBelow(all, child)));

export const folderRoutes = (store: InMemoryMailStore): Router => {
  const router = Router();
  const base = '/mailboxes/:mailboxId/folders';

  const validateNameAndParent = (mailboxId: string, input: z.infer<typeof FolderInputSchema>, self?: FolderRecord) => {
    const name = (input.name ?? '').trim();
    if (name === '')
      throw validation('name is blank', fieldError('folder.name.notBlank', { resource: 'folder', field: 'name' }));
    if (name.length > MAX_FOLDER_NAME)
      throw validation(
        'name too long',
        fieldError('folder.createOrUpdate.name.size', { resource: 'folder', field: 'name', args: [MAX_FOLDER_NAME] }),
      );
    if (ILLEGAL_FOLDER_CHARACTERS.some((c) => name.includes(c)) || [...name].some((c) => c.charCodeAt(0) < 0x20)) {
      throw validation(
        'illegal name',
        fieldError('folder.createOrUpdate.name.illegal', {
          resource: 'folder',
          field: 'name',
          rejectedValue: name,
          args: [ILLEGAL_FOLDER_CHARACTERS.join(' ')],
        }),
      );
    }
    let parent: FolderRecord | undefined;
    if (input.parentFolderId) {
      parent = isUuid(input.parentFolderId) ? store.folders.get(input.parentFolderId.toLowerCase()) : undefined;
      if (!parent || parent.mailboxId !== mailboxId) {
        throw validation(
          'no such parent',
          rejected('folder.createOrUpdate.non.existing.parent', 'parentFolderId', input.parentFolderId, 'folder'),
        );
      }
      if (parent.folderType !== 'USER_DEFINED') {
        throw validation(
          'standard parent',
          fieldError('folder.createOrUpdate.standard.parent.not.allowed', {
            resource: 'folder',
            field: 'parentFolderId',
          }),
        );
      }
      // A folder cannot become its own descendant.
      for (
        let f: FolderRecord | undefined = parent;
        f;
        f = f.parentFolderId ? store.folders.get(f.parentFolderId) : undefined
      ) {
        if (self && f.id === self.id)
          throw validation(
            'cycle',
            fieldError('folder.createOrUpdate.non.existing.parent', {
              resource: 'folder',
              field: 'parentFolderId',
              args: [input.parentFolderId],
            }),
          );
      }
    }
    const span = self ? depthBelow(store.foldersOf(mailboxId), self) : 1;
    if (levelOf(store.folders, parent) + span > MAX_FOLDER_LEVELS) {
      throw validation(
        'too deep',
        fieldError('folder.createOrUpdate.too.many.levels', {
          resource: 'folder',
          field: 'parentFolderId',
          args: [MAX_FOLDER_LEVELS],
        }),
      );
    }
    const clash = store
      .foldersOf(mailboxId)
      .some(
        (f) =>
          f !== self &&
          f.folderType === 'USER_DEFINED' &&
          (f.parentFolderId ?? null) === (parent?.id ?? null) &&
          f.name.toLowerCase() === name.toLowerCase(),
      );
    if (clash)
      throw validation('name exists', rejected('folder.createOrUpdate.name.exists.at.level', 'name', name, 'folder'));
    return { name, parent };
  };

  const loadFolder = (req: Request, res: Response) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const id = pathId(req, 'folderId');
    const folder = store.folders.get(id);
    if (!folder || folder.mailboxId !== mb.mailbox.id) throw notFound('Folder', id);
    return { mb, folder };
  };

  router.get(base, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    res.json(
      search(store.foldersOf(mb.mailbox.id).map(folderView), req.query, {
        plural: 'folders',
        defaultSort: [{ path: 'createdDateTime', desc: false }],
      }),
    );
  });

  // Before /:folderId so "summary" is never read as an id.
  router.get(`${base}/summary`, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const counts = new Map<string, { total: number; unread: number }>();
    for (const m of store.messagesOf(mb.mailbox.id)) {
      const c = counts.get(m.folderId) ?? { total: 0, unread: 0 };
      c.total += 1;
      if (!m.read) c.unread += 1;
      counts.set(m.folderId, c);
    }
    const folders = store.foldersOf(mb.mailbox.id).map((f) => ({
      folderId: f.id,
      folderType: f.folderType,
      name: f.name,
      ...(f.parentFolderId !== undefined ? { parentFolderId: f.parentFolderId } : {}),
      version: f.version,
      totalMessages: counts.get(f.id)?.total ?? 0,
      unreadMessages: counts.get(f.id)?.unread ?? 0,
    }));
    res.json({ folders });
  });

  router.get(`${base}/:folderId`, (req, res) => {
    const { folder } = loadFolder(req, res);
    res.set('ETag', etag(folder.version)).json(folderView(folder));
  });

  router.post(base, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    requireWrite(mb);
    const input = parseBody(FolderInputSchema, req.body, 'folder');
    if (!input.folderType)
      throw validation(
        'folderType missing',
        fieldError('folder.folderType.notNull', { resource: 'folder', field: 'folderType' }),
      );
    if (!['INBOX', 'DRAFTS', 'SENT', 'DELETED', 'USER_DEFINED'].includes(input.folderType)) {
      throw validation(
        'folderType invalid',
        rejected('folder.folderType.invalid', 'folderType', input.folderType, 'folder'),
      );
    }
    if (input.folderType !== 'USER_DEFINED') {
      throw validation(
        'standard folder',
        fieldError(
          input.parentFolderId ? 'folder.create.standard.folder.with.parent.not.allowed' : 'folder.folderType.illegal',
          { resource: 'folder', field: 'folderType', rejectedValue: input.folderType },
        ),
      );
    }
    if (store.foldersOf(mb.mailbox.id).filter((f) => f.folderType === 'USER_DEFINED').length >= MAX_FOLDERS) {
      throw validation(
        'too many folders',
        fieldError('folder.create.too.many.folders', { resource: 'folder', args: [MAX_FOLDERS] }),
      );
    }
    const { name, parent } = validateNameAndParent(mb.mailbox.id, input);
    const folder = newFolder(store, store.nowIso(), mb.mailbox.id, 'USER_DEFINED', name, parent?.id);
    store.folders.set(folder.id, folder);
    res.status(201).set('ETag', etag(folder.version)).json(folderView(folder));
  });

  router.put(`${base}/:folderId`, (req, res) => {
    const { mb, folder } = loadFolder(req, res);
    requireWrite(mb);
    requireIfMatch(req, folder.version, 'folder');
    const input = parseBody(FolderInputSchema, req.body, 'folder');
    if (folder.folderType !== 'USER_DEFINED') {
      throw validation(
        'standard folder',
        fieldError('folder.update.standard.folder.may.no.be.updated', { resource: 'folder' }),
      );
    }
    if (input.folderType && input.folderType !== 'USER_DEFINED') {
      throw validation(
        'folderType',
        fieldError('folder.folderType.illegal', {
          resource: 'folder',
          field: 'folderType',
          rejectedValue: input.folderType,
        }),
      );
    }
    const { name, parent } = validateNameAndParent(mb.mailbox.id, input, folder);
    folder.name = name;
    if (parent) folder.parentFolderId = parent.id;
    else delete folder.parentFolderId;
    store.touch(folder);
    res.set('ETag', etag(folder.version)).json(folderView(folder));
  });

  router.delete(`${base}/:folderId`, (req, res) => {
    const { mb, folder } = loadFolder(req, res);
    requireWrite(mb);
    requireIfMatch(req, folder.version, 'folder');
    if (folder.folderType !== 'USER_DEFINED') {
      throw validation(
        'standard folder',
        fieldError('folder.delete.standard.folders.may.not.be.deleted', { resource: 'folder' }),
      );
    }
    if (store.messagesOf(mb.mailbox.id).some((m) => m.folderId === folder.id)) {
      throw validation('folder not empty', fieldError('folder.delete.messages.exists', { resource: 'folder' }));
    }
    if (store.foldersOf(mb.mailbox.id).some((f) => f.parentFolderId === folder.id)) {
      throw validation('has subfolders', fieldError('folder.delete.subfolders.exists', { resource: 'folder' }));
    }
    store.folders.delete(folder.id);
    res.status(204).end();
  });

  return router;
};
