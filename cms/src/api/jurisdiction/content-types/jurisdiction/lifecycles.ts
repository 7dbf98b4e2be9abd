import { checkJurisdictionRegion, regionName } from '@statdesk/config';
import { errors } from '@strapi/utils';

/**
 * 辖区分配 takes only a region of config's GB/T 2260 list of Sichuan (the province, a 市州 or a
 * 县区): a mistyped code would leave the account seeing no agency at all. The region's name is
 * written from the same list, so that the list view reads 成都市 武侯区, not what someone typed.
 */
function checkJurisdiction(event: { params: { data?: Record<string, unknown> } }) {
  const data = event.params.data;
  if (!data || data.regionCode === undefined) return;
  const code = String(data.regionCode ?? '');
  const wrong = checkJurisdictionRegion(code);
  if (wrong) throw new errors.ValidationError(wrong, { errors: [{ path: ['regionCode'], message: wrong }] });
  data.regionName = regionName(code);
}

export default { beforeCreate: checkJurisdiction, beforeUpdate: checkJurisdiction };
