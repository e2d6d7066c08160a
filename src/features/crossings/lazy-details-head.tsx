import { lazy, Suspense, type ComponentProps } from 'react';

// The first screen has no open details: their head's code comes when a crossing opens.
const Head = lazy(() => import('./details-head.tsx'));

/** The head of a crossing's details (see details-head.tsx), loaded when first opened. */
export function DetailsHead(props: ComponentProps<typeof Head>) {
  return (
    <Suspense fallback={null}>
      <Head {...props} />
    </Suspense>
  );
}
