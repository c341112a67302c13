import { useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from './icons';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Nesting level for a folder picker (1 = top). */
  level?: number;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): Enter, Space or ArrowDown open it on the first item, ArrowUp on
 * the last; arrows, Home and End move; Escape closes and gives focus back to the button; Tab or a click elsewhere
 * closes. With `iconOnly` the label is the button's accessible name and tooltip.
 */
export function MenuButton({
  label,
  icon,
  iconOnly,
  items,
  className,
  unavailable,
}: {
  label: string;
  icon?: IconName;
  iconOnly?: boolean;
  items: MenuItem[];
  className?: string;
  /** Why the whole menu cannot be used now (offline): the button is disabled and says so. */
  unavailable?: string;
}) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);

  useEffect(() => {
    if (!open) return;
    const el = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusIndex];
    el?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const openAt = (index: number | undefined) => {
    if (index === undefined) return;
    setFocusIndex(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const step = (delta: number) => {
    const at = enabled.indexOf(focusIndex);
    const next = enabled[(at + delta + enabled.length) % enabled.length];
    if (next !== undefined) setFocusIndex(next);
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        step(1);
        break;
      case 'ArrowUp':
        step(-1);
        break;
      case 'Home':
        if (enabled[0] !== undefined) setFocusIndex(enabled[0]);
        break;
      case 'End':
        if (enabled.length > 0) setFocusIndex(enabled[enabled.length - 1]!);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <span className={`menu-button${className ? ` ${className}` : ''}`}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={iconOnly ? 'icon-button' : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={iconOnly ? label : undefined}
        title={unavailable ?? (iconOnly ? label : undefined)}
        aria-description={unavailable}
        disabled={enabled.length === 0 || unavailable !== undefined}
        onClick={() => (open ? close(false) : openAt(enabled[0]))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            openAt(enabled[0]);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            openAt(enabled[enabled.length - 1]);
          }
        }}
      >
        {icon && <Icon name={icon} />}
        {!iconOnly && <span>{label}</span>}
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-labelledby={buttonId} className="menu" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={i === focusIndex ? 0 : -1}
              disabled={item.disabled}
              className="menu-item"
              style={item.level && item.level > 1 ? { paddingInlineStart: `${item.level - 1}rem` } : undefined}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
