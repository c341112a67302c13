import { beforeEach, describe, expect, it, vi } from 'vitest';

const e = vi.hoisted(() => ({
  trays: [] as {
    icon: unknown;
    tooltip: string;
    menu: unknown;
    handlers: Map<string, () => void>;
    destroyed: boolean;
    destroy: () => void;
  }[],
}));

vi.mock('electron', () => {
  class Tray {
    tooltip = '';
    menu: unknown;
    handlers = new Map<string, () => void>();
    destroyed = false;
    constructor(public icon: unknown) {
      e.trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
    on(name: string, fn: () => void) {
      this.handlers.set(name, fn);
    }
    isDestroyed = () => this.destroyed;
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
  }
  // The built menu is its template, so the test can read labels and click items.
  return { Tray, Menu: { buildFromTemplate: (template: unknown) => ({ template }) } };
});

import { createAppTray, trayTooltip } from './tray';

type Item = { label?: string; type?: string; click?: () => void };
const menuOf = (i = 0): Item[] => (e.trays[i]!.menu as { template: Item[] }).template;

beforeEach(() => {
  e.trays.length = 0;
});

describe('createAppTray', () => {
  it('shows the icon with a Danish menu whose items open the window and quit', () => {
    const onOpen = vi.fn();
    const onQuit = vi.fn();
    createAppTray({ onOpen, onQuit, iconPath: '/opt/dp/tray-icon.png' });
    expect(e.trays).toHaveLength(1);
    expect(e.trays[0]!.icon).toBe('/opt/dp/tray-icon.png');
    expect(e.trays[0]!.tooltip).toBe('Digital Post');
    expect(menuOf().map((item) => item.label ?? item.type)).toEqual(['Åbn Digital Post', 'separator', 'Afslut']);

    menuOf()[0]!.click!();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onQuit).not.toHaveBeenCalled();
    menuOf()[2]!.click!();
    expect(onQuit).toHaveBeenCalledTimes(1);
  });

  it('opens the window on click and double-click', () => {
    const onOpen = vi.fn();
    createAppTray({ onOpen, onQuit: vi.fn(), iconPath: 'x.png' });
    e.trays[0]!.handlers.get('click')!();
    e.trays[0]!.handlers.get('double-click')!();
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('puts the unread total in the tooltip, and back to the plain name at zero', () => {
    const tray = createAppTray({ onOpen: vi.fn(), onQuit: vi.fn(), iconPath: 'x.png' });
    tray.update(3);
    expect(e.trays[0]!.tooltip).toBe('Digital Post – 3 ulæste');
    tray.update(1);
    expect(e.trays[0]!.tooltip).toBe('Digital Post – 1 ulæst');
    tray.update(0);
    expect(e.trays[0]!.tooltip).toBe('Digital Post');
  });

  it('ignores updates after destroy and destroys only once', () => {
    const tray = createAppTray({ onOpen: vi.fn(), onQuit: vi.fn(), iconPath: 'x.png' });
    tray.destroy();
    tray.destroy();
    tray.update(7);
    expect(e.trays[0]!.destroy).toHaveBeenCalledTimes(1);
    expect(e.trays[0]!.tooltip).toBe('Digital Post');
  });

  it('words the tooltip in Danish singular and plural', () => {
    expect(trayTooltip(-1)).toBe('Digital Post');
    expect(trayTooltip(12)).toBe('Digital Post – 12 ulæste');
  });
});
