import { t } from '@statdesk/config';
import { contentDisposition } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { PublicError } from './http-errors';
import type { PrivateFile } from './private-storage';

export type Ctx = Parameters<Core.MiddlewareHandler>[0];

interface Ability {
  can(action: string, subject?: string, field?: string): boolean;
}

export const READ = 'plugin::content-manager.explorer.read';
export const UPDATE = 'plugin::content-manager.explorer.update';

/** The signed-in admin's permissions (admin routes only: Strapi sets them from the admin JWT). */
export const ability = (ctx: Ctx): Ability => ctx.state.userAbility as Ability;

/** Every admin route checks what the role may do, per subject. */
export function requireCan(ctx: Ctx, action: string, subject?: string): void {
  if (!ability(ctx).can(action, subject)) throw new PublicError(403, 'ForbiddenError', t('admin.forbidden'));
}

/** Who acted, as histories show it: name and email of the admin user. */
export function actorOf(user: { firstname?: string | null; lastname?: string | null; email?: string | null } | undefined): string {
  const name = [user?.lastname, user?.firstname].filter(Boolean).join('') || user?.email || t('admin.unnamedStaff');
  return `${name} <${user?.email ?? ''}>`;
}

/**
 * Files are served to staff as downloads or sandboxed inline views (docs/deploy.md, "Where files
 * are served from").
 */
export function sendPrivateFile(ctx: Ctx, file: PrivateFile | undefined) {
  if (!file) throw new PublicError(404, 'NotFoundError', t('admin.fileNotFound'));
  const disposition = ctx.query.download === '1' ? 'attachment' : 'inline';
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Disposition', contentDisposition(disposition, file.fileName));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  ctx.set('Cache-Control', 'private, no-store');
  return { body: file.body };
}
