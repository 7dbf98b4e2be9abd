import { statisticianForm, statisticianSchema } from '@statdesk/config';
import { registerStatistician } from '../cms/statisticians';
import type { FlowSpec } from '../form-flow';

/**
 * 统计从业人员注册登记 (seeds/004 §十 to §十三): the number and the query password, shown once.
 * `gateToken`: the link the reporting gate gave the enterprise the person came from; the CMS
 * stores that enterprise as a verified service unit.
 */
export const statisticianFlow = (gateToken?: string): FlowSpec => ({
  id: 'statistician',
  form: statisticianForm,
  schema: statisticianSchema as never,
  async send(values, _data, visitor) {
    const answer = await registerStatistician({ ...values, ...(gateToken && { gateToken }) }, visitor);
    if (!answer.ok) return answer;
    return {
      ok: true,
      confirmation: { kind: 'statistician', applicationNo: answer.data.registrationNo, queryPassword: answer.data.queryPassword },
    };
  },
  confirmationPath: '/statisticians/registered',
});
