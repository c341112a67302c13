import type { Density, Theme } from '../../shared/ipc/channels/auth';

/**
 * The chosen look goes on <html> as data attributes that tokens.css reads: `data-theme` only when the user chose
 * light or dark (without it the OS decides through prefers-color-scheme), `data-density` for the list rows.
 */
export function applyAppearance(
  settings: { theme?: Theme | undefined; density?: Density | undefined },
  root: HTMLElement = document.documentElement,
): void {
  if (settings.theme === 'light' || settings.theme === 'dark') root.dataset.theme = settings.theme;
  else delete root.dataset.theme;
  if (settings.density === 'compact') root.dataset.density = 'compact';
  else delete root.dataset.density;
}
