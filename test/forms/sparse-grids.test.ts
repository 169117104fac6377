/**
 * Readers cost the stored cells of a sheet, never its rows × columns (issue 8): a real form next to
 * one value at XFD1048576, or next to 200 rows reaching column XFD, reads as the form alone, and the
 * number of cell look-ups stays within a small multiple of the cells stored. No timing here: work
 * is counted (speed goes to `npm run bench`).
 */
import { describe, expect, it } from '@jest/globals';
import {
  checkForm,
  Grid,
  readSheet,
  rangeToA1,
  type CellValue,
  type Range,
  type SheetData,
} from '../../src/engine';
import { fixtureSheet } from '../integration/helpers';

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** A grid that counts how many cells the readers look at. */
class CountingGrid extends Grid {
  lookups = 0;
  override raw(row: number, col: number): CellValue {
    this.lookups++;
    return super.raw(row, col);
  }
}

/** Tianjin form 1 as the .xlsx adapter reads it, with more rows appended. */
async function form1With(extra: (cells: CellValue[][]) => void): Promise<SheetData> {
  const base = await fixtureSheet('tianjinBySheet', '表1');
  const cells: CellValue[][] = base.cells.map((r) => [...r]);
  extra(cells);
  return { name: base.name, cells, merges: base.merges };
}

function storedCells(sheet: SheetData): number {
  let n = 0;
  sheet.cells.forEach((row) => row.forEach((v) => (n += v === null ? 0 : 1)));
  return n;
}

function read(sheet: SheetData) {
  const grid = new CountingGrid(sheet);
  const forms = readSheet(grid);
  const findings = forms.flatMap((f, i) => checkForm(f, i));
  return { grid, forms, findings };
}

describe('a far cell costs nothing', () => {
  it('one value at XFD1048576: the form alone is read, in a few look-ups per stored cell', async () => {
    const EMPTY: CellValue[] = Object.freeze([]) as unknown as CellValue[];
    const sheet = await form1With((cells) => {
      while (cells.length < LAST_ROW) cells.push(EMPTY);
      const last: CellValue[] = [];
      last[LAST_COL] = '备注';
      cells.push(last);
    });
    expect(sheet.cells).toHaveLength(LAST_ROW + 1);
    const { grid, forms, findings } = read(sheet);
    expect(grid.rowCount).toBe(LAST_ROW + 1);
    expect(grid.colCount).toBe(LAST_COL + 1);
    expect(forms.map((f) => [f.kind, rangeToA1(f.range)])).toEqual([['project-form', 'A1:E15']]);
    expect(forms[0].indicators).toHaveLength(6);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(grid.lookups).toBeLessThan(100 * storedCells(sheet));
  });

  it('200 rows reaching column XFD (stored as the .xlsx adapter stores them, blanks as null)', async () => {
    const sheet = await form1With((cells) => {
      for (let r = 0; r < 200; r++) {
        const row: CellValue[] = new Array<CellValue>(LAST_COL + 1).fill(null);
        row[LAST_COL] = r;
        cells.push(row);
      }
    });
    const { grid, forms } = read(sheet);
    expect(grid.colCount).toBe(LAST_COL + 1);
    expect(forms.map((f) => [f.kind, rangeToA1(f.range)])).toEqual([['project-form', 'A1:E15']]);
    expect(grid.lookups).toBeLessThan(100 * storedCells(sheet));
  });

  it('a department form and a project list beside a far cell are read too', async () => {
    for (const name of ['zhanjiang', 'panyu'] as const) {
      const base = await fixtureSheet(name);
      const cells = base.cells.map((r) => [...r]);
      const far: CellValue[] = [];
      far[LAST_COL] = 1;
      for (let r = 0; r < 2000; r++) cells.push(r === 1999 ? far : []);
      const sheet = { name: base.name, cells, merges: base.merges as Range[] };
      const { grid, forms } = read(sheet);
      expect(forms).toHaveLength(1);
      expect(forms[0].kind).toBe(name === 'zhanjiang' ? 'department-form' : 'project-list');
      expect(grid.lookups).toBeLessThan(100 * storedCells(sheet));
    }
  });
});
