import { useCallback, useEffect, useRef } from 'react';

/** A heading this many of its heights from the bottom still counts as in sight (fixed notices). */
const CLEARANCE = 3;

/**
 * Focus for a crossing's details that open under its row: when the reader opens them (a tap,
 * Enter or Space), they come into view and their heading takes the focus, so a screen reader
 * announces them; nothing moves when their heading is already in sight. When they close (the toggle,
 * their close button, or Back) and the focus went with them, it returns to the crossing's
 * toggle. Details open from a link (?crossing=) take nothing: the reader did not ask here.
 */
export function useDetailsFocus(open: boolean, anotherOpen: boolean) {
  const toggleRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const wasOpen = useRef(open);
  // A callback ref: the heading may arrive after the details open (their code loads lazily).
  const headingRef = useCallback((heading: HTMLHeadingElement | null) => {
    if (!heading || !asked.current) return;
    asked.current = false;
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight - CLEARANCE * box.height)
      // The crossing's own row to the top: its name stays in sight above its details.
      (toggleRef.current?.closest('tr') ?? heading).scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    if (!open) asked.current = false;
    if (!open && wasOpen.current && !anotherOpen) {
      const focused = document.activeElement;
      if (!focused || focused === document.body) toggleRef.current?.focus();
    }
    wasOpen.current = open;
  }, [open, anotherOpen]);
  const ask = useCallback(() => {
    asked.current = true;
  }, []);
  return { toggleRef, headingRef, ask };
}
