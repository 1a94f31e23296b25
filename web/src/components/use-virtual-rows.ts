/**
 * Windowing for long lists of fixed-height rows: only the rows in view (plus `overscan` either
 * side) are rendered, so a table of 10,000 devices costs as much as one of 30.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface VirtualRows {
  readonly start: number;
  readonly end: number;
  readonly offsetTop: number;
  readonly totalHeight: number;
  /** Scrolls so that row `index` is visible (keyboard navigation). */
  scrollToIndex(index: number): void;
}

export function useVirtualRows(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8): VirtualRows {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const onScroll = () => setScrollTop(element.scrollTop);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [container]);

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = container.current;
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [container, rowHeight],
  );
  return { start, end, offsetTop: start * rowHeight, totalHeight: count * rowHeight, scrollToIndex };
}
