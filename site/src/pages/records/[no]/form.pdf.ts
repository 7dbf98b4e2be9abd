import type { APIRoute } from 'astro';
import { fetchPrintable } from '../../../lib/cms';
import { recordToken } from '../../../lib/session';

/** 导出申请表: the CMS prints it; the token from the person's query (cookie) proves access. */
export const GET: APIRoute = async ({ params, cookies, redirect }) => {
  const token = recordToken(cookies);
  const printable = token ? await fetchPrintable(String(params.no), 'pdf', token) : undefined;
  if (!printable) return redirect('/query', 303);
  return new Response(printable.body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': printable.headers.get('content-disposition') ?? 'attachment',
      'Cache-Control': 'private, no-store',
    },
  });
};
