import { lazy, Suspense, useRef, useState } from 'react';
import type { RecordsBehind } from '../domain/provenance.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import './who-says-so.css';

// The dialog (its query, table and words) loads when a reader first opens one: the board the
// button sits on is in the first screen's bundle.
const WhoSaysSoDialog = lazy(() => import('./who-says-so-dialog.tsx'));

/**
 * "Who says so?" (issue 14): a button beside a figure that opens the records behind it — who
 * published each, when, how it was verified and by whom, and how the publisher says it counts.
 * The records are asked for only when the reader opens it, for the figure's days only. Used by
 * the board, the headline figures and every chart's table (charts/, since it reads data/).
 */
export function WhoSaysSo({ behind, figure }: { behind: RecordsBehind; figure: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="who-button"
        aria-haspopup="dialog"
        aria-busy={open || undefined}
        onClick={() => setOpen(true)}
      >
        {t('who.button')}
        {/* Named by what it shows first, then which figure (axe: label in name). */}
        <span className="visually-hidden"> {figure}</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <WhoSaysSoDialog
            behind={behind}
            figure={figure}
            onClosed={() => {
              setOpen(false);
              // Back to the figure the reader came from, however the dialog was closed.
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
