import type { Period } from '../../model/forms';

/**
 * The packed 绩效指标 cell of a project list (docs/domain.md §1.2): all indicators of one project in one
 * cell, numbered `1、` `2、` …, in one of two seen styles:
 *
 * - style 1: `1、产出指标：系统故障次数，年度指标值：≤5次。2、效益指标：…`
 * - style 2: `1、1-产出指标；11-数量指标；购置车辆数量；实施周期指标值:车2台；年度指标值:车2台。2、…`
 *
 * The parser is lenient: `；` or `;`, `：` or `:`, leftover `<p>…</p>` markup, line breaks anywhere
 * (text wrapped inside a word, `年度指标\n值：`), a numbering that restarts at `1、` inside the cell,
 * items without a 二级 (style 1) and names or values holding `，`, `。` or `：`.
 */

/** One value of a packed item: `年度指标值：≥90%` → { period: 'annual', text: '≥90%' }. */
export interface PackedValue {
  readonly period: Period;
  /** the value as written, trimmed, without the separator or item-ending `。` that follows it */
  readonly text: string;
}

/** One indicator of a packed cell. Texts are as written (code prefixes kept: `22-社会效益`). */
export interface PackedItem {
  /** the number written before `、` (`1、` → 1); null when the cell is not numbered */
  readonly number: number | null;
  /** 一级指标, '' when the item does not say */
  readonly level1: string;
  /** 二级指标, '' when the item does not say (style 1 has none) */
  readonly level2: string;
  /** 三级指标 */
  readonly name: string;
  /** the values in the order written */
  readonly values: ReadonlyArray<PackedValue>;
}

/** Markup a web system leaves in cells; `&lt;`/`&gt;` may stand for comparisons and are decoded. */
const TAGS = /<\/?(?:p|br|span|div|font|b|strong|i|em|u)(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
};
const ENTITY = /&(?:nbsp|lt|gt|amp|quot);/gi;

/** `<p>…</p>` and entities out; line breaks kept as `\n`. */
export function stripMarkup(text: string): string {
  if (text.indexOf('<') < 0 && text.indexOf('&') < 0) return text;
  return text.replace(TAGS, '').replace(ENTITY, (e) => ENTITIES[e.toLowerCase()] ?? e);
}

/** Line breaks (with the blanks around them) removed: the cell wrapped, the words did not break. */
const LINE_BREAK = /[ \t\u3000]*\r?\n[ \t\u3000]*/g;

/** `1、` … `99、` (spaces allowed before `、`). */
const ITEM_NUMBER = /(\d{1,3})[ \t]*、/g;

/** What may precede an item number: the start, a line break, an item end or a separator. */
const STRONG_BOUNDARY = /[\n。；;！!？?]/;
const WEAK_BOUNDARY = /[，,.．:：>）)\s]/;

/** The start of an item's head: `1-产出指标`, `产出指标`, `效益`, `满意度指标：`. */
const LEVEL1_START = /^\s*(?:\d{1,2}\s*[-－—]\s*)?(?:产出|效益|效果|满意度|成本)/;

/** For cells that are not numbered: an item starts after `。` or a line break with a 一级 name. */
const UNNUMBERED_START =
  /^\s*(?:\d{1,2}\s*[-－—]\s*)?(?:产出|效益|效果|满意度|成本)(?:指标)?\s*[：:；;]/;

/** `年度指标值：`, `实施周期指标值:`, `实施期指标值：`, a plain `指标值：` (read as annual). */
const VALUE_LABEL = /(实施周期|实施期|年度)指标值[ \t]*[:：]?|指标值[ \t]*[:：]/g;

/**
 * Splits a packed 绩效指标 cell into its indicators. Linear in the length of the text; returns []
 * for a blank cell.
 */
export function parsePackedIndicators(text: string): PackedItem[] {
  let clean = stripMarkup(text);
  if (clean.indexOf('\r') >= 0) clean = clean.replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return [];
  const items: PackedItem[] = [];
  for (const seg of splitItems(clean)) {
    const body = seg.text.indexOf('\n') >= 0 ? seg.text.replace(LINE_BREAK, '') : seg.text;
    const item = parseItem(body.trim(), seg.number);
    if (item) items.push(item);
  }
  return items;
}

interface Segment {
  readonly number: number | null;
  readonly text: string;
}

/** Cuts the cell at accepted item numbers; text before the first number is kept only if it holds a value. */
function splitItems(text: string): Segment[] {
  const starts: Array<{ at: number; body: number; number: number }> = [];
  let prev = 0;
  ITEM_NUMBER.lastIndex = 0;
  for (let m = ITEM_NUMBER.exec(text); m; m = ITEM_NUMBER.exec(text)) {
    let at = m.index;
    let n = Number(m[1]);
    const body = at + m[0].length;
    const leveled = LEVEL1_START.test(text.slice(body, body + 24));
    const expected = String(prev + 1);
    if (
      starts.length > 0 &&
      n !== prev + 1 &&
      n !== 1 &&
      leveled &&
      m[1].length > expected.length &&
      m[1].endsWith(expected)
    ) {
      // `年度指标值：92、产出指标`: a value 9 with no item end before item 2
      at += m[1].length - expected.length;
      n = prev + 1;
    }
    const before = at > 0 ? text[at - 1] : '';
    const boundary = STRONG_BOUNDARY.test(before) || WEAK_BOUNDARY.test(before);
    let ok: boolean;
    if (starts.length === 0) {
      ok = text.slice(0, at).trim() === '' || leveled || (boundary && n === 1);
    } else if (n === prev + 1) {
      ok = boundary || leveled;
    } else if (n === 1) {
      // a numbering that starts again inside the cell (`…。1、产出指标：重大故障次数…`)
      ok = STRONG_BOUNDARY.test(before) || (boundary && leveled);
    } else {
      // a gap or slip in the numbering (`2、` then `4、`): only where an item clearly starts
      ok = STRONG_BOUNDARY.test(before) && leveled;
    }
    if (!ok) continue;
    starts.push({ at, body, number: n });
    prev = n;
  }
  if (starts.length === 0) return splitUnnumbered(text);
  const out: Segment[] = [];
  const preamble = text.slice(0, starts[0].at);
  if (hasValueLabel(preamble)) out.push({ number: null, text: preamble });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    out.push({ number: s.number, text: text.slice(s.body, end) });
  });
  return out;
}

/** A cell without numbers: one item, or several when `。`/a line break is followed by a 一级 name. */
function splitUnnumbered(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '。' && ch !== '\n') continue;
    const rest = text.slice(i + 1, i + 24);
    if (UNNUMBERED_START.test(rest) && hasValueLabel(text.slice(from, i))) {
      out.push({ number: null, text: text.slice(from, i + 1) });
      from = i + 1;
    }
  }
  out.push({ number: null, text: text.slice(from) });
  return out;
}

function hasValueLabel(text: string): boolean {
  VALUE_LABEL.lastIndex = 0;
  return VALUE_LABEL.test(text.replace(LINE_BREAK, ''));
}

const isBlank = (ch: string): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u3000';
const isSeparator = (ch: string): boolean => ch === '；' || ch === ';' || ch === '，' || ch === ',';

/** Drops trailing blanks, then at most one separator (`；` `;` `，` `,`), then blanks. */
function stripSeparator(s: string): string {
  let end = s.length;
  while (end > 0 && isBlank(s[end - 1])) end--;
  if (end > 0 && isSeparator(s[end - 1])) end--;
  while (end > 0 && isBlank(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** What ends an item: separators and blanks, one `。`, then separators again (`≥90%。`, `100%；`). */
function stripItemEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (isBlank(s[end - 1]) || isSeparator(s[end - 1]))) end--;
  if (end > 0 && s[end - 1] === '。') end--;
  while (end > 0 && (isBlank(s[end - 1]) || isSeparator(s[end - 1]))) end--;
  return end === s.length ? s : s.slice(0, end);
}

function parseItem(text: string, number: number | null): PackedItem | null {
  if (text === '') return null;
  const labels: Array<{ at: number; end: number; period: Period }> = [];
  VALUE_LABEL.lastIndex = 0;
  for (let m = VALUE_LABEL.exec(text); m; m = VALUE_LABEL.exec(text)) {
    const period: Period = m[1] === '实施周期' || m[1] === '实施期' ? 'period' : 'annual';
    labels.push({ at: m.index, end: m.index + m[0].length, period });
  }
  const headEnd = labels.length ? labels[0].at : text.length;
  let head = text.slice(0, headEnd);
  head = labels.length ? stripSeparator(head) : stripItemEnd(head);
  const values: PackedValue[] = labels.map((l, i) => {
    const last = i === labels.length - 1;
    const raw = text.slice(l.end, last ? text.length : labels[i + 1].at);
    const v = last ? stripItemEnd(raw) : stripSeparator(raw);
    return { period: l.period, text: v.trim() };
  });
  const levels = splitHead(head.trim());
  if (levels.level1 === '' && levels.level2 === '' && levels.name === '' && values.length === 0)
    return null;
  return { number, ...levels, values };
}

interface Head {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
}

/** `1-产出指标；11-数量指标；名称` (style 2) or `产出指标：名称` (style 1) into the three levels. */
function splitHead(head: string): Head {
  const parts = splitKeep(head);
  if (parts.length >= 3) {
    // style 2 is positional; a name may itself hold a separator (`系统维护；数据整合、对接`)
    return { level1: parts[0].text, level2: parts[1].text, name: joinFrom(head, parts, 2) };
  }
  if (parts.length === 2) {
    const [a, b] = parts;
    if (looksLikeLevel(a.text) && looksLikeLevel2(b.text))
      return { level1: a.text, level2: b.text, name: '' };
    if (looksLikeLevel(a.text)) return { level1: a.text, ...splitColon(b.text, true) };
    return { level1: '', level2: '', name: head };
  }
  return splitColonHead(head);
}

/** Style 1: `产出指标：名称`, or `产出指标：数量指标：名称`. */
function splitColonHead(head: string): Head {
  const i = colonIndex(head);
  if (i <= 0) return { level1: '', level2: '', name: head };
  const first = head.slice(0, i).trim();
  if (!looksLikeLevel(first)) return { level1: '', level2: '', name: head };
  return { level1: first, ...splitColon(head.slice(i + 1).trim(), false) };
}

/** After the 一级: an optional `二级：` before the name. */
function splitColon(rest: string, allowBare: boolean): { level2: string; name: string } {
  const i = colonIndex(rest);
  if (i > 0) {
    const second = rest.slice(0, i).trim();
    if (looksLikeLevel2(second)) return { level2: second, name: rest.slice(i + 1).trim() };
  }
  if (allowBare && looksLikeLevel2(rest)) return { level2: rest, name: '' };
  return { level2: '', name: rest };
}

function colonIndex(s: string): number {
  const a = s.indexOf('：');
  const b = s.indexOf(':');
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** Parts of a head split at `；`/`;`, with where each starts (to re-join a name exactly). */
function splitKeep(head: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i === head.length || head[i] === '；' || head[i] === ';') {
      out.push({ text: head.slice(start, i).trim(), start });
      start = i + 1;
    }
  }
  return out;
}

function joinFrom(head: string, parts: Array<{ start: number }>, from: number): string {
  return head.slice(parts[from].start).trim();
}

const LEVEL_WORD = /指标|产出|效益|效果|满意|成本|数量|质量|时效|影响/;
const LEVEL_PUNCT = /[，,。；;（()）、]/;
const CODE_PREFIX = /^\d{1,2}\s*[-－—]/;

/** A short text that can be a 一级 name, written right or wrong (`产出指标`, `1-产出指标`, `效果`). */
function looksLikeLevel(s: string): boolean {
  return s !== '' && s.length <= 12 && !LEVEL_PUNCT.test(s);
}

/** A text that is a 二级 name rather than a 三级 one (`11-数量指标`, `社会效益`, `质量指标`). */
function looksLikeLevel2(s: string): boolean {
  if (s === '' || s.length > 14 || LEVEL_PUNCT.test(s)) return false;
  if (CODE_PREFIX.test(s)) return true;
  return (
    /指标$/.test(s) || (s.length <= 8 && LEVEL_WORD.test(s) && /(效益|影响|满意度|成本)$/.test(s))
  );
}
