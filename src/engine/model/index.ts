export * from './forms';
export * from './finding';
export * from './money-fields';
