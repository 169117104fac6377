export * from './types';
export { parseValue } from './parse';
