import {
  LEVEL1,
  LEVEL1_SYNONYMS,
  LEVEL2,
  LEVEL2_SYNONYMS,
  type IndicatorCategory,
  type Level1Def,
  type Level2Def,
} from './data';

/**
 * How one 一级 or 二级 cell reads against the framework:
 * - `ok`: a standard name (with or without 指标, a code prefix `22-` or an explanation `：…`)
 * - `synonym`: a known other name (`效果指标`); `standard` is the name to use instead
 * - `unknown`: not a name of the framework at that level
 * - `empty`: the cell is blank
 */
export type LevelStatus = 'ok' | 'synonym' | 'unknown' | 'empty';

export interface LevelMatch {
  /** the cell text as given */
  readonly text: string;
  /** the name part as written, without code prefix and explanation (`社会效益`, `效果指标`) */
  readonly written: string;
  /** the code prefix as written (`22` of `22-社会效益`), null when none */
  readonly writtenCode: string | null;
  readonly status: LevelStatus;
  /** standard name (always ending in 指标) when status is ok or synonym */
  readonly standard: string | null;
  /** standard code (`1`, `22`) when status is ok or synonym */
  readonly code: string | null;
}

/**
 * The result of `classify`. `status` is the worst of the two cells: unknown > mismatch > synonym > ok;
 * `empty` only when both cells are blank.
 */
export interface Classification {
  readonly level1: LevelMatch;
  readonly level2: LevelMatch;
  /** standard 一级: the written one, or the only possible parent of a known 二级 when 一级 is blank */
  readonly standardLevel1: string | null;
  readonly standardLevel2: string | null;
  /** whether the 二级 may sit under the 一级; `unknown` when either is unknown or blank */
  readonly placement: 'ok' | 'mismatch' | 'unknown';
  readonly status: 'ok' | 'synonym' | 'unknown' | 'mismatch' | 'empty';
  /** what the indicator measures, from the 二级 when known, else from the 一级 (null for 产出指标 alone) */
  readonly category: IndicatorCategory | null;
  /** standard code of the finest level known (`22`, or `2` when only the 一级 is known) */
  readonly code: string | null;
}

const CODE_PREFIX = /^(\d{1,2})\s*[-－—–.．、]\s*/;
const EXPLANATION = /[：:（(].*$/s;
const MARKUP = /<\/?p>|&nbsp;/gi;

/** Splits `22-社会效益：说明` into code `22` and name `社会效益`. */
function splitName(text: string): { code: string | null; name: string } {
  let s = text.replace(MARKUP, '').trim();
  let code: string | null = null;
  const m = CODE_PREFIX.exec(s);
  if (m) {
    code = m[1];
    s = s.slice(m[0].length);
  }
  s = s.replace(EXPLANATION, '').replace(/[\s。.，,；;]+$/, '');
  return { code, name: s.replace(/\s+/g, '') };
}

/** `社会效益指标` and `社会效益` share the key `社会效益`. */
function keyOf(name: string): string {
  return name.replace(/指标$/, '');
}

interface Table<T extends { name: string; code: string }> {
  readonly byKey: ReadonlyMap<string, T>;
  readonly synonyms: ReadonlyMap<string, T>;
}

function table<T extends { name: string; code: string }>(
  defs: ReadonlyArray<T>,
  synonyms: Readonly<Record<string, string>>,
): Table<T> {
  const byKey = new Map(defs.map((d) => [keyOf(d.name), d] as const));
  const syn = new Map<string, T>();
  for (const [from, to] of Object.entries(synonyms)) {
    const def = byKey.get(keyOf(to));
    if (def) syn.set(keyOf(from), def);
  }
  return { byKey, synonyms: syn };
}

const LEVEL1_TABLE = table<Level1Def>(LEVEL1, LEVEL1_SYNONYMS);
const LEVEL2_TABLE = table<Level2Def>(LEVEL2, LEVEL2_SYNONYMS);

function match<T extends { name: string; code: string }>(
  text: string,
  t: Table<T>,
): LevelMatch & { def: T | null } {
  const { code, name } = splitName(text);
  const base = { text, written: name, writtenCode: code };
  if (name === '') return { ...base, status: 'empty', standard: null, code: null, def: null };
  const key = keyOf(name);
  const ok = t.byKey.get(key);
  if (ok) return { ...base, status: 'ok', standard: ok.name, code: ok.code, def: ok };
  const syn = t.synonyms.get(key);
  if (syn) return { ...base, status: 'synonym', standard: syn.name, code: syn.code, def: syn };
  return { ...base, status: 'unknown', standard: null, code: null, def: null };
}

function strip(m: LevelMatch & { def: unknown }): LevelMatch {
  const { def: _def, ...rest } = m;
  return rest;
}

/** Reads a 一级 cell (`产出指标`, `1-产出指标`, `产出`, `产出指标：统一行使…`, `效果指标`). */
export function matchLevel1(text: string): LevelMatch {
  return strip(match(text, LEVEL1_TABLE));
}

/** Reads a 二级 cell (`数量指标`, `11-数量指标`, `社会效益`, `可持续性影响`). */
export function matchLevel2(text: string): LevelMatch {
  return strip(match(text, LEVEL2_TABLE));
}

/** The standard 一级 names a standard 二级 may sit under (empty for a name that is not a standard 二级). */
export function parentsOf(level2Standard: string): ReadonlyArray<string> {
  return LEVEL2_TABLE.byKey.get(keyOf(level2Standard))?.parents ?? [];
}

/**
 * Classifies an indicator's 一级 and 二级 cells against the framework (docs/domain.md §2).
 *
 * ```ts
 * classify('2-效果指标', '22-社会效益')
 * // → { standardLevel1: '效益指标', standardLevel2: '社会效益指标', status: 'synonym',
 * //     placement: 'ok', category: 'benefit', code: '22', level1: { status: 'synonym', … }, … }
 * classify('效益指标', '数量指标').status // 'mismatch'
 * classify('产出指标', '成本指标').status // 'ok' (成本指标 as 二级, code 14)
 * classify('成本指标', '经济成本指标').status // 'ok' (成本指标 as 一级, code 41)
 * ```
 */
const CLASSIFY_CACHE_LIMIT = 10_000;
const classifyCache = new Map<string, Classification>();

/**
 * Classifies a 一级/二级 pair. Forms repeat a few dozen level names thousands of times and several
 * rules ask about every indicator, so results (immutable) are memoised.
 */
export function classify(level1Text: string, level2Text: string): Classification {
  const key = `${level1Text}\u0000${level2Text}`;
  let c = classifyCache.get(key);
  if (c === undefined) {
    if (classifyCache.size >= CLASSIFY_CACHE_LIMIT) classifyCache.clear();
    c = Object.freeze(classifyUncached(level1Text, level2Text));
    classifyCache.set(key, c);
  }
  return c;
}

function classifyUncached(level1Text: string, level2Text: string): Classification {
  const l1 = match(level1Text, LEVEL1_TABLE);
  const l2 = match(level2Text, LEVEL2_TABLE);
  let placement: Classification['placement'] = 'unknown';
  if (l1.def && l2.def) placement = l2.def.parents.includes(l1.def.name) ? 'ok' : 'mismatch';
  else if (l1.def && l2.status === 'empty') placement = 'ok';

  let standardLevel1 = l1.def?.name ?? null;
  if (!standardLevel1 && l1.status === 'empty' && l2.def && l2.def.parents.length === 1) {
    standardLevel1 = l2.def.parents[0];
  }

  let status: Classification['status'];
  if (l1.status === 'empty' && l2.status === 'empty') status = 'empty';
  else if (l1.status === 'unknown' || l2.status === 'unknown') status = 'unknown';
  else if (placement === 'mismatch') status = 'mismatch';
  else if (l1.status === 'synonym' || l2.status === 'synonym') status = 'synonym';
  else status = 'ok';

  const category =
    l2.def?.category ??
    (standardLevel1 ? (LEVEL1_TABLE.byKey.get(keyOf(standardLevel1))?.category ?? null) : null);

  return {
    level1: strip(l1),
    level2: strip(l2),
    standardLevel1,
    standardLevel2: l2.def?.name ?? null,
    placement,
    status,
    category,
    code: l2.def?.code ?? l1.def?.code ?? null,
  };
}

/**
 * A standard name as the writer would have written it: with 指标 when the written name has it,
 * else without (`可持续性影响` → `可持续影响`). Messages and fixes both name it so, so that a
 * message and its button say the same.
 */
export function inWriterStyle(m: Pick<LevelMatch, 'written'>, standard: string): string {
  return m.written.endsWith('指标') ? standard : keyOf(standard);
}

/**
 * The cell text with the written name replaced by its standard name, in the writer's style: code
 * prefix and explanation kept, 指标 left off when the writer left it off (`2-效果：…` → `2-效益：…`).
 * Null when the name is not a synonym.
 */
export function standardiseLevelText(m: LevelMatch): string | null {
  if (m.status !== 'synonym' || !m.standard) return null;
  const replacement = inWriterStyle(m, m.standard);
  const at = m.text.indexOf(m.written);
  if (at < 0) return replacement;
  return m.text.slice(0, at) + replacement + m.text.slice(at + m.written.length);
}
