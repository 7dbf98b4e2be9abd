import { type AgencyValues, agencyDocuments, agencyForm, agencySchema, letterLabel, letterUpload, t } from '@statdesk/config';
import { registerAgency } from '../cms/agencies';
import { chosenFile, type FlowSpec } from '../form-flow';

const documentsOf = (values: Record<string, unknown>) => [
  ...agencyDocuments.map((d) => ({ name: d.name, label: d.label })),
  ...((values.delegators as AgencyValues['delegators'] | undefined) ?? []).map((d, i) => ({
    name: letterUpload(i),
    label: letterLabel(d.name || t('site.agency.nthEnterprise', { n: i + 1 })),
  })),
];

/** 统计代理机构登记 (seeds/004 §七): the documents are asked for once the list of enterprises is final. */
export const agencyFlow: FlowSpec = {
  id: 'agency',
  form: agencyForm,
  schema: agencySchema as never,
  uploads: documentsOf,
  async send(values, data) {
    const files = documentsOf(values).flatMap(({ name }) => {
      const file = data.get(name);
      return chosenFile(file) ? [{ name, file }] : [];
    });
    const answer = await registerAgency(values, files);
    if (!answer.ok) return answer;
    return {
      ok: true,
      confirmation: { kind: 'agency', applicationNo: answer.data.registrationNo, queryPassword: answer.data.queryPassword },
    };
  },
  confirmationPath: '/agencies/registered',
};
