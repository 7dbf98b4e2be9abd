/**
 * Public content (catalog, notices, the institution listing) changes a few times a day but every
 * form page reads it: each site instance keeps an answer for a few seconds and asks once for all
 * the requests waiting on it. Without this, page views fan out to three Strapi calls each and the
 * load benchmark saturates at ~100 pages/s (`npm run bench:load`, docs/benchmarks.md). Failures
 * are not kept.
 */
import type { AnswerOf, Endpoint } from '@statdesk/config/contract';
import { type CallInput, fetchData, resourceOf } from './transport.ts';

const PUBLIC_CONTENT_SECONDS = 5;
const publicContent = new Map<string, { expires: number; answer: Promise<unknown> }>();

export function cachedData<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<AnswerOf<E>> {
  const resource = resourceOf(endpoint, input);
  const now = Date.now();
  const kept = publicContent.get(resource);
  if (kept && kept.expires > now) return kept.answer as Promise<AnswerOf<E>>;
  const answer = fetchData(endpoint, input);
  publicContent.set(resource, { expires: now + PUBLIC_CONTENT_SECONDS * 1000, answer });
  answer.catch(() => publicContent.delete(resource));
  return answer;
}

/** Forgets every kept answer of an endpoint (e.g. the institution listing after a registration). */
export function forget(endpoint: Endpoint): void {
  for (const resource of publicContent.keys()) if (resource.split('?')[0] === endpoint.path) publicContent.delete(resource);
}
