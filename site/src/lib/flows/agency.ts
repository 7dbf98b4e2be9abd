import { type AgencyValues, agencyDocuments, agencyForm, agencySchema, letterLabel, letterUpload, t } from '@statdesk/config';
import { registerAgency, resubmitAgency } from '../cms/agencies';
import { chosenFile, type FlowSpec } from '../form-flow';

const documentsOf = (values: Record<string, unknown>) => [
  ...agencyDocuments.map((d) => ({ name: d.name, label: d.label })),
  ...((values.delegators as AgencyValues['delegators'] | undefined) ?? []).map((d, i) => ({
    name: letterUpload(i),
    label: letterLabel(d.name || t('site.agency.nthEnterprise', { n: i + 1 })),
  })),
];

/** The documents the person chose on the check step, by upload name. */
const chosenFiles = (values: Record<string, unknown>, data: FormData) =>
  documentsOf(values).flatMap(({ name }) => {
    const file = data.get(name);
    return chosenFile(file) ? [{ name, file }] : [];
  });

/** 统计代理机构登记 (seeds/004 §七): the documents are asked for once the list of enterprises is final. */
export const agencyFlow: FlowSpec = {
  id: 'agency',
  form: agencyForm,
  schema: agencySchema as never,
  uploads: documentsOf,
  async send(values, data) {
    const answer = await registerAgency(values, chosenFiles(values, data));
    if (!answer.ok) return answer;
    return {
      ok: true,
      confirmation: { kind: 'agency', applicationNo: answer.data.registrationNo, queryPassword: answer.data.queryPassword },
    };
  },
  confirmationPath: '/agencies/registered',
};

/**
 * A refused registration supplemented and sent back, under its number, to the level that refused
 * it (seeds/004 §七); documents left empty keep the ones already submitted. Back on the look-up,
 * the agency reads its new status.
 */
export const agencyResubmitFlow = (token: string): FlowSpec => ({
  ...agencyFlow,
  async send(values, data) {
    const answer = await resubmitAgency(token, values, chosenFiles(values, data));
    if (!answer.ok) return answer;
    return { ok: true, confirmation: { kind: 'agency-resubmitted', applicationNo: answer.data.agency.registrationNo } };
  },
  confirmationPath: '/agencies/lookup',
});
