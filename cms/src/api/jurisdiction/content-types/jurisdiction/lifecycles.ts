import { checkJurisdictionRegion, regionName, t } from '@statdesk/config';
import { errors } from '@strapi/utils';

type Event = { params: { data?: Record<string, unknown> } };

const refuse = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/**
 * 辖区分配 takes only a region of config's GB/T 2260 list of Sichuan (the province, a 市州 or a
 * 县区): a mistyped code would leave the account seeing no agency at all. The region's name is
 * written from the same list, so that the list view reads 成都市 武侯区, not what someone typed.
 */
function checkRegion(data: Record<string, unknown>) {
  if (data.regionCode === undefined) return;
  const code = String(data.regionCode ?? '');
  const wrong = checkJurisdictionRegion(code);
  if (wrong) throw refuse('regionCode', wrong);
  data.regionName = regionName(code);
}

/** The account must be one of the admin's users: a mistyped email would assign a region to no one. */
async function checkAccount(data: Record<string, unknown>) {
  if (data.adminEmail === undefined) return;
  const email = String(data.adminEmail ?? '').trim();
  const user = email ? await strapi.db.query('admin::user').findOne({ where: { email: { $eqi: email } } }) : null;
  if (!user) throw refuse('adminEmail', t('admin.jurisdiction.unknownUser', { email }));
  data.adminEmail = (user as { email: string }).email;
}

async function checkJurisdiction(event: Event) {
  const data = event.params.data;
  if (!data) return;
  await checkAccount(data);
  checkRegion(data);
}

export default { beforeCreate: checkJurisdiction, beforeUpdate: checkJurisdiction };
