import { isSystemNoticeKey, t } from '@statdesk/config';
import { errors } from '@strapi/utils';

type Where = Record<string, unknown> | undefined;
const NOTICE = 'api::notice.notice';

const keysOf = async (where: Where): Promise<unknown[]> =>
  ((await strapi.db.query(NOTICE).findMany({ where: where ?? {}, select: ['key'] })) as Array<{ key: unknown }>).map((n) => n.key);

/**
 * The four texts the forms are built on (须知, 填表说明, 承诺, 最终成果审核: config/src/seed/site-settings.ts)
 * stay: the Content Manager's delete, bulk delete and a change of their key are refused with a
 * zh-CN message, as are the same through any other path that writes through the database layer.
 */
async function refuseDeletingSystemNotices(event: { params: { where?: Where } }) {
  if ((await keysOf(event.params.where)).some(isSystemNoticeKey)) throw new errors.ApplicationError(t('notice.systemCannotDelete'));
}

async function refuseRenamingSystemNotices(event: { params: { where?: Where; data?: Record<string, unknown> } }) {
  const key = event.params.data?.key;
  if (key === undefined) return;
  const renamed = (await keysOf(event.params.where)).filter((old) => old !== key);
  if (renamed.some(isSystemNoticeKey)) throw new errors.ApplicationError(t('notice.systemKeyFixed'));
}

export default {
  beforeDelete: refuseDeletingSystemNotices,
  beforeDeleteMany: refuseDeletingSystemNotices,
  beforeUpdate: refuseRenamingSystemNotices,
};
