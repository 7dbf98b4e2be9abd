import { fieldErrorsOf, type RuleParameters, settingsInputSchema } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { documentData } from '../../../lib/document-data';
import { invalidFields } from '../../../lib/http-errors';
import { serviceOf } from '../../../lib/services';

const SETTING = 'api::direct-report-setting.direct-report-setting';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/direct-report/settings: the parameters every report uses (or the rule's defaults). */
  read(): Promise<RuleParameters> {
    return serviceOf(strapi, 'api::direct-report.report').parameters();
  },

  /** PUT /api/direct-report/settings: replaces every parameter, as the admin's single type does. */
  async replace(input: unknown): Promise<RuleParameters> {
    const parsed = settingsInputSchema.safeParse(input);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error.issues));
    const { threshold, ipCountScope, anomalyDelta, scope } = parsed.data;
    const data = documentData(SETTING, {
      threshold,
      ipCountScope,
      anomalyDelta,
      monthlyCategories: scope.monthly,
      quarterlyCategories: scope.quarterly,
    });
    const current = await strapi.documents(SETTING).findFirst();
    if (current) await strapi.documents(SETTING).update({ documentId: current.documentId, data });
    else await strapi.documents(SETTING).create({ data });
    return this.read();
  },
});
