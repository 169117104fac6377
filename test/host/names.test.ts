import { cleanSheetName, uniqueSheetName } from '../../src/host/names';
import {
  addressChunks,
  cellsBySeverity,
  coalesce,
  markerFormula,
  markerSeverity,
} from '../../src/host/highlights';

describe('sheet names', () => {
  it('follows Excel’s rules', () => {
    expect(cleanSheetName('a/b:c*d?[e]')).toBe('a_b_c_d__e_');
    expect(cleanSheetName("'引号'")).toBe('引号');
    expect(cleanSheetName('')).toBe('工作表');
    expect(cleanSheetName('History')).toBe('History_');
    expect([...cleanSheetName('项'.repeat(40))]).toHaveLength(31);
  });

  it('never reuses a name, ignoring case, and stays within 31 characters', () => {
    expect(uniqueSheetName('导出', ['Sheet1'])).toBe('导出');
    expect(uniqueSheetName('Export', ['export', 'EXPORT (2)'])).toBe('Export (3)');
    const long = '项'.repeat(31);
    const n = uniqueSheetName(long, [long]);
    expect(n.endsWith(' (2)')).toBe(true);
    expect([...n]).toHaveLength(31);
  });
});

describe('highlight geometry', () => {
  it('one severity per cell, the most severe', () => {
    const g = cellsBySeverity([
      { row: 1, col: 1, severity: 'warning' },
      { row: 1, col: 1, severity: 'error' },
      { row: 2, col: 1, severity: 'info' },
    ]);
    expect(g.get('error')).toEqual([{ row: 1, col: 1 }]);
    expect(g.get('warning')).toBeUndefined();
  });

  it('cells become few rectangles and bounded address chunks', () => {
    const cells = [];
    for (let r = 0; r < 10; r++) for (let c = 2; c < 4; c++) cells.push({ row: r, col: c });
    cells.push({ row: 20, col: 0 });
    expect(coalesce(cells)).toEqual([
      { top: 0, bottom: 9, left: 2, right: 3 },
      { top: 20, bottom: 20, left: 0, right: 0 },
    ]);
    const many = Array.from({ length: 3000 }, (_, i) => ({ row: i * 2, col: 4 }));
    const chunks = addressChunks(coalesce(many));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.join(',').split(',')).toHaveLength(3000);
  });

  it('marks only our formulas', () => {
    expect(markerSeverity(markerFormula('warning'))).toBe('warning');
    expect(markerSeverity('N("jixiao:error")=0')).toBe('error');
    expect(markerSeverity('=B2<0')).toBeNull();
    expect(markerSeverity(undefined)).toBeNull();
  });
});
