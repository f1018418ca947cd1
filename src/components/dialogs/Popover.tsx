import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface PopoverProps {
  /** The button's text and accessible name. */
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** Something shown on the button after the label (a count), hidden from its name. */
  badge?: ReactNode;
  /** Id of an element describing the button's current value. */
  describedBy?: string;
  /** Called when the pointer or focus reaches the button: a panel that loads on first use starts loading. */
  onPreload?: () => void;
}

const CONTROLS = 'input, select, button, textarea';

/**
 * A button that opens a panel of controls below it. Escape or a click outside closes it and returns
 * focus to the button; opening moves focus to the panel's first control.
 */
export function Popover({ label, open, onOpenChange, children, badge, describedBy, onPreload }: PopoverProps) {
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const panel = panelRef.current;
    const first = () => panel?.querySelector<HTMLElement>(CONTROLS);
    // A panel whose content is still loading gets focus into it once it arrives.
    let arriving: MutationObserver | undefined;
    if (first()) first()?.focus();
    else if (panel && typeof MutationObserver !== 'undefined') {
      arriving = new MutationObserver(() => {
        if (!first()) return;
        arriving?.disconnect();
        first()?.focus();
      });
      arriving.observe(panel, { childList: true, subtree: true });
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      arriving?.disconnect();
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, onOpenChange]);

  return (
    <div
      ref={rootRef}
      className="ral-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onOpenChange(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="ral-button ral-popover__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-describedby={describedBy}
        onClick={() => onOpenChange(!open)}
        onPointerEnter={onPreload}
        onFocus={onPreload}
      >
        {label}
        {badge ? <span aria-hidden="true" className="ral-popover__badge">{badge}</span> : null}
      </button>
      {open ? (
        <div ref={panelRef} id={panelId} role="group" aria-label={label} className="ral-popover__panel">
          {children}
        </div>
      ) : null}
    </div>
  );
}
