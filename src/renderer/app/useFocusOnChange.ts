import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to `target` when `key` changes (a new area), so keyboard and screen-reader users
 * follow along; never on first show, where the page's own autofocus (e.g. the order-type
 * picker) must keep focus. It compares with the key last acted on rather than a "first run"
 * flag, because React's StrictMode runs effects twice on mount and a flag would fire then.
 */
export function useFocusOnChange(key: string, target: RefObject<HTMLElement | null>): void {
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    target.current?.focus();
  }, [key, target]);
}
