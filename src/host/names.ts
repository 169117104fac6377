/** Worksheet names: Excel's rules, and unique names that never collide with an existing sheet. */

const MAX_LEN = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** A name Excel accepts: forbidden characters replaced, at most 31 characters, no edge apostrophes. */
export function cleanSheetName(preferred: string): string {
  let s = [...preferred.replace(FORBIDDEN, '_')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join('')
    .trim();
  s = s.replace(/^'+|'+$/g, '');
  if (s === '' || s.toLowerCase() === 'history') s = s === '' ? '工作表' : `${s}_`;
  return [...s].slice(0, MAX_LEN).join('');
}

/**
 * A name not used by any of `existing` (compared as Excel does, ignoring case): the preferred name,
 * else `名称 (2)`, `名称 (3)`, … shortened to fit 31 characters.
 */
export function uniqueSheetName(preferred: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const n of existing) taken.add(n.toLowerCase());
  const base = cleanSheetName(preferred);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const head = [...base].slice(0, MAX_LEN - suffix.length).join('');
    const name = `${head}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
