import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { WindowState } from '../../shared/ipc/channels/auth';

/** Where the window's state is kept between runs (the settings service in the app). */
export interface WindowStateStore {
  get(): WindowState | undefined;
  save(state: WindowState): Promise<void>;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** At least this much of the title bar must lie on a display for the window to count as visible there. */
const MIN_VISIBLE = 100;

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

/**
 * The bounds to open the window with: the remembered ones when enough of the title bar still lies on one of the
 * displays' work areas (a monitor unplugged since, a resolution changed), else the remembered size, shrunk to fit,
 * centred on the primary display. Nothing remembered: the default size, placed by the OS.
 */
export function restoredBounds(
  saved: WindowState | undefined,
  workAreas: Rectangle[],
  primary: Rectangle,
): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE, saved.width) && o.height > 0;
  });
  if (visible) return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const width = Math.min(saved.width, primary.width);
  const height = Math.min(saved.height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
  };
}

/** The window options for the remembered state, read against the displays attached now. */
export function windowOptionsFor(store: WindowStateStore | undefined): Partial<Rectangle> & {
  width: number;
  height: number;
} {
  const saved = store?.get();
  if (!saved) return { ...DEFAULT_SIZE };
  return restoredBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
}

export interface TrackOptions {
  /** Moves and resizes come in bursts; the state is written once they pause. */
  delayMs?: number;
}

/**
 * Remembers the window: maximizes it when it was, and writes its normal bounds and maximized state after it is moved,
 * resized, maximized or restored, and when it closes. Returns a stop function.
 */
export function trackWindowState(win: BrowserWindow, store: WindowStateStore, options: TrackOptions = {}): () => void {
  const delay = options.delayMs ?? 500;
  if (store.get()?.maximized) win.maximize();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = '';
  const write = () => {
    timer = null;
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    const state: WindowState = {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
      maximized: win.isMaximized(),
    };
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    store.save(state).catch((err: unknown) => console.warn('Window state not saved', err));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delay);
  };
  const now = () => {
    if (timer) clearTimeout(timer);
    write();
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const e of events) win.on(e as 'resize', later);
  win.on('close', now);
  return () => {
    if (timer) clearTimeout(timer);
    for (const e of events) win.removeListener(e as 'resize', later);
    win.removeListener('close', now);
  };
}
