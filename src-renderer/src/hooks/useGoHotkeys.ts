// Two-key navigation shortcuts ("g s" → Sequences) plus "/" to focus the screen's search box and "?" for help.
// Ignored while typing in a field and while a modal dialog is open.
import { useEffect, useRef } from 'react';
import { navigate } from './useRoute';

export const GO_KEYS: { key: string; to: string; label: string }[] = [
  { key: 's', to: '/sequences', label: 'Sequences' },
  { key: 'c', to: '/contacts', label: 'Contacts' },
  { key: 'q', to: '/queue', label: 'Sync queue' },
  { key: 'e', to: '/errors', label: 'Errors' },
  { key: 'a', to: '/activity', label: 'Activity' },
  { key: 't', to: '/settings', label: 'Settings' },
];

/** Inputs that take no typing: shortcuts still work while one of them has the focus. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || target.getAttribute('role') === 'combobox';
}

export function useGoHotkeys(onHelp: () => void): void {
  const pendingG = useRef(0);
  const helpRef = useRef(onHelp);
  helpRef.current = onHelp;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // A modal dialog (it holds the focus) owns the keyboard; going to another screen behind it would strand it.
      if (event.target instanceof Element && event.target.closest('[aria-modal="true"]')) return;
      const key = event.key.toLowerCase();
      if (Date.now() - pendingG.current < 1200) {
        pendingG.current = 0;
        const hit = GO_KEYS.find((g) => g.key === key);
        if (hit) {
          event.preventDefault();
          navigate(hit.to);
        }
        return;
      }
      if (key === 'g') {
        pendingG.current = Date.now();
      } else if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-search-input]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === '?') {
        helpRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
