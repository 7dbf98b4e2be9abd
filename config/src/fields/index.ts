export * from './form-data.ts';
export * from './form-schema.ts';
export * from './format-answer.ts';
export * from './html.ts';
export * from './messages.ts';
export * from './sample.ts';
export * from './schema.ts';
export * from './types.ts';
