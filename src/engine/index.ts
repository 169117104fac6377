/** The Jixiao engine: grid in, forms, findings and normalised rows out. Pure TypeScript. */
export * from './grid';
export * from './money';
export * from './model';
export * from './values';
export * from './rules';
export * from './check';
export * from './inspect';
export * from './labels';
export type { FormReader, RowWindow } from './forms/reader';
