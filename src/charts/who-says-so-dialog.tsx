import { useEffect, useId, useRef } from 'react';
import type { RecordsBehind } from '../domain/provenance.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { isolated } from '../ui/i18n/isolate.tsx';
import WhoSaysSoBody from './who-says-so-body.tsx';

/** The modal of "who says so?" (see who-says-so.tsx): a title, a close button and the body. */
export default function WhoSaysSoDialog({
  behind,
  figure,
  onClosed,
}: {
  behind: RecordsBehind;
  figure: string;
  onClosed: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // jsdom has no modal dialogs; a browser traps focus and closes on Escape.
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, []);
  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    onClosed();
  };
  return (
    <dialog ref={dialog} className="who-dialog" aria-labelledby={titleId} onClose={onClosed}>
      <div className="who-dialog__head">
        <h2 id={titleId}>{isolated(t, 'who.title', { figure })}</h2>
        <button type="button" className="who-dialog__close" onClick={close}>
          {t('who.close')}
        </button>
      </div>
      <WhoSaysSoBody behind={behind} />
    </dialog>
  );
}
