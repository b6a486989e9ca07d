'use client';
import { useEffect } from 'react';
import { navItems } from './nav-items.ts';

/** Whether a key press belongs to a text field (then it is typing, not a shortcut). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `g` then a page key goes to that page (`g d` → Data), `?` toggles the shortcut help.
 *
 * @example
 * useGoShortcuts((href) => router.push(href), () => setHelp((h) => !h));
 */
export function useGoShortcuts(go: (href: string) => void, toggleHelp: () => void): void {
  useEffect(() => {
    let pendingG = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        toggleHelp();
        return;
      }
      if (pendingG) {
        pendingG = false;
        const item = navItems.find((candidate) => candidate.key === event.key);
        if (item) {
          event.preventDefault();
          go(item.href);
        }
        return;
      }
      if (event.key === 'g') {
        pendingG = true;
        clearTimeout(timer);
        timer = setTimeout(() => (pendingG = false), 1_000);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, [go, toggleHelp]);
}
