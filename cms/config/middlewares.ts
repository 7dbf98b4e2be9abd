import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../src/lib/cors-origins';

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // After the security headers, so that its own sandbox CSP wins for the media library's files.
  'global::uploads-headers',
  // Only the configured site and admin origins; an empty list allows none (never '*').
  { name: 'strapi::cors', config: { origin: allowedOrigins((name) => env(name)) } },
  // No 'strapi::poweredBy': naming the framework and its version only helps an attacker.
  'strapi::query',
  'global::nul-in-url',
  // Before the body parser: the login-event ingestion streams its own body.
  'global::raw-login-events',
  // Turns the body parser's multipart errors into 400s instead of 500s.
  'global::unreadable-body',
  // Enterprise master data arrives in bulk (tens of thousands of rows per PUT).
  { name: 'strapi::body', config: { jsonLimit: '20mb', formLimit: '1mb', textLimit: '1mb' } },
  // Answers the media library's refusals (extensions/upload) in the contract's shape, not as 500s.
  'global::public-errors',
  // The media library's allow-list, checked on the request (by content and name).
  'global::media-allow-list',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
