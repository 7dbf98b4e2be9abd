import type { Core, UID } from '@strapi/strapi';

/**
 * The Content Manager's list answer sets each row's `status` to its draft/publish state
 * (@strapi/content-manager server/src/controllers/collection-types.ts `find`, setStatus), also for
 * types without draft and publish, where every row becomes `published`. Ours keep their workflow
 * state in an enumeration of that name (等待实验室审批, 已注销…), which the rows lost. This puts the
 * stored value back, for the rows whose status the caller may read.
 */
const LIST_PATH = /^\/content-manager\/collection-types\/([^/]+)$/;
const READ = 'plugin::content-manager.explorer.read';

interface Ctx {
  path: string;
  method: string;
  status: number;
  body: unknown;
  state: { userAbility?: { can(action: string, subject: string, field?: string): boolean } };
}

/** The content type of a list path; its `::` may come percent-encoded. */
function uidIn(path: string): string | undefined {
  const segment = LIST_PATH.exec(path)?.[1];
  try {
    return segment && decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

type Row = { documentId?: string; status?: unknown };

/** The type's own `status` enumeration, unless draft and publish owns that name. */
function ownsStatus(strapi: Core.Strapi, uid: string): boolean {
  const model = strapi.contentTypes[uid as UID.ContentType] as
    | { options?: { draftAndPublish?: boolean }; attributes: Record<string, { type?: string }> }
    | undefined;
  return Boolean(model && !model.options?.draftAndPublish && model.attributes.status?.type === 'enumeration');
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    await next();
    if (ctx.method !== 'GET' || ctx.status !== 200) return;
    const uid = uidIn(ctx.path);
    if (!uid || !ownsStatus(strapi, uid)) return;
    const rows = (ctx.body as { results?: Row[] } | undefined)?.results;
    if (!Array.isArray(rows) || rows.length === 0) return;
    if (!ctx.state.userAbility?.can(READ, uid, 'status')) {
      for (const row of rows) delete row.status;
      return;
    }
    const ids = rows.flatMap((row) => (row.documentId ? [row.documentId] : []));
    const stored = (await strapi.db
      .query(uid as UID.ContentType)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'status'] })) as Row[];
    const statusOf = new Map(stored.map((row) => [row.documentId, row.status]));
    for (const row of rows) row.status = statusOf.get(row.documentId);
  };
