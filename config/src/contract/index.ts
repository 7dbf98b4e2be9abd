/**
 * One contract for every boundary (DESIGN.md "Layout"): each endpoint's method, path, auth,
 * request, answers and errors, and the table of record kinds. Strapi's route files take their
 * method and path from here, the site's `call` its types, the admin its answer types, and an
 * integration test parses every route's answers with these schemas.
 */
import { agencies } from './agencies.ts';
import { bureauDesk } from './bureau-desk.ts';
import { directReport } from './direct-report.ts';
import type { Endpoint } from './endpoint.ts';
import { publicContent } from './public-content.ts';
import { reviewDesk } from './review-desk.ts';
import { statisticians } from './statisticians.ts';
import { submissions } from './submissions.ts';

export * from './agencies.ts';
export * from './bureau-desk.ts';
export * from './content-disposition.ts';
export * from './direct-report.ts';
export * from './endpoint.ts';
export * from './public-content.ts';
export * from './record-kinds.ts';
export * from './review-desk.ts';
export * from './shared.ts';
export * from './statisticians.ts';
export * from './submissions.ts';

/** The public REST contract and the platform's API (content-API routes, under /api). */
export const contentApi = { ...publicContent, ...submissions, ...statisticians, ...agencies, ...directReport };
/** The admin desks' routes (admin JWT). */
export const adminApi = { ...reviewDesk, ...bureauDesk };

export const endpoints = { ...contentApi, ...adminApi } satisfies Record<string, Endpoint>;
export type EndpointId = keyof typeof endpoints;

const groups = [publicContent, submissions, statisticians, agencies, directReport, reviewDesk, bureauDesk];
// A spread keeps the last of two endpoints with one name: say so at load rather than lose one.
if (Object.keys(endpoints).length !== groups.reduce((n, group) => n + Object.keys(group).length, 0))
  throw new Error('Two endpoints of the contract share a name');
