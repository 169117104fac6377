/**
 * How a suggestion reads on its button: the whole text when short, else only the part that
 * changes with a little context (`…年度指标值：≤330。…`), or what is removed (`删除“<p>”`).
 */
const MAX_WHOLE = 20;
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 4;

export interface FixLabel {
  /** `改为` or `删除` */
  readonly verb: '改为' | '删除';
  readonly text: string;
}

export function fixLabel(before: string | undefined, after: string): FixLabel {
  if (before === undefined || [...after].length <= MAX_WHOLE) return { verb: '改为', text: after };
  const a = [...before];
  const b = [...after];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const removed = a.slice(p, a.length - s).join('');
  const added = b.slice(p, b.length - s).join('');
  if (added === '' && removed !== '') return { verb: '删除', text: removed };
  const start = Math.max(0, p - CONTEXT_BEFORE);
  const end = Math.min(b.length, b.length - s + CONTEXT_AFTER);
  const text = `${start > 0 ? '…' : ''}${b.slice(start, end).join('')}${end < b.length ? '…' : ''}`;
  return { verb: '改为', text };
}
