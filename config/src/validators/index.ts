export * from './credit-code.ts';
export * from './date.ts';
export * from './email.ts';
export * from './id-card.ts';
export * from './phone.ts';
export * from './result.ts';
export * from './url.ts';
