import { type PlainMessageKey, t } from '@statdesk/config';

/**
 * zh-CN messages for error answers whose thrower wrote none: Koa's body parser, Strapi's auth and
 * router (see middlewares/error-contract.ts). Chosen by status, and for a 400 by what the parser
 * could not read, so that the person or the calling system learns what to change.
 */
const BY_STATUS: Record<number, PlainMessageKey> = {
  400: 'http.status400',
  401: 'http.status401',
  403: 'http.status403',
  404: 'http.status404',
  405: 'http.status405',
  406: 'http.status406',
  408: 'http.status408',
  409: 'http.status409',
  411: 'http.status411',
  413: 'http.status413',
  414: 'http.status414',
  415: 'http.status415',
  422: 'http.status422',
  429: 'http.status429',
  431: 'http.status431',
};

/** What Koa's body parser (co-body, secure-json-parse) says when a JSON body is unreadable. */
const UNREADABLE_JSON = /JSON|prototype property|Unexpected (?:token|end)|position \d+/i;

export function messageForStatus(status: number, name: unknown, message: unknown): string {
  if (status === 400 && (name === 'SyntaxError' || (typeof message === 'string' && UNREADABLE_JSON.test(message))))
    return t('http.unreadableJson');
  const key = BY_STATUS[status];
  if (key) return t(key);
  if (status >= 500) return t(status === 503 ? 'http.status503' : 'http.serverError');
  return t('http.refused');
}
