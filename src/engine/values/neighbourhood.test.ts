/**
 * The neighbourhood of the doubled-sign typos (issue 10: about 1,400 of 48,400 strings there broke
 * the parser, `《==15万元`, `〉==0`, `》=＝90%`), checked exhaustively rather than sampled: every
 * string of up to three sign characters (standard, full-width, look-alike and book-title marks)
 * before a number and a unit, and each of them glued twice or with its unit doubled. Every one must
 * keep every property of `brokenProperties`: normalising is idempotent and reads the same, every
 * suggestion is non-empty and parses with no problems, the first keeps the reading.
 */
import { describe, expect, it } from '@jest/globals';
import { brokenProperties } from './test-properties';

const SIGNS = [...'≥≤=><＝＞＜≧≦》《〉〈'];
const NUMBERS = ['0', '15', '1,000', '0.5'];
const UNITS = ['', '%', '万元', '次'];

function signRuns(maxLength: number): string[] {
  let runs = [''];
  const all = [''];
  for (let n = 1; n <= maxLength; n++) {
    runs = runs.flatMap((r) => SIGNS.map((s) => r + s));
    all.push(...runs);
  }
  return all;
}

function neighbourhood(): string[] {
  const out: string[] = [];
  for (const signs of signRuns(3)) {
    for (const n of NUMBERS) for (const u of UNITS) out.push(signs + n + u);
  }
  for (const signs of signRuns(2)) {
    for (const n of NUMBERS) {
      for (const u of UNITS) {
        out.push((signs + n + u).repeat(2));
        if (u !== '') out.push(signs + n + u + u);
      }
    }
  }
  return out;
}

describe('the doubled-sign neighbourhood', () => {
  const strings = neighbourhood();

  it('has every combination: 2,955 sign runs × 4 numbers × 4 units, plus 5,908 doubled', () => {
    expect(strings).toHaveLength(2955 * 16 + 211 * 16 + 211 * 12);
    expect(new Set(strings).size).toBe(strings.length);
    for (const s of ['《==15万元', '〉==0', '》=＝0.5%', '≥15万元≥15万元', '0.5次次']) {
      expect(strings.includes(s)).toBe(true);
    }
  });

  it('keeps every parser property on every string', () => {
    const failures: string[] = [];
    for (const s of strings) {
      const broken = brokenProperties(s);
      if (broken.length > 0) failures.push(`${s}: ${broken.join(', ')}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(failures).toHaveLength(0);
  });
});
