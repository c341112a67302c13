import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneWidths } from '../../../shared/ipc/channels/auth';
import { useAppStore } from '../../store';
import './desktop.css';

const store = useAppStore.getState;

/** The limits the settings contract accepts, so a drag never asks for a width main would refuse. */
export const PANE_LIMITS = { sidebar: { min: 160, max: 600 }, list: { min: 240, max: 1000 } } as const;
const KEY_STEP = 16;

type Pane = keyof typeof PANE_LIMITS;
const clamp = (pane: Pane, px: number): number =>
  Math.round(Math.min(PANE_LIMITS[pane].max, Math.max(PANE_LIMITS[pane].min, px)));

/**
 * Two vertical separators inside `.mail-layout` (after the sidebar, after the list) that drag or arrow-key the pane
 * widths; the widths apply as CSS variables on the layout and are remembered in settings when the drag ends.
 */
export function PaneResizers() {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.settings?.paneWidths);
  const ref = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<PaneWidths | null>(null);
  const [measured, setMeasured] = useState({ sidebar: 0, list: 0 });
  const widths: PaneWidths = { ...saved, ...live };

  const layout = () => ref.current?.parentElement ?? null;

  // The chosen widths drive the grid; none chosen keeps the stylesheet's flexible default.
  useLayoutEffect(() => {
    const el = layout();
    if (!el) return;
    el.classList.toggle('has-pane-widths', widths.sidebar !== undefined || widths.list !== undefined);
    for (const pane of ['sidebar', 'list'] as const) {
      const w = widths[pane];
      if (w === undefined) el.style.removeProperty(`--pane-${pane}`);
      else el.style.setProperty(`--pane-${pane}`, `${w}px`);
    }
  });

  // Where the separators go: the panes' real widths, followed as the window or the grid changes.
  useEffect(() => {
    const el = layout();
    if (!el) return;
    const measure = () => {
      const [sidebar, list] = Array.from(el.children).filter((c) => c !== ref.current) as HTMLElement[];
      setMeasured({ sidebar: sidebar?.offsetWidth ?? 0, list: list?.offsetWidth ?? 0 });
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    for (const child of Array.from(el.children)) observer?.observe(child);
    return () => observer?.disconnect();
  }, []);

  // The widths shown are the ones asked for, not the ones settings answers with later: a second arrow key before
  // that answer (a held key repeats) must step on from the first, not from the stale width.
  const remember = (next: PaneWidths) => {
    setLive(next);
    void store().updateSettings({ paneWidths: next });
  };

  const current = (pane: Pane) => widths[pane] ?? measured[pane];

  const startDrag = (pane: Pane, e: React.PointerEvent) => {
    e.preventDefault();
    const startX = e.clientX;
    const start = current(pane);
    let last: PaneWidths = { ...widths };
    const move = (ev: PointerEvent) => {
      last = { ...widths, [pane]: clamp(pane, start + ev.clientX - startX) };
      setLive(last);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      remember(last);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKey = (pane: Pane, e: React.KeyboardEvent) => {
    const delta = e.key === 'ArrowLeft' ? -KEY_STEP : e.key === 'ArrowRight' ? KEY_STEP : 0;
    if (delta === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const target =
      e.key === 'Home' ? PANE_LIMITS[pane].min : e.key === 'End' ? PANE_LIMITS[pane].max : current(pane) + delta;
    remember({ ...widths, [pane]: clamp(pane, target) });
  };

  const separator = (pane: Pane, left: number) => (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t(`desktop.panes.${pane}`)}
      aria-valuemin={PANE_LIMITS[pane].min}
      aria-valuemax={PANE_LIMITS[pane].max}
      aria-valuenow={current(pane)}
      tabIndex={0}
      className="pane-resizer"
      style={{ left: left - 3 }}
      onPointerDown={(e) => startDrag(pane, e)}
      onKeyDown={(e) => onKey(pane, e)}
      onDoubleClick={() => remember({ ...widths, [pane]: undefined })}
      title={t('desktop.panes.hint')}
    />
  );

  return (
    // A landmark of its own: the separators sit between the panes' landmarks, not inside one.
    <div ref={ref} className="pane-resizers" role="region" aria-label={t('desktop.panes.region')}>
      {measured.sidebar > 0 && separator('sidebar', current('sidebar'))}
      {measured.list > 0 && separator('list', current('sidebar') + current('list'))}
    </div>
  );
}
