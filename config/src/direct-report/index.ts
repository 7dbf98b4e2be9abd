export * from './calendar.ts';
export * from './counted.ts';
export * from './ip.ts';
export * from './rates.ts';
export * from './reference.ts';
export * from './sichuan.ts';
export * from './synthetic.ts';
export * from './types.ts';
