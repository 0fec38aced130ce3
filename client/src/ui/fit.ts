// Layouts that measure what fits: the projector has one screen and nothing on it may scroll or be cut.
import { type RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The text cut at a word boundary to at most `max` characters, with an ellipsis when it was cut. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The size of an element's content box, kept up to date as the screen is resized. */
export function useBoxSize(box: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const read = () => setSize((s) => (s.width === element.clientWidth && s.height === element.clientHeight ? s : { width: element.clientWidth, height: element.clientHeight }));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return size;
}

export interface Paging {
  /** The box the current page is shown in: give it a height that doesn't depend on its content (flex: 1 1 0). */
  box: RefObject<HTMLDivElement | null>;
  /** A hidden copy of every item, as wide as the box and spaced like a page, so each can be measured. */
  measure: RefObject<HTMLDivElement | null>;
  width: number;
  /** The items on the current page: [start, end). */
  start: number;
  end: number;
  page: number;
  pages: number;
}

/**
 * Splits items into pages that each fit the box, from the first item on, and turns the page every
 * `rotateMs` (0: never, the first page stays). `keys` names the items in order: when the first one
 * changes (a newer item arrived), it shows the first page again.
 */
export function usePaging(keys: string[], rotateMs: number): Paging {
  const box = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(box);
  const [starts, setStarts] = useState<number[]>([0]);
  const [page, setPage] = useState(0);
  const signature = keys.join('\n');

  useLayoutEffect(() => {
    const holder = measure.current;
    if (!holder || !box.current || height === 0) return;
    const gap = parseFloat(getComputedStyle(holder).rowGap) || 0;
    const next: number[] = [];
    let used = Infinity;
    [...holder.children].forEach((child, i) => {
      const h = child.getBoundingClientRect().height;
      if (used + gap + h > height + 0.5) {
        next.push(i);
        used = h;
      } else {
        used += gap + h;
      }
    });
    if (next.length === 0) next.push(0);
    setStarts((old) => (old.join() === next.join() ? old : next));
  }, [signature, width, height]);

  // A newer first item shows the first page again, for a whole turn.
  useEffect(() => setPage(0), [keys[0]]);

  useEffect(() => {
    if (rotateMs <= 0 || starts.length < 2) return;
    const timer = window.setInterval(() => setPage((p) => (p + 1) % starts.length), rotateMs);
    return () => window.clearInterval(timer);
  }, [rotateMs, starts.length, keys[0]]);

  const current = page < starts.length ? page : 0;
  return { box, measure, width, start: starts[current], end: starts[current + 1] ?? keys.length, page: current, pages: starts.length };
}

/**
 * Text that must fit the height its CSS gives it (max-height). When it doesn't, it is cut at a word
 * and ends with `suffix`, which says where the whole text is. Returns the text to show.
 */
export function useFittedText(element: RefObject<HTMLElement | null>, text: string, suffix: string): string {
  const [shown, setShown] = useState(text);
  const { width } = useBoxSize(element);
  useLayoutEffect(() => {
    const el = element.current;
    if (!el || width === 0) return;
    const limit = parseFloat(getComputedStyle(el).maxHeight);
    if (!Number.isFinite(limit)) return setShown(text);
    const probe = el.cloneNode(false) as HTMLElement;
    Object.assign(probe.style, { position: 'fixed', visibility: 'hidden', left: '0', top: '0', width: `${el.clientWidth}px`, maxHeight: 'none' });
    probe.setAttribute('aria-hidden', 'true');
    el.parentElement!.appendChild(probe);
    const fits = (candidate: string) => {
      probe.textContent = candidate;
      return probe.scrollHeight <= limit + 0.5;
    };
    let best = text;
    if (!fits(text)) {
      let low = 0;
      let high = text.length;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(`${excerpt(text, mid)} ${suffix}`)) low = mid;
        else high = mid - 1;
      }
      best = `${excerpt(text, low)} ${suffix}`;
    }
    probe.remove();
    setShown(best);
  }, [text, suffix, width]);
  return shown;
}
