import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The element's inner width, kept up to date (null until it is mounted); follows the ref to a new element. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  const observed = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  // No dependency list on purpose: the ref may point at a new element after any render, and a ref change
  // causes no render of its own. The identity check makes the runs that change nothing cheap.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === observed.current) return;
    observer.current?.disconnect();
    observed.current = el;
    if (!el) return;
    observer.current = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.current.observe(el);
    setWidth(el.clientWidth);
  });
  useEffect(() => () => observer.current?.disconnect(), []);
  return width;
}
