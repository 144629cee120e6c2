import { useLayoutEffect, useState, type RefObject } from 'react';

/** The height that makes the table reach the bottom of the window (above the status bar), kept on resize. */
export function useFillHeight(ref: RefObject<HTMLDivElement | null>, enabled: boolean): number {
  const [h, setH] = useState(480);
  useLayoutEffect(() => {
    if (!enabled) return;
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const footer = document.querySelector('footer')?.getBoundingClientRect().height ?? 0;
      setH(Math.max(280, Math.floor(window.innerHeight - el.getBoundingClientRect().top - footer - 20)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return h;
}
