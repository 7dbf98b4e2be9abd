export { en } from './en.ts';
export * from './messages.ts';
export { zhCN } from './zh-CN.ts';
