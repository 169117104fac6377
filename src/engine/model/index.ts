export * from './forms';
export * from './finding';
