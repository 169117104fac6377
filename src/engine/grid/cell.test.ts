import { describe, expect, it } from '@jest/globals';
import Big from 'big.js';
import fc from 'fast-check';
import { propertySeed } from '../test-seed';
import { cellText, numberText } from './cell';

describe('numberText: a number as Excel shows it (15 significant digits)', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    // the cached total of the real Zhanjiang department form, as Excel writes it in <v>
    [parseFloat('8254.2200000000012'), '8254.22'],
    [4754.96 + 3499.26, '8254.22'],
    [0.1 + 0.7, '0.8'],
    [-(0.1 + 0.2), '-0.3'],
    [1 / 3, '0.333333333333333'],
    [2392.47, '2392.47'],
    [100.015, '100.015'],
    [0, '0'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [2 ** 60, '1152921504606850000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740990'],
  ])('%p → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
    expect(cellText(n)).toBe(text);
  });

  it('keeps a real difference of 0.01', () => {
    expect(numberText(4754.96 + 3499.27)).toBe('8254.23');
    expect(numberText(0.1 + 0.21)).toBe('0.31');
  });

  it('shows the sum of 2-decimal amounts as its exact decimal sum (no float noise)', () => {
    const cents = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 2, maxLength: 10 }), (parts) => {
        const float = parts.reduce((a, c) => a + c / 100, 0);
        const exact = parts.reduce((a, c) => a.plus(new Big(c).div(100)), new Big(0));
        expect(numberText(float)).toBe(exact.toFixed());
      }),
      { seed: propertySeed(), numRuns: 2000 },
    );
  });

  it('never writes an exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(numberText(n)).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { seed: propertySeed(), numRuns: 1000 },
    );
  });
});
