import node from '@astrojs/node';
import { MAX_FORM_BODY_BYTES } from '@statdesk/config';
import { defineConfig } from 'astro/config';

/**
 * Behind a TLS proxy the site is reached over plain HTTP, so without this Astro would see
 * `http://` while the browser's Origin says `https://` and refuse every form post (CSRF check),
 * set no Secure cookies and send no HSTS. SITE_DOMAINS (read at build time, comma-separated)
 * names the public host names whose X-Forwarded-Host/-Proto Astro may believe (docs/deploy.md).
 */
const allowedDomains = (process.env.SITE_DOMAINS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean)
  .map((hostname) => ({ hostname, protocol: 'https' }));

// Server-rendered so every form works without JavaScript (DESIGN.md, "public site").
export default defineConfig({
  output: 'server',
  // Its default is 1 GB; the site's own check (src/lib/body-limit.ts) answers 413 before this.
  adapter: node({ mode: 'standalone', bodySizeLimit: MAX_FORM_BODY_BYTES }),
  // The cross-site form check is made in src/lib/origin-check.ts (the same rule) so that its
  // refusal is the site's zh-CN error page; Astro's own answers in English plain text.
  security: { checkOrigin: false, allowedDomains },
  // The node adapter otherwise turns on Astro sessions kept in files on this machine's disk
  // ("Enabling sessions with filesystem storage"), which a second instance would not see. The site
  // remembers what it must in cookies only (src/lib/session.ts); should a feature ever need Astro
  // sessions, give them a driver on PostgreSQL, never the disk (docs.astro.build, "Sessions").
  session: false,
  compressHTML: true,
  build: { inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
});
