import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  danger?: boolean;
  run: () => void;
}

/**
 * A menu of actions opened from a button (the WAI-ARIA menu button pattern): the arrow keys, Home and End move
 * between its items, Enter or Space runs one, Escape or Tab closes it and focus goes back to the button. It is
 * placed beside the button, over whatever scrolls, and closes when that scrolls or is clicked outside of.
 */
export function RowMenu({ trigger, label, items, onClose }: { trigger: HTMLElement; label: string; items: MenuItem[]; onClose: (refocus: boolean) => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const button = trigger.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    const width = menu.current?.offsetWidth ?? 0;
    const below = button.bottom + 4 + height <= window.innerHeight;
    setPlace({
      top: below ? button.bottom + 4 : Math.max(4, button.top - 4 - height),
      left: Math.max(4, Math.min(button.right - width, window.innerWidth - width - 4)),
    });
  }, [trigger]);

  // Once placed (a hidden element can't take focus), the first item has the focus.
  const placed = place !== null;
  useEffect(() => {
    if (placed) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [placed]);

  useEffect(() => {
    const outside = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !trigger.contains(e.target as Node)) onClose(false);
    };
    const scrolled = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', scrolled, true);
    window.addEventListener('resize', scrolled);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', scrolled, true);
      window.removeEventListener('resize', scrolled);
    };
  }, [trigger, onClose]);

  function onKeyDown(e: KeyboardEvent) {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(all.length - 1);
    else if (e.key === 'Escape') onClose(true);
    else if (e.key === 'Tab') onClose(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  }

  return (
    <div
      ref={menu}
      class="row-menu"
      role="menu"
      aria-label={label}
      onKeyDown={onKeyDown}
      style={place ? { top: `${place.top}px`, left: `${place.left}px` } : { visibility: 'hidden', top: '0', left: '0' }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          class={`row-menu__item${item.danger ? ' row-menu__item--danger' : ''}`}
          onClick={() => {
            onClose(true);
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
