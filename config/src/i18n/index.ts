export * from './legacy-names.ts';
export * from './messages.ts';
export { zhCN } from './zh-CN.ts';
