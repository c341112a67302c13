import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanHtml, editorOutput, escapeHtml, summariseRemovals, textToHtml } from '../lib/strict-html';
import {
  configureEditing,
  currentBlock,
  formatBlock,
  insertHtml,
  queryState,
  restoreRange,
  runCommand,
  saveRange,
  TABLE_HTML,
} from './dom-editing';
import { LinkDialog } from './LinkDialog';
import { RemovalNote } from '../components/RemovalNote';
import type { Removal } from '../../../../shared/html/fix-strict';

export interface RichTextEditorProps {
  /** Loaded into the editor when the component mounts or `contentKey` changes; never while the user types. */
  initialHtml: string;
  contentKey: number;
  /** STRICT-clean output after every change. */
  onChange(html: string): void;
  onBlur?(): void;
  describedBy?: string;
  /** Marks the text area as where the composer puts focus when it opens. */
  autoFocus?: boolean;
}

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  ul: boolean;
  ol: boolean;
  block: string | null;
}

const EMPTY_STATE: ToolbarState = { bold: false, italic: false, underline: false, ul: false, ol: false, block: null };

/**
 * A contentEditable editor whose output is STRICT by construction: every change goes through the fixer before it
 * leaves, pasted markup is cleaned before it enters (and the user is told what was removed), links must be https: or
 * mailto:.
 */
export function RichTextEditor({
  initialHtml,
  contentKey,
  onChange,
  onBlur,
  describedBy,
  autoFocus,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ToolbarState>(EMPTY_STATE);
  const [pasteRemoved, setPasteRemoved] = useState<Removal[]>([]);
  const [linkRange, setLinkRange] = useState<{ range: Range | null; text: string } | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    configureEditing();
  }, []);

  // The editor's DOM belongs to the user while they type: it is only replaced when the content is replaced wholesale.
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = cleanHtml(initialHtml).html;
  }, [contentKey, initialHtml]);

  const emit = useCallback(() => {
    if (ref.current) onChangeRef.current(editorOutput(ref.current.innerHTML));
  }, []);

  const refreshState = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const block = currentBlock(root);
    if (block === null) return;
    setState({
      bold: queryState('bold'),
      italic: queryState('italic'),
      underline: queryState('underline'),
      ul: queryState('insertUnorderedList'),
      ol: queryState('insertOrderedList'),
      block,
    });
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', refreshState);
    return () => document.removeEventListener('selectionchange', refreshState);
  }, [refreshState]);

  const apply = (work: () => void) => {
    const root = ref.current;
    if (!root) return;
    if (!root.contains(document.activeElement)) restoreRange(root, saveRange(root));
    work();
    emit();
    refreshState();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    const root = ref.current;
    if (!root) return;
    e.preventDefault();
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    if (html) {
      const fixed = cleanHtml(html);
      insertHtml(root, fixed.html);
      setPasteRemoved(fixed.removed);
    } else if (text) {
      insertHtml(root, textToHtml(text));
      setPasteRemoved([]);
    }
    emit();
  };

  // Dropped markup would bypass the paste cleaning; dropped files belong to "Vedhæft fil".
  const onDrop = (e: React.DragEvent) => e.preventDefault();

  const openLinkDialog = () => {
    const root = ref.current;
    if (!root) return;
    const range = saveRange(root);
    setLinkRange({ range, text: range?.toString() ?? '' });
  };

  const insertLink = (url: string, text: string) => {
    const root = ref.current;
    const saved = linkRange;
    setLinkRange(null);
    if (!root || !saved) return;
    restoreRange(root, saved.range);
    insertHtml(root, `<a href="${escapeHtml(url)}">${escapeHtml(text || url)}</a>`);
    emit();
  };

  const button = (key: string, label: string, pressed: boolean | undefined, onClick: () => void, glyph: string) => (
    <button
      key={key}
      type="button"
      className="editor-button"
      aria-label={label}
      title={label}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      // Keeps the editor's selection: a click on the toolbar must not move the caret out of the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );

  const removal = summariseRemovals(pasteRemoved);

  return (
    <div className="rich-editor">
      <div className="editor-toolbar" role="toolbar" aria-label={t('compose.toolbar')}>
        {button(
          'h2',
          t('compose.heading'),
          state.block === 'H2',
          () => apply(() => formatBlock(state.block === 'H2' ? 'p' : 'h2')),
          'H',
        )}
        {button(
          'h3',
          t('compose.subheading'),
          state.block === 'H3',
          () => apply(() => formatBlock(state.block === 'H3' ? 'p' : 'h3')),
          'h',
        )}
        {button('p', t('compose.paragraph'), state.block === 'P', () => apply(() => formatBlock('p')), '¶')}
        <span className="toolbar-gap" />
        {button('b', t('compose.bold'), state.bold, () => apply(() => runCommand('bold')), 'B')}
        {button('i', t('compose.italic'), state.italic, () => apply(() => runCommand('italic')), 'I')}
        {button('u', t('compose.underline'), state.underline, () => apply(() => runCommand('underline')), 'U')}
        <span className="toolbar-gap" />
        {button('ul', t('compose.bulletList'), state.ul, () => apply(() => runCommand('insertUnorderedList')), '•≡')}
        {button('ol', t('compose.numberedList'), state.ol, () => apply(() => runCommand('insertOrderedList')), '1.')}
        {button(
          'quote',
          t('compose.quote'),
          state.block === 'BLOCKQUOTE',
          () => apply(() => formatBlock(state.block === 'BLOCKQUOTE' ? 'p' : 'blockquote')),
          '❝',
        )}
        {button(
          'table',
          t('compose.table'),
          undefined,
          () => apply(() => ref.current && insertHtml(ref.current, TABLE_HTML)),
          '▦',
        )}
        <span className="toolbar-gap" />
        {button('link', t('compose.link'), undefined, openLinkDialog, 'Link')}
        {button('unlink', t('compose.unlink'), undefined, () => apply(() => runCommand('unlink')), '⊘')}
      </div>
      <span id={labelId} className="editor-label">
        {t('compose.body')}
      </span>
      <div
        ref={ref}
        className="editor-area"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        tabIndex={0}
        data-autofocus={autoFocus || undefined}
        spellCheck
        lang="da"
        onInput={emit}
        onBlur={onBlur}
        onPaste={onPaste}
        onDrop={onDrop}
        onKeyUp={refreshState}
        onMouseUp={refreshState}
      />
      {removal.count > 0 && (
        <RemovalNote count={removal.count} names={removal.names} onDismiss={() => setPasteRemoved([])} />
      )}
      {linkRange && (
        <LinkDialog initialText={linkRange.text} onInsert={insertLink} onCancel={() => setLinkRange(null)} />
      )}
    </div>
  );
}
