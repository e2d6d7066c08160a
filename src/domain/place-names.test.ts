import { describe, expect, it } from 'vitest';
import { editDistance, otherPlaceNames, placeKey, placeMatcher, placeName } from './place-names.ts';

const CROSSINGS = [
  {
    id: 'kerem-shalom',
    names: { en: 'Kerem Shalom', ar: 'كرم أبو سالم', he: 'כרם שלום' },
    aliases: ['Karem Abu Salem'],
  },
  { id: 'rafah', names: { en: 'Rafah', ar: 'معبر رفح', he: 'מעבר רפיח' }, aliases: [] },
  {
    id: 'kissufim',
    names: { en: 'Kissufim', ar: 'كيسوفيم', he: 'כיסופים' },
    aliases: ['Gate 147'],
  },
  { id: 'erez', names: { en: 'Erez', ar: 'بيت حانون', he: 'ארז' }, aliases: ['Beit Hanoun'] },
  { id: 'erez-west', names: { en: 'Erez West', ar: 'إيرز الغربي', he: 'ארז מערב' }, aliases: [] },
  { id: 'gate-96', names: { en: 'Gate 96', ar: 'البوابة 96', he: 'שער 96' }, aliases: [] },
];

describe('placeMatcher', () => {
  const places = placeMatcher(CROSSINGS);

  it.each([
    ['رفح', 'rafah'],
    ['معبر رفح', 'rafah'],
    ['Rafah crossing', 'rafah'],
    ['Rafah Border Crossing', 'rafah'],
    ['מעבר רפיח', 'rafah'],
    ['רפיח', 'rafah'],
    ['معبر كرم أبو سالم', 'kerem-shalom'],
    ['كرم ابو سالم', 'kerem-shalom'],
    ['Kerem Shalom crossing', 'kerem-shalom'],
    ['  KEREM-SHALOM ', 'kerem-shalom'],
    ['מעבר כרם שלום', 'kerem-shalom'],
    ['Karem Abu Salem', 'kerem-shalom'],
    ['The Erez crossing', 'erez'],
    ['معبر بيت حانون', 'erez'],
    ['Erez West', 'erez-west'],
    ['البوابة 96', 'gate-96'],
    ['بوابة 96', 'gate-96'],
    ['שער 96', 'gate-96'],
    ['gate 96', 'gate-96'],
  ])('finds “%s” as %s, in any language, with or without generic words', (text, id) => {
    expect(places.find(text)).toBe(id);
  });

  it('ignores Arabic vowel marks, tatweel and letter variants', () => {
    expect(places.find('رَفَح')).toBe('rafah');
    expect(places.find('رفـــح')).toBe('rafah');
    expect(places.find('كرم أبو سالم')).toBe(places.find('كرم ابو سالم'));
  });

  it('finds nothing for another place, and suggests the nearest name for a misspelling', () => {
    expect(places.find('Kisufim')).toBeUndefined();
    expect(places.suggest('Kisufim')).toBe('Kissufim');
    expect(places.suggest('Kerem Shalon crossing')).toBe('Kerem Shalom');
    expect(places.find('Atlantis')).toBeUndefined();
    expect(places.suggest('Atlantis')).toBeUndefined();
  });

  it('names neither of two places that share a name once generic words are dropped', () => {
    const twins = placeMatcher([
      { id: 'a', names: { en: 'North Gate' } },
      { id: 'b', names: { en: 'North Crossing' } },
    ]);
    expect(twins.find('North')).toBeUndefined();
    expect(twins.find('North Gate')).toBe('a');
  });

  it('lists every known name for the user', () => {
    expect(places.names()).toEqual(
      expect.arrayContaining(['Kerem Shalom', 'كرم أبو سالم', 'כרם שלום']),
    );
  });
});

describe('placeKey and editDistance', () => {
  it('keeps a name that is only generic words', () => {
    expect(placeKey('Crossing')).toBe('crossing');
  });
  it('counts a swap of neighbours as one edit and gives up past the limit', () => {
    expect(editDistance('kissufim', 'kisusfim')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('placeName and otherPlaceNames', () => {
  const names = { en: 'Kerem Shalom', ar: 'كرم أبو سالم', he: 'כרם שלום' };

  it('shows the name in the chosen language, English where it has none or a blank one', () => {
    expect(placeName(names, 'ar')).toBe('كرم أبو سالم');
    expect(placeName(names, 'he')).toBe('כרם שלום');
    expect(placeName(names, 'fr')).toBe('Kerem Shalom');
    expect(placeName({ en: 'Erez', ar: '  ' }, 'ar')).toBe('Erez');
  });

  it('lists the other names and aliases once each, never the one shown', () => {
    expect(otherPlaceNames(names, ['Karem Abu Salem', 'Kerem Shalom'], 'ar')).toEqual([
      'Kerem Shalom',
      'כרם שלום',
      'Karem Abu Salem',
    ]);
    expect(otherPlaceNames({ en: 'Rafah', ar: 'رفح' }, ['Rafah'], 'en')).toEqual(['رفح']);
  });
});
