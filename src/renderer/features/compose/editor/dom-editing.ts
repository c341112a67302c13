// The small set of editing operations the toolbar needs. Chromium's execCommand does the caret-aware work; where it
// is missing (jsdom) or refuses, the same result is built with a Range, so behaviour never depends on it silently.

type Command = 'bold' | 'italic' | 'underline' | 'insertUnorderedList' | 'insertOrderedList' | 'unlink';

const exec = (command: string, value?: string): boolean => {
  try {
    return typeof document.execCommand === 'function' && document.execCommand(command, false, value);
  } catch {
    return false;
  }
};

let configured = false;
/** Tags rather than inline CSS, and paragraphs for Enter: both give plain whitelist markup. */
export function configureEditing(): void {
  if (configured) return;
  configured = true;
  exec('styleWithCSS', 'false');
  exec('defaultParagraphSeparator', 'p');
}

export const runCommand = (command: Command): boolean => exec(command);

export function queryState(
  command: 'bold' | 'italic' | 'underline' | 'insertUnorderedList' | 'insertOrderedList',
): boolean {
  try {
    return typeof document.queryCommandState === 'function' && document.queryCommandState(command);
  } catch {
    return false;
  }
}

/** The block (p, h2, blockquote …) around the caret, when the caret is inside `root`. */
export function currentBlock(root: HTMLElement): string | null {
  const selection = document.getSelection();
  let node: Node | null = selection?.anchorNode ?? null;
  if (!node || !root.contains(node)) return null;
  const blocks = new Set(['P', 'H2', 'H3', 'BLOCKQUOTE', 'DIV', 'LI']);
  while (node && node !== root) {
    if (node.nodeType === 1 && blocks.has(node.nodeName)) {
      if (node.nodeName === 'P' && node.parentNode && (node.parentNode as Element).closest?.('blockquote'))
        return 'BLOCKQUOTE';
      return node.nodeName;
    }
    node = node.parentNode;
  }
  return null;
}

export function formatBlock(tag: 'p' | 'h2' | 'h3' | 'blockquote'): void {
  exec('formatBlock', `<${tag}>`);
}

/** The selection inside `root`, saved before a dialog takes focus. */
export function saveRange(root: HTMLElement): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
}

export function restoreRange(root: HTMLElement, range: Range | null): void {
  root.focus();
  const selection = document.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  if (range) selection.addRange(range);
  else {
    const end = document.createRange();
    end.selectNodeContents(root);
    end.collapse(false);
    selection.addRange(end);
  }
}

/** Inserts already-clean HTML at the caret (or at the end when the caret is outside the editor). */
export function insertHtml(root: HTMLElement, html: string): void {
  const selection = document.getSelection();
  const inside =
    selection && selection.rangeCount > 0 && root.contains(selection.getRangeAt(0).commonAncestorContainer);
  if (inside && exec('insertHTML', html)) return;
  const range = inside ? selection.getRangeAt(0) : document.createRange();
  if (!inside) {
    range.selectNodeContents(root);
    range.collapse(false);
  }
  range.deleteContents();
  const fragment = range.createContextualFragment(html);
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    const after = document.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selection.removeAllRanges();
    selection.addRange(after);
  }
}

export const TABLE_HTML =
  '<table style="border-collapse: collapse"><tbody>' +
  '<tr><td style="border: 1px solid black; padding: 4px">&nbsp;</td><td style="border: 1px solid black; padding: 4px">&nbsp;</td></tr>' +
  '<tr><td style="border: 1px solid black; padding: 4px">&nbsp;</td><td style="border: 1px solid black; padding: 4px">&nbsp;</td></tr>' +
  '</tbody></table><p><br></p>';

export const ALLOWED_LINK = /^(https:\/\/[^\s]+|mailto:[^\s]+)$/i;
