import { checkRegion, parseCreditCode } from '@statdesk/config';
import { errors } from '@strapi/utils';

/**
 * An enterprise saved in the Content Manager is checked as PUT /api/direct-report/enterprises
 * checks it (that route writes in SQL, past these hooks): a GB 32100 credit code, and a 市州 and
 * 县区 of config's GB/T 2260 list, the 县区 of that 市州.
 */
function checkEnterprise(event: { params: { data?: Record<string, unknown> } }) {
  const data = event.params.data;
  if (!data) return;
  const wrong: Array<{ path: string[]; message: string }> = [];
  if (data.code !== undefined) {
    const code = parseCreditCode(String(data.code ?? ''));
    if (code.ok) data.code = code.value;
    else wrong.push({ path: ['code'], message: code.message });
  }
  if (typeof data.cityCode === 'string' && typeof data.countyCode === 'string') {
    const region = checkRegion(data.cityCode, data.countyCode);
    if (region) wrong.push({ path: [region.field], message: region.message });
  }
  const first = wrong[0];
  if (first) throw new errors.ValidationError(first.message, { errors: wrong });
}

export default { beforeCreate: checkEnterprise, beforeUpdate: checkEnterprise };
