import type { ParsedValue } from './types';

// Placeholder until the value parser lands.
export function parseValue(text: string): ParsedValue {
  const raw = text;
  const t = text.trim();
  return { raw, normalised: t, kind: t ? 'qualitative' : 'empty', comparator: null, number: null, upper: null, unit: null, problems: [] };
}
