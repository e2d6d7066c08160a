import type { CrossingState, Verification } from '../domain/vocabulary.ts';
import { useI18n } from './i18n/context.tsx';

/**
 * Status is never carried by colour alone: each state has its own shape and its word.
 * The shapes are shared with the map legend so the two read the same.
 */
export const STATE_SHAPES: Record<CrossingState, string> = {
  open: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z',
  restricted: 'M8 1.5 15 14.5H1z',
  closed: 'M2 2h12v12H2z',
  unknown: 'M8 1 15 8 8 15 1 8z',
};

export function StatusBadge({ state }: { state: CrossingState }) {
  const { t } = useI18n();
  return (
    <span className={`status status--${state}`}>
      <svg className="status__shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={STATE_SHAPES[state]} />
      </svg>
      <span className="status__word">{t(`status.${state}`)}</span>
    </span>
  );
}

export const VERIFICATION_MARKS: Record<Verification, string> = {
  verified: '✓',
  reported: '•',
  disputed: '⚠',
  unverified: '?',
};

export function VerificationBadge({ verification }: { verification: Verification }) {
  const { t } = useI18n();
  return (
    <span className={`verification verification--${verification}`}>
      <span aria-hidden="true">{VERIFICATION_MARKS[verification]} </span>
      {t(`verification.${verification}`)}
    </span>
  );
}
