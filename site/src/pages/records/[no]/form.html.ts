import type { APIRoute } from 'astro';
import { fetchPrintable } from '../../../lib/cms/submissions';
import { recordToken } from '../../../lib/session';

/** 查看: the printable form as a page; self-contained, so it runs under a CSP that allows nothing else. */
export const GET: APIRoute = async ({ params, cookies, redirect }) => {
  const token = recordToken(cookies);
  const printable = token ? await fetchPrintable(String(params.no), 'html', token) : undefined;
  if (!(printable instanceof Response)) return redirect('/query', 303);
  return new Response(await printable.text(), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
};
