import { activeLocale, statisticianFormIn, statisticianSchemaIn } from '@statdesk/config';
import { registerStatistician } from '../cms/statisticians';
import type { FlowSpec } from '../form-flow';

/** Where a registration comes from, beside the form's answers. */
export interface RegistrationLinks {
  /** The link the reporting gate gave the enterprise the person came from (seeds/004 §十). */
  gateToken?: string;
  /** The link a comprehensive statistician made for this colleague (seeds/004 §十一). */
  inviteToken?: string;
  /** The look-up of the comprehensive statistician registering a colleague on their behalf (§十一). */
  registrarToken?: string;
}

/**
 * 统计从业人员注册登记 (seeds/004 §十 to §十三): the number and the query password, shown once.
 * The CMS stores a link's enterprise as a verified service unit and records who registered whom.
 */
export const statisticianFlow = ({ gateToken, inviteToken, registrarToken }: RegistrationLinks = {}): FlowSpec => ({
  id: 'statistician',
  form: statisticianFormIn(activeLocale()),
  schema: statisticianSchemaIn(activeLocale()) as never,
  async send(values, _data, visitor) {
    const onBehalf = values.registeredBy === 'on_behalf' ? registrarToken : undefined;
    const answer = await registerStatistician(
      { ...values, ...(gateToken && { gateToken }), ...(inviteToken && { inviteToken }) },
      visitor,
      onBehalf,
    );
    if (!answer.ok) return answer;
    return {
      ok: true,
      confirmation: { kind: 'statistician', applicationNo: answer.data.registrationNo, queryPassword: answer.data.queryPassword },
    };
  },
  confirmationPath: '/statisticians/registered',
});
