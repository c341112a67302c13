// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { render } from '../test/render';
import { Modal } from './Modal';

const escapeOn = (target: EventTarget) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });

/** A dialog whose only control is replaced once its content "loads", as the notification settings do. */
function Loading({ onClose }: { onClose: () => void }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <Modal title="Indstillinger" onClose={onClose}>
      {loaded ? <p>Indhold</p> : <button onClick={() => setLoaded(true)}>Hent</button>}
    </Modal>
  );
}

describe('Modal', () => {
  it('closes on Escape even after the focused control inside was replaced and focus fell to the page', () => {
    const onClose = vi.fn();
    const { container, unmount } = render(<Loading onClose={onClose} />);
    const button = container.querySelector('button')!;
    expect(document.activeElement).toBe(button);
    act(() => button.click());
    expect(document.activeElement).toBe(document.body);
    escapeOn(document.body);
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('with a dialog on top of another, a stray Escape closes only the top one', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    const { unmount } = render(
      <>
        <Modal title="Ydre" onClose={outer}>
          <p>Ydre</p>
        </Modal>
        <Modal title="Indre" onClose={inner}>
          <p>Indre</p>
        </Modal>
      </>,
    );
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    escapeOn(document.body);
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
    unmount();
  });

  it('Escape inside the dialog closes it once, not twice', () => {
    const onClose = vi.fn();
    const { container, unmount } = render(
      <Modal title="Bekræft" onClose={onClose}>
        <button>OK</button>
      </Modal>,
    );
    escapeOn(container.querySelector('button')!);
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
  });
});
