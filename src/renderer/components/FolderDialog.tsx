import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { buildFolderTree, flattenTree } from '../lib/folder-names';
import { useUiErrorText, type UiError } from '../lib/ui-error';
import { Modal } from './Modal';
import { useOfflineDisabled } from '../features/archive/offline';

export interface FolderDialogProps {
  folders: FolderSummaryEntry[];
  /** Each resolves to why it was refused, or null when it worked. */
  onCreate: (name: string, parentId: string | null) => Promise<UiError | null>;
  onRename: (folderId: string, name: string) => Promise<UiError | null>;
  onMove: (folderId: string, parentId: string | null) => Promise<UiError | null>;
  onDelete: (folderId: string) => Promise<UiError | null>;
  onClose: () => void;
}

const TOP = '';

/** Create, rename, move and delete the user's own folders; the callbacks refuse what a printed rule forbids and pass on
 * Digital Post's answer for the rest, so the dialog only shows what they resolve to. */
export function FolderDialog({ folders, onCreate, onRename, onMove, onDelete, onClose }: FolderDialogProps) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  const userFolders = useMemo(
    () => flattenTree(buildFolderTree(folders)).filter((n) => n.folder.folderType === 'USER_DEFINED'),
    [folders],
  );
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState(TOP);
  const [chosen, setChosen] = useState(userFolders[0]?.folder.folderId ?? '');
  const [rename, setRename] = useState('');
  const [moveParent, setMoveParent] = useState(TOP);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Offline: every change here is made at Digital Post.
  const needsDp = useOfflineDisabled();
  const ids = { newName: useId(), newParent: useId(), chosen: useId(), rename: useId(), moveParent: useId() };

  const chosenId = userFolders.some((n) => n.folder.folderId === chosen)
    ? chosen
    : (userFolders[0]?.folder.folderId ?? '');
  const indent = (level: number) => '\u00a0\u00a0'.repeat(level - 1);

  const run = async (action: () => Promise<UiError | null>, success: string) => {
    setDone(null);
    const refusal = await action();
    setError(refusal);
    if (!refusal) setDone(success);
    return !refusal;
  };

  const parentOptions = (excluding?: string) => (
    <>
      <option value={TOP}>{t('folders.top')}</option>
      {userFolders
        .filter((n) => n.folder.folderId !== excluding)
        .map((n) => (
          <option key={n.folder.folderId} value={n.folder.folderId}>
            {indent(n.level) + n.folder.name}
          </option>
        ))}
    </>
  );

  return (
    <Modal title={t('folders.dialogTitle')} onClose={onClose}>
      <form
        className="folder-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const name = newName.trim();
          if (await run(() => onCreate(newName, newParent || null), t('folders.created', { name }))) setNewName('');
        }}
      >
        <h3>{t('folders.create')}</h3>
        <label htmlFor={ids.newName}>{t('folders.name')}</label>
        <input id={ids.newName} value={newName} onChange={(e) => setNewName(e.target.value)} />
        <label htmlFor={ids.newParent}>{t('folders.parent')}</label>
        <select id={ids.newParent} value={newParent} onChange={(e) => setNewParent(e.target.value)}>
          {parentOptions()}
        </select>
        <button type="submit" className="primary" {...needsDp}>
          {t('folders.create')}
        </button>
      </form>

      {userFolders.length === 0 ? (
        <p>{t('folders.none')}</p>
      ) : (
        <div className="folder-form">
          <h3>{t('folders.yours')}</h3>
          <label htmlFor={ids.chosen}>{t('folders.folder')}</label>
          <select id={ids.chosen} value={chosenId} onChange={(e) => setChosen(e.target.value)}>
            {userFolders.map((n) => (
              <option key={n.folder.folderId} value={n.folder.folderId}>
                {indent(n.level) + n.folder.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.rename}>{t('folders.newName')}</label>
          <div className="inline-row">
            <input id={ids.rename} value={rename} onChange={(e) => setRename(e.target.value)} />
            <button
              type="button"
              {...needsDp}
              onClick={async () => {
                if (await run(() => onRename(chosenId, rename), t('folders.renamed', { name: rename.trim() })))
                  setRename('');
              }}
            >
              {t('folders.rename')}
            </button>
          </div>
          <label htmlFor={ids.moveParent}>{t('folders.parent')}</label>
          <div className="inline-row">
            <select id={ids.moveParent} value={moveParent} onChange={(e) => setMoveParent(e.target.value)}>
              {parentOptions(chosenId)}
            </select>
            <button
              type="button"
              {...needsDp}
              onClick={() => run(() => onMove(chosenId, moveParent || null), t('folders.moved'))}
            >
              {t('folders.move')}
            </button>
          </div>
          <button
            type="button"
            className="danger"
            {...needsDp}
            onClick={() => run(() => onDelete(chosenId), t('folders.deleted'))}
          >
            {t('folders.delete')}
          </button>
        </div>
      )}

      <div aria-live="polite">
        {error && (
          <p className="error" role="alert">
            {say(error)}
          </p>
        )}
        {done && <p className="success">{done}</p>}
      </div>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          {t('folders.done')}
        </button>
      </div>
    </Modal>
  );
}
