import type { Rule } from './types';

export * from './types';

/** Every rule of the catalogue (domain.md §4), in catalogue order. */
export const allRules: ReadonlyArray<Rule> = [];
