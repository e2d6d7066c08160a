/**
 * What a source's licence is when nobody stated one. These are markers, not words: the interface
 * words them in the reader's language (`licenceText` in src/ui/licence-text.ts), so an Arabic
 * chart never credits a source "(not stated)" in English.
 */
export const LICENCE_NOT_STATED = 'not stated';
/** A source that relays other publishers' figures: each carries its own licence. */
export const LICENCE_PER_PUBLISHER = 'see each publisher';
