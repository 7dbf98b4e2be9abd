import { t } from '@statdesk/config';

/**
 * The admin's sign-in page shows the server's message as it is (@strapi/admin
 * pages/Auth/components/Login.tsx), and Strapi writes it in English: "Invalid credentials", and
 * "Too many requests, please try again later." from its sign-in limit (server/src/middlewares/
 * rateLimit.ts). Staff read them in zh-CN. Other messages pass unchanged: the page recognises
 * "User not active" by its English words to show its own (translated) page.
 */
const SIGN_IN_PATHS = new Set(['/admin/login', '/admin/register', '/admin/forgot-password', '/admin/reset-password']);

export const SIGN_IN_MESSAGES: Readonly<Record<string, string>> = {
  'Invalid credentials': t('admin.signIn.invalidCredentials'),
  'Too many requests, please try again later.': t('admin.signIn.tooMany'),
};

interface Ctx {
  path: string;
  status: number;
  body: unknown;
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    await next();
    if (ctx.status < 400 || !SIGN_IN_PATHS.has(ctx.path)) return;
    const error = (ctx.body as { error?: { message?: unknown } } | undefined)?.error;
    const message = typeof error?.message === 'string' ? SIGN_IN_MESSAGES[error.message] : undefined;
    if (!message || !error) return;
    const status = ctx.status;
    error.message = message;
    ctx.status = status;
  };
