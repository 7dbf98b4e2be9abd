import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../src/lib/cors-origins';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => [
  'strapi::logger',
  // Outermost of ours: a public API request's errors, the contract's included, in the language it asks for.
  'global::request-locale',
  // Wraps strapi::errors: rewrites the answers it writes into the contract's shape with zh-CN messages.
  'global::error-contract',
  // Also outside strapi::errors: the admin sign-in's English messages, in zh-CN.
  'global::admin-sign-in-messages',
  // And the profile page's refusals (PUT /admin/users/me), as zh-CN errors on their fields.
  'global::admin-profile-messages',
  // The admin's AI questions answered "not configured" instead of 404 while AI is off.
  'global::admin-ai-off',
  // Content Manager lists: our workflow status instead of the draft/publish one Strapi puts there.
  'global::own-status-in-lists',
  'strapi::errors',
  'strapi::security',
  // After the security headers, so that its own sandbox CSP wins for the media library's files.
  'global::uploads-headers',
  // Only the configured site and admin origins; an empty list allows none (never '*').
  { name: 'strapi::cors', config: { origin: allowedOrigins((name) => env(name)) } },
  // No 'strapi::poweredBy': naming the framework and its version only helps an attacker.
  'strapi::query',
  'global::nul-in-url',
  // 401, not the public role's 403, when the data collection platform's token is missing.
  'global::token-required',
  // Before the body parser: the login-event ingestion streams its own body.
  'global::raw-login-events',
  // Answers what the body parser cannot read (400, 413) in zh-CN, instead of a 500 or its English.
  'global::unreadable-body',
  // Enterprise master data arrives in bulk (tens of thousands of rows per PUT).
  { name: 'strapi::body', config: { jsonLimit: '20mb', formLimit: '1mb', textLimit: '1mb' } },
  // Answers the media library's refusals (extensions/upload) in the contract's shape, not as 500s.
  'global::public-errors',
  // Staff sign-ins under the attempt limits every instance shares (Strapi's own counts per instance).
  'global::admin-sign-in-limit',
  // The media library's allow-list, checked on the request (by content and name).
  'global::media-allow-list',
  'strapi::session',
  // Our own icon (cms/favicon.ico), read once: koa-favicon behind strapi::favicon answered 500 when
  // its file was missing. Strapi insists on strapi::favicon; it no longer sees /favicon.ico.
  'global::favicon',
  { name: 'strapi::favicon', config: { path: 'favicon.ico' } },
  'strapi::public',
];
