import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders into a fresh container attached to the document (so focus works); returns it with an unmount. */
export function render(ui: ReactElement): {
  container: HTMLElement;
  rerender(ui: ReactElement): void;
  unmount(): void;
} {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(ui);
  });
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export const press = (el: Element, key: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

export const click = (el: Element) =>
  act(() => {
    (el as HTMLElement).click();
  });

/** The element with this role whose accessible name (aria-label or text) matches. */
export function byRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const implicit: Record<string, string> = { button: 'button', checkbox: 'input[type="checkbox"]' };
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>(`[role="${role}"]${implicit[role] ? `, ${implicit[role]}` : ''}`),
  );
  const found = candidates.find((el) => {
    if (name === undefined) return true;
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    return typeof name === 'string' ? label.trim() === name : name.test(label);
  });
  if (!found) throw new Error(`no ${role} named ${String(name)}`);
  return found;
}
