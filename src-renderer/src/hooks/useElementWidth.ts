import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The element's inner width, kept up to date (null until it is mounted); follows the ref to a new element. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  const observed = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
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
