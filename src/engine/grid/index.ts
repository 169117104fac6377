export * from './cell';
export * from './address';
export * from './sheet';
export * from './grid';
