import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` only once the place they go is near the viewport. Heavy panels (the map)
 * then cost nothing on a phone until the reader scrolls to them, and the space is reserved so
 * that nothing jumps when they arrive.
 */
export function WhenVisible({
  children,
  minBlockSize,
  label,
}: {
  children: ReactNode;
  /** The space to hold meanwhile, as a CSS length. */
  minBlockSize: string;
  /** Names the placeholder for assistive technology and tests. */
  label: string;
}) {
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (visible || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [visible]);
  if (visible) return <>{children}</>;
  return (
    <div
      ref={ref}
      className="deferred"
      style={{ minBlockSize }}
      aria-label={label}
      role="group"
      data-deferred=""
    />
  );
}
