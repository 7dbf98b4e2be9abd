/** The 申请结果查询 row is part of the contract (config/src/contract/submissions.ts). */
export type { QueryRecord } from './contract/submissions.ts';
