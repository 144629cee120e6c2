import { useCallback, useMemo, useState } from 'react';

export interface Selection {
  ids: Set<number>;
  size: number;
  has: (id: number) => boolean;
  toggle: (id: number) => void;
  setMany: (ids: number[], on: boolean) => void;
  replace: (ids: number[]) => void;
  clear: () => void;
}

export function useSelection(): Selection {
  const [ids, setIds] = useState<Set<number>>(() => new Set());
  const toggle = useCallback((id: number) => {
    setIds((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const setMany = useCallback((list: number[], on: boolean) => {
    setIds((prev) => {
      const next = new Set(prev);
      for (const id of list) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const replace = useCallback((list: number[]) => setIds(new Set(list)), []);
  const clear = useCallback(() => setIds(new Set()), []);
  return useMemo(
    () => ({ ids, size: ids.size, has: (id: number) => ids.has(id), toggle, setMany, replace, clear }),
    [ids, toggle, setMany, replace, clear],
  );
}
