export * from './field-labels.ts';
export * from './jurisdiction.ts';
export * from './mail-outbox.ts';
export * from './notifications.ts';
export * from './personal-data.ts';
export * from './roles.ts';
