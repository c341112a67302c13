import { useTranslation } from 'react-i18next';

type EmptyKind = 'inbox' | 'drafts' | 'sent' | 'folder' | 'filtered';

const kindOf = (folderType: string | undefined, filtered: boolean): EmptyKind => {
  if (filtered) return 'filtered';
  if (folderType === 'INBOX') return 'inbox';
  if (folderType === 'DRAFTS') return 'drafts';
  if (folderType === 'SENT') return 'sent';
  // Slettet, the user's own folders, and any folder type Digital Post adds later.
  return 'folder';
};

/** What an empty message list says: why it is empty and what would fill it, by folder or because of the filters. */
export function ListEmptyState({ folderType, filtered }: { folderType: string | undefined; filtered: boolean }) {
  const { t } = useTranslation();
  const kind = kindOf(folderType, filtered);
  return (
    <div className="empty empty-state" data-kind={kind}>
      <p className="empty-title">{t(`desktop.empty.${kind}`)}</p>
      <p className="empty-hint">{t(`desktop.empty.${kind}Hint`)}</p>
    </div>
  );
}
