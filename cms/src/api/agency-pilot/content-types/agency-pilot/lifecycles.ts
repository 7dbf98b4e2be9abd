import { checkJurisdictionRegion, regionName, t } from '@statdesk/config';
import { errors } from '@strapi/utils';

type Event = { params: { data?: Record<string, unknown> } };

/**
 * A pilot (试点地区) is the province, a 市州 or a 县区 of config's GB/T 2260 list of Sichuan: a
 * mistyped code would refuse every agency of the region meant. Its name follows from the list.
 */
function checkPilot(event: Event) {
  const data = event.params.data;
  if (data?.regionCode === undefined) return;
  const code = String(data.regionCode ?? '');
  if (checkJurisdictionRegion(code)) {
    const message = t('workflow.agency.pilot.region', { code });
    throw new errors.ValidationError(message, { errors: [{ path: ['regionCode'], message, name: 'ValidationError' }] });
  }
  data.regionName = regionName(code);
}

export default { beforeCreate: checkPilot, beforeUpdate: checkPilot };
