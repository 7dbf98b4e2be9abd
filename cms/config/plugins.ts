import type { Core } from '@strapi/strapi';
import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from '../src/lib/media-type';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * Applicants are emailed on submission and on every decision when SMTP_HOST is set, through the
 * outbox and its worker (src/lib/mail-outbox.ts); without it the email plugin keeps its default
 * provider and StatDesk queues and sends nothing.
 */
const email = (env: Env) =>
  env('SMTP_HOST')
    ? {
        config: {
          provider: 'nodemailer',
          providerOptions: {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            // The mail worker holds a message's row lock while sending: a server that hangs must
            // fail the attempt in seconds (nodemailer waits up to 10 minutes by default), to be retried.
            connectionTimeout: 15_000,
            greetingTimeout: 15_000,
            socketTimeout: 30_000,
            ...(env('SMTP_USERNAME') && { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }),
          },
          settings: { defaultFrom: env('SMTP_FROM', 'noreply@statdesk.local'), defaultReplyTo: env('SMTP_FROM', 'noreply@statdesk.local') },
        },
      }
    : {};

/**
 * Public media in an S3-compatible bucket when S3_PUBLIC_BUCKET is set, through Strapi's own
 * provider, with the same endpoint and credentials as the private files (docs/deploy.md, "Files");
 * otherwise Strapi's local provider under PUBLIC_DIR/uploads.
 */
const mediaProvider = (env: Env) =>
  env('S3_PUBLIC_BUCKET')
    ? {
        provider: 'aws-s3',
        providerOptions: {
          baseUrl: env('S3_PUBLIC_URL'),
          s3Options: {
            region: env('S3_REGION', 'us-east-1'),
            ...(env('S3_ENDPOINT') && { endpoint: env('S3_ENDPOINT'), forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true) }),
            ...(env('S3_ACCESS_KEY_ID') && {
              credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
            }),
            params: { Bucket: env('S3_PUBLIC_BUCKET') },
          },
        },
      }
    : {};

export default ({ env }: { env: Env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  email: email(env),
  // The media library takes only what editors publish. Strapi's own check (by sniffed type, else
  // the name's) is the first gate; src/extensions/upload checks content against the name too.
  upload: { config: { ...mediaProvider(env), sizeLimit: MEDIA_MAX_BYTES, security: { allowedTypes: MEDIA_MIME_TYPES } } },
  // The desks are local plugins, each with a server part (admin routes, services) and an admin part.
  'review-desk': { enabled: true, resolve: './src/plugins/review-desk' },
  'bureau-desk': { enabled: true, resolve: './src/plugins/bureau-desk' },
});
