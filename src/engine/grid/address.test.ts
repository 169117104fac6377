import {
  absoluteA1,
  columnName,
  fromA1,
  rangeCells,
  rangeFromA1,
  rangeToA1,
  toA1,
} from './address';

describe('the A1 module', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });

  it('reads back every address it writes (columns A to XFD, rows 1 to 1,048,576)', () => {
    for (let col = 0; col < 16384; col += 7)
      for (const row of [0, 9, 99, 1_048_575])
        expect(fromA1(toA1({ row, col }))).toEqual({ row, col });
  });

  it('reads `$`, lower case and spaces; refuses what is not one cell', () => {
    expect(fromA1(' $e$12 ')).toEqual({ row: 11, col: 4 });
    expect(['', 'A0', '12', 'A1:B2', 'ABCD1', 'A-1'].map(fromA1)).toEqual(Array(6).fill(null));
  });

  it('writes a range, a one-cell range as one cell', () => {
    expect(rangeToA1({ top: 0, left: 0, bottom: 39, right: 5 })).toBe('A1:F40');
    expect(rangeToA1({ top: 2, left: 2, bottom: 2, right: 2 })).toBe('C3');
    expect(rangeFromA1('F40:A1')).toEqual({ top: 0, left: 0, bottom: 39, right: 5 });
  });

  it('lists the cells of a range row by row, whichever corner comes first', () => {
    expect(rangeCells('A1:B2')).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(rangeCells('B2:A1')).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(rangeCells('Z7:AA7')).toEqual(['Z7', 'AA7']);
    expect(rangeCells('$C$3')).toEqual(['C3']);
    expect(() => rangeCells('C3:?')).toThrow('not a cell range');
  });

  it('makes one cell absolute and leaves anything else alone', () => {
    expect(absoluteA1('C5')).toBe('$C$5');
    expect(absoluteA1('$C$5')).toBe('$C$5');
    expect(absoluteA1('A1:B2')).toBe('A1:B2');
  });
});
