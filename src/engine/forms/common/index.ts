export * from './labels';
export * from './cells';
export * from './indicators';
