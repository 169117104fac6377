/**
 * Text-level clean-up of an indicator value: markup, full-width characters, comparison spellings,
 * stray whitespace and trailing punctuation. Book-title marks and duplicates are handled elsewhere
 * (typos.ts, duplicates.ts) because they need a reviewer's decision or a more specific finding.
 */

/** The result of cleaning: the clean text and whether markup was removed on the way. */
export interface CleanResult {
  readonly text: string;
  readonly markup: boolean;
}

/** Full-width (and other look-alike) characters with a standard half-width or sign spelling. */
const WIDTH_MAP: Readonly<Record<string, string>> = {
  '％': '%',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '．': '.',
  '＋': '+',
  '－': '-',
  '／': '/',
  '＆': '&',
  '＃': '#',
  '﹥': '>',
  '﹤': '<',
  '﹦': '=',
  '≧': '≥',
  '≦': '≤',
  '⩾': '≥',
  '⩽': '≤',
  '\u2329': '\u3008',
  '\u232a': '\u3009',
};

const WIDTH_RE =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％＞＜＝．＋－／＆＃﹥﹤﹦≧≦⩾⩽\u2329\u232a]/g;

/** Full-width comma used as a thousands separator between digits: `1，000`. */
const FULLWIDTH_THOUSANDS_RE = /(\d)，(?=\d{3}(?!\d))/g;

function toStandardWidth(s: string): string {
  return s
    .replace(WIDTH_RE, (ch) => {
      const mapped = WIDTH_MAP[ch];
      if (mapped !== undefined) return mapped;
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    })
    .replace(FULLWIDTH_THOUSANDS_RE, '$1,');
}

/** Tags that separate text blocks: replaced by a space (then dropped unless between two words). */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

const COMMENT_RE = /<!--[\s\S]*?-->/g;
const TAG_RE = /<\/?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?\/?>/g;
const ENTITY_RE =
  /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));|&nbsp(?![A-Za-z0-9;])/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ge: '≥',
  le: '≤',
};

function decodeCodePoint(n: number): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '';
  return String.fromCodePoint(n);
}

function stripMarkup(s: string): string {
  if (s.indexOf('<') < 0 && s.indexOf('&') < 0) return s;
  return s
    .replace(COMMENT_RE, ' ')
    .replace(TAG_RE, (_m, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''))
    .replace(ENTITY_RE, (m, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return decodeCodePoint(parseInt(dec, 10));
      if (hex !== undefined) return decodeCodePoint(parseInt(hex, 16));
      if (name === undefined) return ' '; // `&nbsp` without its semicolon
      const decoded = NAMED_ENTITIES[name.toLowerCase()];
      return decoded === undefined ? m : decoded;
    });
}

const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\u00ad]/g;
const SPACE_RUN_RE = /[\s\u00a0\u3000\ufeff]+/g;
const WORD_CHAR_RE = /[A-Za-z0-9]/;

/** Drops whitespace, except one space between two ASCII letters or digits (`ISO 9001`). */
function collapseWhitespace(s: string): string {
  return s.replace(ZERO_WIDTH_RE, '').replace(SPACE_RUN_RE, (_m, offset: number, whole: string) => {
    const before = offset > 0 ? whole.charAt(offset - 1) : '';
    const after = whole.charAt(offset + _m.length);
    return WORD_CHAR_RE.test(before) && WORD_CHAR_RE.test(after) ? ' ' : '';
  });
}

const DIGRAPH_RE = />=|=>|<=|=</g;

function standardSigns(s: string): string {
  return s.replace(DIGRAPH_RE, (m) => (m === '>=' || m === '=>' ? '≥' : '≤'));
}

const TRAILING_RE = /[。.，,；;、：: ]+$/;
const LEADING_RE = /^[。，,；;、：: ]+/;

function trimPunctuation(s: string): string {
  return s.replace(TRAILING_RE, '').replace(LEADING_RE, '');
}

function pass(s: string): { text: string; markup: boolean } {
  const widened = toStandardWidth(s);
  const unmarked = stripMarkup(widened);
  const markup = unmarked !== widened;
  const text = trimPunctuation(standardSigns(collapseWhitespace(unmarked)));
  return { text, markup };
}

/**
 * Cleans a value's text. Repeats until nothing changes (removing a tag can reveal another), which
 * ends because every pass after the first either changes nothing or shortens the text.
 */
export function cleanText(raw: string): CleanResult {
  let text = raw;
  let markup = false;
  for (let i = 0; i < 64; i++) {
    const next = pass(text);
    markup = markup || next.markup;
    if (next.text === text) break;
    text = next.text;
  }
  return { text, markup };
}
