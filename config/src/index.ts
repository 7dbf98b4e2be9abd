export * from './validators/index.ts';
