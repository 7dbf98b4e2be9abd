import type { APIRoute } from 'astro';
import { fetchNoticeAttachment } from '../../../lib/cms/content';
import { CmsError } from '../../../lib/cms/errors';

export const GET: APIRoute = async ({ params, rewrite }) => {
  try {
    const attachment = await fetchNoticeAttachment(String(params.key));
    if (!attachment) return rewrite('/404');
    return new Response(attachment.response.body, {
      headers: {
        'Content-Type': attachment.response.headers.get('content-type') ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return rewrite('/404');
    throw error;
  }
};
