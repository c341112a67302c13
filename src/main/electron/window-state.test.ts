import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const displays = vi.hoisted(() => ({
  all: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  primary: { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
}));

vi.mock('electron', () => ({
  screen: {
    getAllDisplays: () => displays.all,
    getPrimaryDisplay: () => displays.primary,
  },
}));

import {
  DEFAULT_SIZE,
  restoredBounds,
  trackWindowState,
  windowOptionsFor,
  type WindowStateStore,
} from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: false };

describe('restoredBounds', () => {
  it('opens at the default size when nothing is remembered', () => {
    expect(restoredBounds(undefined, [primary], primary)).toEqual(DEFAULT_SIZE);
  });

  it('keeps the remembered place on a display that is still there', () => {
    expect(restoredBounds(saved, [primary, right], primary)).toEqual({ x: 2100, y: 100, width: 1400, height: 900 });
  });

  it('centres the window on the primary display when its display is gone, shrunk to fit', () => {
    expect(restoredBounds(saved, [primary], primary)).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
    const huge = { ...saved, width: 2500, height: 1300 };
    expect(restoredBounds(huge, [primary], primary)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('moves a window whose title bar is off screen, or barely on it', () => {
    const above = { ...saved, x: 100, y: -500 };
    expect(restoredBounds(above, [primary], primary)).toMatchObject({ x: 260, y: 70 });
    const edge = { ...saved, x: 1900, y: 100 };
    expect(restoredBounds(edge, [primary], primary)).toMatchObject({ x: 260, y: 70 });
    const partly = { ...saved, x: 1500, y: 100 };
    expect(restoredBounds(partly, [primary], primary)).toMatchObject({ x: 1500, y: 100 });
  });
});

describe('windowOptionsFor', () => {
  it('reads the remembered state against the displays attached now', () => {
    const store: WindowStateStore = { get: () => saved, save: vi.fn() };
    expect(windowOptionsFor(store)).toMatchObject({ x: 260, y: 70, width: 1400, height: 900 });
    displays.all = [...displays.all, { workArea: right }];
    expect(windowOptionsFor(store)).toMatchObject({ x: 2100, y: 100 });
    expect(windowOptionsFor(undefined)).toEqual(DEFAULT_SIZE);
  });
});

class FakeWindow {
  handlers = new Map<string, (() => void)[]>();
  bounds = { x: 10, y: 20, width: 1300, height: 850 };
  maximized = false;
  destroyed = false;
  on(event: string, fn: () => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  removeListener(event: string, fn: () => void) {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((f) => f !== fn),
    );
    return this;
  }
  emit(event: string) {
    for (const fn of this.handlers.get(event) ?? []) fn();
  }
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMaximized = () => this.maximized;
  isMinimized = () => false;
  isFullScreen = () => false;
  isDestroyed = () => this.destroyed;
  getNormalBounds = () => this.bounds;
}

describe('trackWindowState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const track = (remembered?: typeof saved) => {
    const win = new FakeWindow();
    const save = vi.fn(async () => undefined);
    const stop = trackWindowState(win as never, { get: () => remembered, save }, { delayMs: 100 });
    return { win, save, stop };
  };

  it('maximizes a window that was maximized, and not one that was not', () => {
    expect(track({ ...saved, maximized: true }).win.maximize).toHaveBeenCalled();
    expect(track(saved).win.maximize).not.toHaveBeenCalled();
  });

  it('writes the normal bounds once a burst of moves pauses, and again at close', () => {
    const { win, save } = track();
    win.emit('move');
    win.bounds = { ...win.bounds, x: 40 };
    win.emit('move');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith({ x: 40, y: 20, width: 1300, height: 850, maximized: false });
    // Maximized: the normal bounds stay what they were, with the flag.
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(save).toHaveBeenLastCalledWith({ x: 40, y: 20, width: 1300, height: 850, maximized: true });
    expect(save).toHaveBeenCalledTimes(2);
    // Nothing changed: nothing written.
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('stops listening when stopped', () => {
    const { win, save, stop } = track();
    stop();
    win.emit('resize');
    win.emit('close');
    vi.advanceTimersByTime(1000);
    expect(save).not.toHaveBeenCalled();
  });
});
