export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  // No 'strapi::poweredBy': naming the framework and its version only helps an attacker (issue 8).
  'strapi::query',
  'global::nul-in-url',
  // Before the body parser: the login-event ingestion streams its own body.
  'global::raw-login-events',
  // Turns the body parser's multipart errors into 400s instead of 500s.
  'global::unreadable-body',
  // Enterprise master data arrives in bulk (tens of thousands of rows per PUT).
  { name: 'strapi::body', config: { jsonLimit: '20mb', formLimit: '1mb', textLimit: '1mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
