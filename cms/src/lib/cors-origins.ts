/**
 * The origins whose pages may call the CMS with the browser's credentials. Strapi's default is
 * every origin, echoed back with `Access-Control-Allow-Credentials: true`, which lets any site a
 * signed-in admin visits call `POST /admin/access-token` with the admin's refresh cookie.
 * Allowed: the CMS's own public URL (CMS_PUBLIC_URL), the public site's host names (SITE_DOMAINS,
 * https, as the site's own build reads them) and any further origins in CORS_ORIGINS.
 */
export function allowedOrigins(env: (name: string) => string | undefined): string[] {
  const list = (name: string) =>
    (env(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const origins = [
    ...[env('CMS_PUBLIC_URL') ?? ''].filter(Boolean),
    ...list('SITE_DOMAINS').map((host) => `https://${host}`),
    ...list('CORS_ORIGINS'),
  ];
  return [...new Set(origins.flatMap((url) => originOf(url)))];
}

const originOf = (url: string): string[] => {
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
};
