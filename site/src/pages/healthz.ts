import type { APIRoute } from 'astro';

/** Liveness of the site process alone (it answers even while the CMS is down, which has its own health route). */
export const GET: APIRoute = () =>
  new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
