import { t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { invalidFields } from '../../../../../lib/http-errors';

/**
 * One institution per 统一社会信用代码 (GB 32100 gives each organisation one code): a code is taken
 * by any registration that was not refused (不通过), so a refused institution may register again.
 * The partial unique index `institutions_active_credit_code_unique` holds the same rule.
 */
async function isCreditCodeTaken(strapi: Core.Strapi, code: string, exceptNo?: string): Promise<boolean> {
  const taken = await strapi.db.query('api::institution.institution').findOne({
    where: { creditCode: code, status: { $ne: 'rejected' }, ...(exceptNo && { recordNo: { $ne: exceptNo } }) },
    select: ['id'],
  });
  return Boolean(taken);
}

/** Refuses a code another live registration holds, on the field, pointing to 已申请机构 and /query. */
export async function refuseTakenCreditCode(strapi: Core.Strapi, code: string, exceptNo?: string): Promise<void> {
  if (await isCreditCodeTaken(strapi, code, exceptNo)) throw invalidFields({ creditCode: t('workflow.submission.creditCodeTaken') });
}

/**
 * Orders registrations of one code inside their transactions, so the second waits for the first
 * and then sees it (the index would refuse it anyway, but as an error without a field).
 */
export async function lockCreditCode(trx: Knex.Transaction, code: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`institution-credit-code:${code}`]);
}
