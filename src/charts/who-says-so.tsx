import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { RecordsBehind } from '../domain/provenance.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { isolated } from '../ui/i18n/isolate.tsx';
import './who-says-so.css';

// The body (its query, table and words) loads when a reader first opens one: the board it sits
// on is in the first screen's bundle.
const WhoSaysSoBody = lazy(() => import('./who-says-so-body.tsx'));

/**
 * "Who says so?" (issue 14): a button beside a figure that opens the records behind it — who
 * published each, when, how it was verified and by whom, and how the publisher says it counts.
 * The records are asked for only when the reader opens it, for the figure's days only. Used by
 * the board, the headline figures and every chart's table (charts/, since it reads data/).
 */
export function WhoSaysSo({ behind, figure }: { behind: RecordsBehind; figure: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d || !open) return;
    // jsdom has no modal dialogs; a browser traps focus and closes on Escape.
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, [open]);
  // Back to the figure the reader came from, however the dialog was closed.
  const closed = () => {
    setOpen(false);
    button.current?.focus();
  };
  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    closed();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="who-button"
        aria-haspopup="dialog"
        aria-label={t('who.buttonFor', { figure })}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">ⓘ </span>
        {t('who.button')}
      </button>
      {open ? (
        <dialog
          ref={dialog}
          className="who-dialog"
          aria-labelledby={titleId}
          onClose={closed}
        >
          <div className="who-dialog__head">
            <h2 id={titleId}>{isolated(t, 'who.title', { figure })}</h2>
            <button type="button" className="who-dialog__close" onClick={close}>
              {t('who.close')}
            </button>
          </div>
          <Suspense fallback={<p aria-busy="true">{t('who.loading')}</p>}>
            <WhoSaysSoBody behind={behind} />
          </Suspense>
        </dialog>
      ) : null}
    </>
  );
}
