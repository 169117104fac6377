/**
 * The metamorphic suite (issue 8, Evidence): every seed form rewritten with each layout change a
 * clerk or an export makes, alone, combined and in random combinations of three (fast-check, seed
 * pinned in scripts/metamorphic/run.ts), plain and with one injected mistake. For every variant:
 * every form found with the right kind and range, the unchanged form's findings at their new cells
 * and no other, the injected mistake found at its new cell. docs/metamorphic.md is the table of the
 * same run; it must not drift.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readXlsx } from '../../src/adapters/xlsx';
import { rangeToA1, type SheetData } from '../../src/engine';
import { loadBases, type Base } from '../../scripts/metamorphic/bases';
import { writeSheetsXlsx } from '../../scripts/metamorphic/generate';
import {
  buildVariant,
  combinationsFor,
  companionOf,
  compare,
  passed,
  randomCombinations,
  type Outcome,
} from '../../scripts/metamorphic/run';
import { renderTable, runAll, TABLE_FILE } from '../../scripts/metamorphic/table';
import { VARIANTS } from '../../scripts/metamorphic/variants';

let bases: Base[] = [];
let outcomes: Outcome[] = [];

beforeAll(async () => {
  bases = await loadBases();
  outcomes = runAll(bases);
}, 600_000);

const base = (id: string): Base => {
  const b = bases.find((x) => x.id === id);
  if (!b) throw new Error(`no base ${id}`);
  return b;
};

/** A failing outcome in a line a reader can act on. */
function describeFailure(o: Outcome): string {
  const what = `${o.base}${o.injected ? '（注入错误）' : ''} ${o.variants.join('+')}`;
  if (o.error) return `${what}: ${o.error}`;
  return `${what}: forms ${o.formsFound.join(',')} (expected ${o.formsExpected.join(',')}); missing ${o.missing.join(',')}; extra ${o.extra.join(',')}; injected ${o.injectedFound}`;
}

describe('the bases', () => {
  it('are every seed form: 34 Tianjin project forms, both lists, the department form', () => {
    expect(bases.filter((b) => b.kind === 'project-form')).toHaveLength(34);
    expect(bases.filter((b) => b.kind === 'project-list').map((b) => b.id)).toEqual([
      'env',
      'panyu',
    ]);
    expect(bases.filter((b) => b.kind === 'department-form').map((b) => b.id)).toEqual([
      'zhanjiang',
    ]);
  });

  it('every variant changes the forms it applies to (save those already laid out that way)', () => {
    const unchanged: string[] = [];
    for (const b of bases) {
      for (const v of VARIANTS.filter((x) => x.kinds.includes(b.kind))) {
        const changed = buildVariant(b, [v.id], companionOf(b, bases), false).toSheet('x');
        if (fingerprint(changed) === fingerprint(b.sheet)) unchanged.push(`${v.id} ${b.id}`);
      }
    }
    // Zhanjiang's 一级/二级 are merged already; these Tianjin forms have a different 二级 on every
    // row, so writing each level once is how they are laid out already
    const already = ['levels-merged zhanjiang'].concat(
      [1, 4, 5, 6, 18, 24, 26, 31, 33].map((n) => `levels-written-once tianjin-${n}`),
    );
    expect(unchanged.sort()).toEqual(already.sort());
  });
});

/** Cells (trailing blanks dropped), merges and hidden rows and columns of a sheet, as one text. */
function fingerprint(s: SheetData): string {
  const rows = s.cells.map((r) => {
    const out = [...r].map((v) => v ?? null);
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const merges = s.merges.map(rangeToA1).sort();
  return JSON.stringify([rows, merges, s.hiddenRows ?? [], s.hiddenCols ?? []]);
}

describe('each variant, combination and random combination of three', () => {
  it('runs each variant alone on every form of its kinds, plain and injected', () => {
    for (const v of VARIANTS) {
      const n = bases.filter((b) => v.kinds.includes(b.kind)).length;
      expect(outcomes.filter((o) => o.variants.join() === v.id)).toHaveLength(2 * n);
    }
  });

  it('finds every form with its kind and range, the same findings at the moved cells, no new one', () => {
    const failures = outcomes.filter((o) => !passed(o)).map(describeFailure);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(3000);
  });

  it('finds the injected mistake at its moved cell in every injected variant', () => {
    const injected = outcomes.filter((o) => o.injected);
    expect(injected.length * 2).toBe(outcomes.length);
    expect(injected.filter((o) => o.injectedFound !== true).map(describeFailure)).toEqual([]);
  });

  it('compares real findings: the unchanged forms have some for every kind', () => {
    for (const kind of ['project-form', 'project-list', 'department-form'] as const) {
      const plain = outcomes.filter((o) => o.kind === kind && !o.injected);
      expect(plain.reduce((n, o) => n + o.findingsExpected, 0)).toBeGreaterThan(0);
    }
  });

  it('draws its random combinations from a pinned seed', () => {
    for (const kind of ['project-form', 'project-list', 'department-form'] as const) {
      const combos = randomCombinations(kind);
      expect(combos).toEqual(randomCombinations(kind));
      expect(combos.length).toBeGreaterThanOrEqual(5);
      for (const c of combos) expect(new Set(c).size).toBe(3);
      expect(combinationsFor(kind)).toEqual(expect.arrayContaining(combos));
    }
  });
});

describe('through an .xlsx file', () => {
  // a representative subset written with exceljs and read back by the .xlsx adapter
  const CASES: ReadonlyArray<[string, string]> = [
    ['tianjin-1', 'blank-under-header+seq-column+offset'],
    ['tianjin-8', 'two-row-header+hidden-rows'],
    ['tianjin-21', 'side-by-side'],
    ['tianjin-3', 'merged-values-copied+levels-repeated'],
    ['panyu', 'side-by-side+colon-labels'],
    ['env', 'blank-between-groups+score-columns'],
    ['zhanjiang', 'spaced-labels+basis-column+blank-under-header'],
    ['zhanjiang', 'stacked-tight'],
  ];
  it.each(CASES)('%s %s reads back as it was written', async (id, combo) => {
    const b = base(id);
    const ids = combo.split('+');
    for (const injected of [false, true]) {
      const w = buildVariant(b, ids, companionOf(b, bases), injected);
      const bytes = await writeSheetsXlsx([w.toSheet(b.sheet.name)]);
      const [sheet] = (await readXlsx(bytes)).sheets;
      const o = compare(b, ids, companionOf(b, bases), injected, w, sheet);
      expect(passed(o) ? 'ok' : describeFailure(o)).toBe('ok');
    }
  });
});

describe('docs/metamorphic.md', () => {
  it('is the table of this run (rebuild it with npm run metamorphic)', () => {
    expect(fs.readFileSync(TABLE_FILE, 'utf8')).toBe(renderTable(outcomes, bases));
  });
});
