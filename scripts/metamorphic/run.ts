/**
 * Runs the metamorphic suite: every base form, changed by one variant or a combination, plain and
 * with one injected mistake, is checked and compared with the unchanged form's reading:
 * - every form found, with the right kind and range (the original range moved with its cells);
 * - the unchanged form's findings at their new cells, and no other finding;
 * - the injected mistake found by its rule at its new cell.
 */
import fc from 'fast-check';
import {
  checkSheet,
  rangeToA1,
  toA1,
  type CellRef,
  type Finding,
  type FormKind,
  type Range,
  type SheetData,
} from '../../src/engine';
import type { Base } from './bases';
import { VARIANTS, variant, type Variant } from './variants';
import { Work } from './work';

/** Hand-picked combinations: the layouts the reviewer met, and an export's worst. */
export const COMBINED: ReadonlyArray<ReadonlyArray<string>> = [
  ['blank-under-header', 'name-label-content', 'colon-labels'],
  ['seq-column', 'two-row-header', 'blank-under-header'],
  ['levels-repeated', 'score-columns', 'hidden-rows', 'offset'],
  ['blank-between-groups', 'basis-column', 'side-by-side'],
  ['spaced-labels', 'value-label-bracket', 'gap-between-groups', 'trailing-notes'],
];

/** The seed of the random combinations (fast-check), pinned so that the table does not drift. */
export const RANDOM_SEED = 20_261_130;
export const RANDOM_RUNS = 10;

/** Random combinations of three variants that apply to `kind` and do not touch the same cells. */
export function randomCombinations(kind: FormKind): string[][] {
  const ids = VARIANTS.filter((v) => v.kinds.includes(kind)).map((v) => v.id);
  const out: string[][] = [];
  const seen = new Set<string>();
  const samples = fc.sample(fc.shuffledSubarray(ids, { minLength: 3, maxLength: 3 }), {
    seed: RANDOM_SEED,
    numRuns: RANDOM_RUNS * 20,
  });
  for (const combo of samples) {
    const groups = combo.map((id) => variant(id).group).filter((g) => g !== undefined);
    if (new Set(groups).size < groups.length) continue;
    const key = [...combo].sort().join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(combo);
    if (out.length === RANDOM_RUNS) break;
  }
  return out;
}

/** What the unchanged (or only injected) base reads as: its forms and findings. */
interface Reading {
  readonly forms: ReadonlyArray<{ kind: FormKind; range: Range }>;
  readonly findings: ReadonlyArray<Finding>;
}

export interface Outcome {
  readonly variants: ReadonlyArray<string>;
  readonly base: string;
  readonly kind: FormKind;
  readonly injected: boolean;
  /** `kind@A1:E15` of the forms expected and found */
  readonly formsExpected: ReadonlyArray<string>;
  readonly formsFound: ReadonlyArray<string>;
  /** `rule@cell` of the findings expected, and which of them were found */
  readonly findingsExpected: number;
  readonly findingsKept: number;
  readonly missing: ReadonlyArray<string>;
  readonly extra: ReadonlyArray<string>;
  /** null when no mistake was injected */
  readonly injectedFound: boolean | null;
  /** a variant that could not be applied (its message) */
  readonly error?: string;
}

const readings = new WeakMap<SheetData, Reading>();

function readingOf(sheet: SheetData): Reading {
  let r = readings.get(sheet);
  if (!r) {
    const report = checkSheet(sheet);
    r = {
      forms: report.forms.map((f) => ({ kind: f.kind, range: f.range })),
      findings: report.findings,
    };
    readings.set(sheet, r);
  }
  return r;
}

const injectedSheets = new WeakMap<Base, SheetData>();

/** The base sheet with its mistake typed in. */
export function injectedSheet(base: Base): SheetData {
  let s = injectedSheets.get(base);
  if (!s) {
    const w = new Work(base.sheet);
    w.set(base.mistake.cell, base.mistake.text);
    s = w.toSheet(base.sheet.name);
    injectedSheets.set(base, s);
  }
  return s;
}

/** The changed sheet, with the maps of its forms. */
export function buildVariant(
  base: Base,
  ids: ReadonlyArray<string>,
  companion: Base,
  injected: boolean,
): Work {
  const w = new Work(injected ? injectedSheet(base) : base.sheet);
  const chosen: Variant[] = ids.map(variant);
  const ordered = chosen
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.phase - b.v.phase || a.i - b.i)
    .map((x) => x.v);
  for (const v of ordered) v.apply(w, base, { companion });
  return w;
}

const key = (f: Finding) => `${f.rule}@${f.cell}/${f.severity}`;

function moved(
  range: Range,
  map: (ref: CellRef) => CellRef | null,
  added: ReadonlyArray<CellRef>,
): Range {
  const a = map({ row: range.top, col: range.left });
  const b = map({ row: range.bottom, col: range.right });
  if (!a || !b) throw new Error('the corners of the form were deleted');
  let { top, left, bottom, right } = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  for (const c of added) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/** Runs one base through one combination of variants. */
export function runVariant(
  base: Base,
  ids: ReadonlyArray<string>,
  companion: Base,
  injected: boolean,
): Outcome {
  let w: Work;
  try {
    w = buildVariant(base, ids, companion, injected);
  } catch (e) {
    return {
      variants: ids,
      base: base.id,
      kind: base.kind,
      injected,
      formsExpected: [],
      formsFound: [],
      findingsExpected: 0,
      findingsKept: 0,
      missing: [],
      extra: [],
      injectedFound: null,
      error: (e as Error).message,
    };
  }
  return compare(base, ids, companion, injected, w, w.toSheet(base.sheet.name));
}

/**
 * Compares the reading of a changed sheet (`sheet`: the work's sheet itself, or what an .xlsx
 * written from it reads back as) with the unchanged form's reading moved by the work's maps.
 */
export function compare(
  base: Base,
  ids: ReadonlyArray<string>,
  companion: Base,
  injected: boolean,
  w: Work,
  sheet: SheetData,
): Outcome {
  const own = readingOf(injected ? injectedSheet(base) : base.sheet);
  const expectedForms: string[] = [];
  const expected: string[] = [];
  const addReading = (r: Reading, which: string, added: ReadonlyArray<CellRef>) => {
    const map = (ref: CellRef) => w.at(ref, which);
    for (const f of r.forms)
      expectedForms.push(`${f.kind}@${rangeToA1(moved(f.range, map, added))}`);
    for (const f of r.findings) {
      const to = map({ row: f.row, col: f.col });
      if (to) expected.push(`${f.rule}@${toA1(to)}/${f.severity}`);
    }
  };
  addReading(own, 'main', w.added);
  if (w.maps.has('companion')) addReading(readingOf(companion.sheet), 'companion', []);

  const report = checkSheet(sheet);
  const left = report.findings.map(key);
  const missing: string[] = [];
  let kept = 0;
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) {
      left.splice(i, 1);
      kept++;
    } else missing.push(e);
  }
  let injectedFound: boolean | null = null;
  if (injected) {
    const at = w.at(base.mistake.cell);
    injectedFound =
      at !== null &&
      report.findings.some((f) => f.rule === base.mistake.rule && f.cell === toA1(at));
  }
  return {
    variants: ids,
    base: base.id,
    kind: base.kind,
    injected,
    formsExpected: expectedForms.sort(),
    formsFound: report.forms.map((f) => `${f.kind}@${rangeToA1(f.range)}`).sort(),
    findingsExpected: expected.length,
    findingsKept: kept,
    missing,
    extra: left,
    injectedFound,
  };
}

/** Whether an outcome is all the suite asks for. */
export function passed(o: Outcome): boolean {
  return (
    o.error === undefined &&
    o.formsExpected.join() === o.formsFound.join() &&
    o.missing.length === 0 &&
    o.extra.length === 0 &&
    o.injectedFound !== false
  );
}

/** The companion of a base: the next base of the same kind (itself when it is the only one). */
export function companionOf(base: Base, bases: ReadonlyArray<Base>): Base {
  const same = bases.filter((b) => b.kind === base.kind);
  return same[(same.indexOf(base) + 1) % same.length];
}

/** Every combination the suite runs for one kind: each variant alone, the fixed ones, random ones. */
export function combinationsFor(kind: FormKind): string[][] {
  const singles = VARIANTS.filter((v) => v.kinds.includes(kind)).map((v) => [v.id]);
  const fixed = COMBINED.filter((c) => c.every((id) => variant(id).kinds.includes(kind))).map(
    (c) => [...c],
  );
  return [...singles, ...fixed, ...randomCombinations(kind)];
}
