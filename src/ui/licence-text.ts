import { LICENCE_NOT_STATED, LICENCE_PER_PUBLISHER } from '../domain/licence.ts';
import type { Translate } from './i18n/translate.ts';

/** A licence as the reader sees it: a stated one as given (data), the markers in their words. */
export function licenceText(licence: string, t: Translate): string;
export function licenceText(licence: string | undefined, t: Translate): string | undefined;
export function licenceText(licence: string | undefined, t: Translate): string | undefined {
  if (licence === LICENCE_NOT_STATED) return t('licence.notStated');
  if (licence === LICENCE_PER_PUBLISHER) return t('licence.perPublisher');
  return licence;
}
