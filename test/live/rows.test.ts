/** Row arithmetic: windows to re-read, and forms moving with inserted and deleted rows. */
import type { Finding } from '../../src/engine';
import {
  bandAfterDelete,
  bandAfterInsert,
  deleteRows,
  insertRows,
  merge,
  windowsFor,
  type FormEntry,
} from '../../src/live/rows';

function form(id: number, top: number, bottom: number, findingRows: number[] = []): FormEntry {
  const findings = findingRows.map(
    (row) => ({ row, col: 4, cell: `E${row + 1}`, severity: 'error', form: id }) as Finding,
  );
  return {
    id,
    kind: 'project-form',
    title: '',
    name: '',
    range: { top, left: 0, bottom, right: 4 },
    findings,
    counts: { error: findings.length, warning: 0, info: 0 },
  };
}

const forms = [form(1, 10, 39, [20]), form(2, 40, 69, [50, 60]), form(3, 1000, 1029)];

describe('windowsFor', () => {
  it('an edit inside a form re-reads that form up to the next one', () => {
    expect(windowsFor(forms, 1030, [{ top: 50, bottom: 50 }])).toEqual([{ top: 40, bottom: 269 }]);
  });

  it('a paste over two forms re-reads both in one window', () => {
    expect(windowsFor(forms, 1030, [{ top: 30, bottom: 45 }])).toEqual([{ top: 10, bottom: 269 }]);
  });

  it('an edit far below a form re-reads the gap around it, not the form', () => {
    expect(windowsFor(forms, 1030, [{ top: 600, bottom: 600 }])).toEqual([
      { top: 400, bottom: 800 },
    ]);
  });

  it('an edit above the first form re-reads the rows above it', () => {
    expect(windowsFor(forms, 1030, [{ top: 2, bottom: 2 }])).toEqual([{ top: 0, bottom: 9 }]);
  });

  it('an edit below the last form re-reads it with the new rows, within the used rows', () => {
    expect(windowsFor(forms, 1030, [{ top: 1040, bottom: 1040 }])).toEqual([
      { top: 1000, bottom: 1040 },
    ]);
  });

  it('a sheet without forms: the rows around the edit', () => {
    expect(windowsFor([], 5000, [{ top: 3000, bottom: 3001 }])).toEqual([
      { top: 2800, bottom: 3201 },
    ]);
  });

  it('close windows are joined, far ones kept apart', () => {
    expect(
      merge(
        [
          { top: 0, bottom: 10 },
          { top: 50, bottom: 60 },
          { top: 500, bottom: 510 },
        ],
        100,
      ),
    ).toEqual([
      { top: 0, bottom: 60 },
      { top: 500, bottom: 510 },
    ]);
  });
});

describe('row shifts', () => {
  it('inserted rows move the forms below and grow the form around them', () => {
    const out = insertRows(forms, 45, 3);
    expect(out[0]).toBe(forms[0]);
    expect(out[1].range).toMatchObject({ top: 40, bottom: 72 });
    expect(out[1].findings.map((f) => [f.row, f.cell])).toEqual([
      [53, 'E54'],
      [63, 'E64'],
    ]);
    expect(out[2].range).toMatchObject({ top: 1003, bottom: 1032 });
  });

  it('deleted rows take their findings, remove forms inside and move the rest up', () => {
    const out = deleteRows(forms, 50, 54);
    expect(out[1].range).toMatchObject({ top: 40, bottom: 64 });
    expect(out[1].findings.map((f) => f.row)).toEqual([55]);
    expect(out[2].range.top).toBe(995);
    expect(deleteRows(forms, 35, 80).map((f) => f.id)).toEqual([1, 3]);
    expect(deleteRows(forms, 35, 80)[0].range).toMatchObject({ top: 10, bottom: 34 });
  });

  it('changed bands follow inserted and deleted rows', () => {
    expect(bandAfterInsert({ top: 50, bottom: 52 }, 10, 5)).toEqual({ top: 55, bottom: 57 });
    expect(bandAfterInsert({ top: 5, bottom: 52 }, 10, 5)).toEqual({ top: 5, bottom: 57 });
    expect(bandAfterDelete({ top: 50, bottom: 52 }, 40, 60)).toBeNull();
    expect(bandAfterDelete({ top: 50, bottom: 70 }, 40, 60)).toEqual({ top: 40, bottom: 49 });
  });
});
