/** The reviewer's side: the full pass with a per-sheet summary, review remarks and the 审核意见 sheet. */
export * from './labels';
export * from './remarks';
export * from './pass';
export * from './export';
