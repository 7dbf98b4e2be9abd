import { agencyActionLabels, agencyStatusLabels, normaliseQueryPassword, t } from '@statdesk/config';
import { type AgencyStatusView, recordKinds, recordNoPattern } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { limitedAttempt } from '../../../lib/attempt-limit';
import { labelEvents, readEvents } from '../../../lib/history';
import { invalidFields } from '../../../lib/http-errors';
import { ifPasswordMatches } from '../../../lib/password-hash';
import { issueRecordToken } from '../../../lib/record-token';
import { formatShanghaiTime } from '../../../lib/records';
import { AGENCY, type AgencyEntry, agencyNotFound } from './registration';

const REGISTRATION_NO = recordNoPattern([recordKinds.agency.prefix]);

/**
 * What the agency itself may read of its registration: where it stands, why it was refused, from
 * when its delegations count, and the steps so far (times in Beijing). Not who decided: reviewers'
 * names stay in the admin.
 */
async function statusView(strapi: Core.Strapi, entry: AgencyEntry): Promise<AgencyStatusView> {
  const history = labelEvents(await readEvents(strapi, entry.registrationNo), agencyActionLabels, agencyStatusLabels);
  return {
    registrationNo: entry.registrationNo,
    agencyName: entry.agencyName,
    creditCode: entry.creditCode,
    status: entry.status,
    statusLabel: agencyStatusLabels[entry.status],
    submittedAt: formatShanghaiTime(entry.submittedAt),
    reason: entry.status === 'rejected' ? entry.reviewReason : null,
    effectiveDate: entry.status === 'confirmed' ? entry.effectiveDate : null,
    delegators: entry.delegators.map((d) => ({ code: d.code, name: d.name })),
    history: history.map((e) => ({ actionLabel: e.actionLabel, toLabel: e.toLabel, reason: e.reason, at: formatShanghaiTime(e.at) })),
  };
}

export type { AgencyStatusView };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const find = async (no: string) => (await strapi.db.query(AGENCY).findOne({ where: { registrationNo: no } })) as AgencyEntry | null;

  return {
    /**
     * 代理机构登记查询: the registration number and the query password open the registration's
     * status, with a short-lived token for reading it again. Limited per registration number and
     * per client address, like the other look-ups (lib/attempt-limit).
     */
    async lookUp(input: unknown, address: string): Promise<{ token: string; agency: AgencyStatusView }> {
      const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
      const no = typeof body.registrationNo === 'string' ? body.registrationNo.trim().toUpperCase() : '';
      const password = typeof body.password === 'string' ? normaliseQueryPassword(body.password) : '';
      if (!REGISTRATION_NO.test(no) || !password)
        throw invalidFields({
          ...(!REGISTRATION_NO.test(no) && { registrationNo: t('workflow.agency.registrationNo') }),
          ...(!password && { password: t('workflow.lookUp.passwordRequired') }),
        });
      const entry = await limitedAttempt(strapi, { scope: 'agency_no', value: no }, address, t('workflow.agency.wrongPair'), async () =>
        ifPasswordMatches(await find(no), password),
      );
      return { token: issueRecordToken([entry.registrationNo]), agency: await statusView(strapi, entry) };
    },

    async view(no: string): Promise<AgencyStatusView> {
      const entry = await find(no);
      if (!entry) throw agencyNotFound();
      return statusView(strapi, entry);
    },
  };
};
