import { Menu, Tray } from 'electron';

export interface AppTray {
  /** Shows the unread total in the tooltip (the only text a tray icon has on every platform). */
  update(unread: number): void;
  destroy(): void;
}

export const trayTooltip = (unread: number): string =>
  unread <= 0 ? 'Digital Post' : `Digital Post – ${unread} ${unread === 1 ? 'ulæst' : 'ulæste'}`;

/**
 * The tray icon that keeps the app reachable while its window is closed and the poller still alerts. The menu is
 * the way in on Linux, where AppIndicator trays never report clicks; click and double-click serve Windows and macOS.
 */
export const createAppTray = ({
  onOpen,
  onQuit,
  iconPath,
}: {
  onOpen: () => void;
  onQuit: () => void;
  iconPath: string;
}): AppTray => {
  const tray = new Tray(iconPath);
  tray.setToolTip(trayTooltip(0));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Åbn Digital Post', click: () => onOpen() },
      { type: 'separator' },
      { label: 'Afslut', click: () => onQuit() },
    ]),
  );
  tray.on('click', () => onOpen());
  tray.on('double-click', () => onOpen());
  return {
    update(unread) {
      if (!tray.isDestroyed()) tray.setToolTip(trayTooltip(unread));
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
};
