import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { buildFolderTree, folderName, type FolderNode } from '../lib/folder-names';
import { carriesMessages, draggedMessageIds } from '../lib/message-drag';
import { DeadlinesFolder } from '../features/deadlines/DeadlinesFolder';
import { useAppStore } from '../store';
import { useIsOffline } from '../features/archive/offline';

export interface FolderTreeProps {
  folders: FolderSummaryEntry[];
  selectedId: string | null;
  onSelect: (folderId: string) => void;
  /** Letters dragged from the list and dropped on a folder (moved there; Digital Post decides per letter). */
  onDropMessages?: (folderId: string, messageIds: string[]) => void;
}

/** The folders as an ARIA tree: one tab stop, arrow keys move, Right/Left open and close, Enter selects. */
export function FolderTree({ folders, selectedId: folderId, onSelect, onDropMessages: onDrop }: FolderTreeProps) {
  const { t } = useTranslation();
  // A move is a change at Digital Post: offline, no folder takes a drop (the move buttons are disabled likewise).
  const onDropMessages = useIsOffline() ? undefined : onDrop;
  // While the smart folder "Frister" is shown, no real folder is the selected one.
  const selectedId = useAppStore((s) => s.deadlinesView) ? null : folderId;
  const tree = useMemo(() => buildFolderTree(folders), [folders]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());

  const visible: FolderNode[] = [];
  const walk = (nodes: FolderNode[]) => {
    for (const n of nodes) {
      visible.push(n);
      if (!collapsed.has(n.folder.folderId)) walk(n.children);
    }
  };
  walk(tree);

  const activeId =
    focusId && visible.some((n) => n.folder.folderId === focusId)
      ? focusId
      : (selectedId ?? visible[0]?.folder.folderId);

  const focus = (id: string | undefined) => {
    if (!id) return;
    setFocusId(id);
    itemRefs.current.get(id)?.focus();
  };
  const toggle = (id: string, open: boolean) => {
    const next = new Set(collapsed);
    if (open) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  const onKeyDown = (e: React.KeyboardEvent, node: FolderNode) => {
    const i = visible.indexOf(node);
    const id = node.folder.folderId;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !collapsed.has(id);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focus(visible[i + 1]?.folder.folderId);
        break;
      case 'ArrowUp':
        focus(visible[i - 1]?.folder.folderId);
        break;
      case 'Home':
        focus(visible[0]?.folder.folderId);
        break;
      case 'End':
        focus(visible[visible.length - 1]?.folder.folderId);
        break;
      case 'ArrowRight':
        if (hasChildren && !expanded) toggle(id, true);
        else if (expanded) focus(node.children[0]?.folder.folderId);
        break;
      case 'ArrowLeft':
        if (expanded) toggle(id, false);
        else if (node.folder.parentFolderId) focus(node.folder.parentFolderId);
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const renderNode = (node: FolderNode) => {
    const f = node.folder;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren ? !collapsed.has(f.folderId) : undefined;
    const name = folderName(t, f);
    const unread = f.unreadMessages ?? 0;
    return (
      <li
        key={f.folderId}
        ref={(el) => {
          if (el) itemRefs.current.set(f.folderId, el);
          else itemRefs.current.delete(f.folderId);
        }}
        role="treeitem"
        aria-level={node.level}
        aria-selected={f.folderId === selectedId}
        aria-expanded={expanded}
        aria-label={unread > 0 ? `${name}, ${t('folders.unread', { count: unread })}` : name}
        tabIndex={f.folderId === activeId ? 0 : -1}
        className={`tree-item${f.folderId === selectedId ? ' selected' : ''}${f.folderId === dropId ? ' drop-target' : ''}`}
        onKeyDown={(e) => onKeyDown(e, node)}
        onDragOver={(e) => {
          if (!onDropMessages || !carriesMessages(e.dataTransfer)) return;
          e.preventDefault();
          e.stopPropagation();
          e.dataTransfer.dropEffect = 'move';
          if (dropId !== f.folderId) setDropId(f.folderId);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropId(null);
        }}
        onDrop={(e) => {
          if (!onDropMessages) return;
          const ids = draggedMessageIds(e.dataTransfer);
          setDropId(null);
          if (!ids) return;
          e.preventDefault();
          e.stopPropagation();
          onDropMessages(f.folderId, ids);
        }}
        onClick={(e) => {
          e.stopPropagation();
          setFocusId(f.folderId);
          onSelect(f.folderId);
        }}
      >
        <span className="tree-row" style={{ paddingInlineStart: `${(node.level - 1) * 1.1 + 0.5}rem` }}>
          {hasChildren ? (
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                toggle(f.folderId, !expanded);
              }}
            >
              {expanded ? '▾' : '▸'}
            </span>
          ) : (
            <span className="twisty" aria-hidden="true" />
          )}
          <span className={`folder-name${unread > 0 ? ' has-unread' : ''}`} aria-hidden="true">
            {name}
          </span>
          {/* Counts come from the folder summary, whose shape is not printed; without them the folder still shows. */}
          <span
            className="folder-count"
            aria-hidden="true"
            {...(f.totalMessages !== undefined ? { title: t('folders.total', { count: f.totalMessages }) } : {})}
          >
            {unread > 0 ? unread : ''}
          </span>
        </span>
        {hasChildren && expanded && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <>
      <ul role="tree" aria-label={t('folders.tree')} className="folder-tree">
        {tree.map(renderNode)}
      </ul>
      <DeadlinesFolder />
    </>
  );
}
