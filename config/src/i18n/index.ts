export * from './messages.ts';
export { zhCN } from './zh-CN.ts';
