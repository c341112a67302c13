/**
 * Every keyboard shortcut the app has, in one place: the overlay ("?") lists this registry, and the shortcut layer
 * runs the ones the registry says it handles. A feature that can carry one out (reply lives with the open letter)
 * registers itself with `onShortcut`; nothing runs while the user is typing in a field or an editor.
 */

export type ShortcutId =
  | 'help'
  | 'newMessage'
  | 'reply'
  | 'forward'
  | 'search'
  | 'next'
  | 'previous'
  | 'listMove'
  | 'listOpen'
  | 'listDelete'
  | 'listRead'
  | 'listFlag'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset';

export type ShortcutGroup = 'groupGeneral' | 'groupList' | 'groupWindow';

export interface Shortcut {
  id: ShortcutId;
  group: ShortcutGroup;
  /** The text key under `desktop.shortcuts` that says what it does. */
  text: string;
  /** Alternatives, each a sequence of key caps as shown ("Ctrl", "F"). */
  keys: string[][];
  /**
   * Whether a key press is this shortcut. Absent: handled elsewhere (the message list while it has focus, the
   * window's zoom) and only listed here.
   */
  matches?: (e: KeyboardEvent) => boolean;
  /** Which presses also count while focus is in a text field (Ctrl+F to search, not "/"). */
  whileTyping?: (e: KeyboardEvent) => boolean;
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const letter = (key: string) => (e: KeyboardEvent) => plain(e) && !e.shiftKey && e.key === key;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', group: 'groupGeneral', text: 'help', keys: [['?']], matches: (e) => plain(e) && e.key === '?' },
  { id: 'newMessage', group: 'groupGeneral', text: 'newMessage', keys: [['n']], matches: letter('n') },
  {
    id: 'search',
    group: 'groupGeneral',
    text: 'search',
    keys: [['/'], ['Ctrl', 'F']],
    matches: (e) =>
      (plain(e) && e.key === '/') ||
      ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f'),
    whileTyping: (e) => e.ctrlKey || e.metaKey,
  },
  { id: 'reply', group: 'groupList', text: 'reply', keys: [['r']], matches: letter('r') },
  // "f" flags the letter in the list, so forward is "v" (videresend).
  { id: 'forward', group: 'groupList', text: 'forward', keys: [['v']], matches: letter('v') },
  { id: 'next', group: 'groupList', text: 'next', keys: [['j']], matches: letter('j') },
  { id: 'previous', group: 'groupList', text: 'previous', keys: [['k']], matches: letter('k') },
  { id: 'listMove', group: 'groupList', text: 'listMove', keys: [['↓'], ['↑']] },
  { id: 'listOpen', group: 'groupList', text: 'listOpen', keys: [['Enter']] },
  { id: 'listDelete', group: 'groupList', text: 'listDelete', keys: [['Delete']] },
  { id: 'listRead', group: 'groupList', text: 'listRead', keys: [['u']] },
  { id: 'listFlag', group: 'groupList', text: 'listFlag', keys: [['f']] },
  { id: 'zoomIn', group: 'groupWindow', text: 'zoomIn', keys: [['Ctrl', '+']] },
  { id: 'zoomOut', group: 'groupWindow', text: 'zoomOut', keys: [['Ctrl', '−']] },
  { id: 'zoomReset', group: 'groupWindow', text: 'zoomReset', keys: [['Ctrl', '0']] },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['groupGeneral', 'groupList', 'groupWindow'];

/** A text field, a text area, a select, or an editable element: keys there are the user's words. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target.closest('[contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}

/** The shortcut a key press means here, or undefined (typing, a modifier of its own, handled already). */
export function shortcutFor(e: KeyboardEvent): Shortcut | undefined {
  if (e.defaultPrevented || e.isComposing) return undefined;
  const typing = isTypingTarget(e.target);
  return SHORTCUTS.find((s) => s.matches?.(e) && (!typing || s.whileTyping?.(e) === true));
}

type Handler = () => boolean | void;
const handlers = new Map<ShortcutId, Set<Handler>>();

/** Carries out `id` while registered; return false when it cannot now (no letter open). Returns the unregister. */
export function onShortcut(id: ShortcutId, handler: Handler): () => void {
  let set = handlers.get(id);
  if (!set) handlers.set(id, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

/** Runs the latest registered handler of `id`; true when one carried it out. */
export function runShortcut(id: ShortcutId): boolean {
  const list = [...(handlers.get(id) ?? [])];
  const handler = list[list.length - 1];
  return handler ? handler() !== false : false;
}
