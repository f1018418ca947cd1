import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** One entry of a menu: an action, or one of a set of choices (`checked` given). */
export interface MenuEntry {
  label: string;
  /** A choice: `menuitemradio`, checked or not. Absent: a plain `menuitem`. */
  checked?: boolean;
  disabled?: boolean;
  onSelect: () => void;
  /** Called when the pointer or focus reaches it (a part that loads on first use starts loading). */
  onPreload?: () => void;
}

/** Entries under a label (a `group`); groups are separated. */
export interface MenuSection {
  label?: string;
  entries: MenuEntry[];
  /** Shown when there are no entries. */
  empty?: string;
}

export interface MenuButtonProps {
  /** The button's text and the menu's name. */
  label: string;
  sections: MenuSection[];
  /** Extra text on the button after the label, hidden from its name. */
  badge?: string;
}

/**
 * A button that opens a `menu` (the APG menu button): focus goes to the checked entry or the first; arrows,
 * Home and End move; Enter, Space or a click chooses and closes; Escape and Tab close. Focus returns to the
 * button unless the choice opened something that took it.
 */
export function MenuButton({ label, sections, badge }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];

  useEffect(() => {
    if (!open) return undefined;
    const all = items();
    (all.find((el) => el.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') setOpen(false);
  };
  const choose = (entry: MenuEntry) => {
    if (entry.disabled) return;
    close(true);
    entry.onSelect();
  };

  return (
    <div ref={rootRef} className="ral-menu">
      <button
        ref={buttonRef}
        type="button"
        className="ral-button ral-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        {badge ? <span aria-hidden="true" className="ral-popover__badge">{badge}</span> : null}
      </button>
      {open ? (
        <div ref={menuRef} id={menuId} role="menu" aria-label={label} className="ral-menu__list" onKeyDown={onKeyDown}>
          {sections.map((section, i) => (
            <Fragment key={section.label ?? i}>
              {i > 0 ? <div role="separator" className="ral-menu__separator" /> : null}
              <div role="group" aria-label={section.label} className="ral-menu__group">
                {section.label ? (
                  <div aria-hidden="true" className="ral-menu__heading">
                    {section.label}
                  </div>
                ) : null}
                {section.entries.length === 0 && section.empty ? (
                  <button type="button" tabIndex={-1} role="menuitem" aria-disabled="true" className="ral-menu__item ral-menu__empty">
                    {section.empty}
                  </button>
                ) : null}
                {section.entries.map((entry) => (
                  <button
                    key={entry.label}
                    type="button"
                    tabIndex={-1}
                    role={entry.checked === undefined ? 'menuitem' : 'menuitemradio'}
                    aria-checked={entry.checked}
                    aria-disabled={entry.disabled || undefined}
                    className="ral-menu__item"
                    onClick={() => choose(entry)}
                    onPointerEnter={entry.onPreload}
                    onFocus={entry.onPreload}
                  >
                    {entry.label}
                  </button>
                ))}
              </div>
            </Fragment>
          ))}
        </div>
      ) : null}
    </div>
  );
}
