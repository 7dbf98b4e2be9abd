export * from './fields/index.ts';
export * from './forms/index.ts';
export * from './query-password.ts';
export * from './seed/catalog.ts';
export * from './seed/notices.ts';
export * from './submissions.ts';
export * from './validators/index.ts';
export * from './workflow/submission.ts';
