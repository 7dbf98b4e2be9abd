export * from './ip.ts';
export * from './rates.ts';
export * from './reference.ts';
export * from './types.ts';
