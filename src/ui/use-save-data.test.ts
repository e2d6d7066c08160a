import { describe, expect, it } from 'vitest';
import { savingData } from './use-save-data.ts';

const connection = (c: { saveData?: boolean; effectiveType?: string }) =>
  Object.assign(new EventTarget(), c);

describe('savingData', () => {
  it('is on with the data saver, or on a 2G-class connection', () => {
    expect(savingData(connection({ saveData: true, effectiveType: '4g' }))).toBe(true);
    expect(savingData(connection({ effectiveType: 'slow-2g' }))).toBe(true);
    expect(savingData(connection({ effectiveType: '2g' }))).toBe(true);
  });

  it('is off on 3G and faster, and where the browser does not say', () => {
    expect(savingData(connection({ saveData: false, effectiveType: '3g' }))).toBe(false);
    expect(savingData(connection({ effectiveType: '4g' }))).toBe(false);
    expect(savingData(undefined)).toBe(false);
  });
});
