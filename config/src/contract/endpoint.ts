import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call an endpoint. `record-token` is the bearer token of a /public/query answer,
 * `look-up-token` that of a statistician's or agency's look-up; both are checked in the
 * controller. `api-token` is Strapi's content-API token, `admin` a signed-in admin's JWT.
 */
export type Auth = 'none' | 'record-token' | 'look-up-token' | 'api-token' | 'admin';

/** The error contract of DESIGN.md: `{ error: { status, name, message, details: { fields } } }`, zh-CN. */
export const errorAnswer = z.object({
  error: z.object({
    status: z.number().int().min(400).max(599),
    name: z.string().min(1),
    message: z.string().min(1),
    details: z.looseObject({ fields: z.record(z.string(), z.string()) }),
  }),
});
export type ErrorAnswer = z.infer<typeof errorAnswer>;

/** The body of a file answer (a PDF, a CSV, a scan): bytes, described by `Endpoint.file`. */
export const fileBody = z.instanceof(Uint8Array);

export interface Endpoint {
  method: Method;
  /** The URL path as Strapi serves it (content-API paths start with /api), koa-router `:params`. */
  path: string;
  auth: Auth;
  request?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  /** The answer's schema per success status. */
  responses: Readonly<Record<number, z.ZodType>>;
  /** Statuses answered in the error contract (`errorAnswer`). */
  errors: readonly number[];
  /** For a file answer: the content types it may carry (the 200 schema is `fileBody`). */
  file?: readonly string[];
}

/** Declares an endpoint, keeping its literal types for `call` and the route files. */
export const defineEndpoint = <const E extends Endpoint>(endpoint: E): E => endpoint;

/** The endpoint's answer for a status (its first success status by default). */
export type AnswerOf<E extends Endpoint, S extends keyof E['responses'] = keyof E['responses']> = E['responses'][S] extends z.ZodType
  ? z.output<E['responses'][S]>
  : never;

/** Path parameter names of a koa-router path: `/records/:no/form.pdf` → 'no'. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? CleanName<Name> | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? CleanName<Name>
    : never;
type CleanName<N extends string> = N extends `${infer Head}.${string}` ? CleanName<Head> : N extends `${infer Head}(${string}` ? Head : N;

const PARAM = /:([A-Za-z]+)(\([^)]*\))?/g;

/** The endpoint's path with its parameters filled in (each URI-encoded). */
export function pathOf(endpoint: Pick<Endpoint, 'path'>, params: Record<string, string | number> = {}): string {
  return endpoint.path.replace(PARAM, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Content-API routes are declared without Strapi's `/api` prefix (cms/src/api/<name>/routes). */
export const contentApiPathOf = (endpoint: Pick<Endpoint, 'path'>): string => endpoint.path.replace(/^\/api(?=\/)/, '');
