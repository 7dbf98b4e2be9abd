import { type Field, t } from '@statdesk/config';
import { changePrefill } from '../cms/submissions';
import { type FlowSpec, submissionFlow } from '../form-flow';
import { queryPasswordField } from '../look-up';

const startFields = (): Field[] => [
  {
    name: 'applicationNo',
    type: 'text',
    label: t('site.changeStart.applicationNo'),
    hint: t('site.changeStart.applicationNoHint'),
    maxLength: 20,
  },
  { name: 'phone', type: 'phone', label: t('site.changeStart.phone'), hint: t('site.changeStart.phoneHint') },
  { ...queryPasswordField(t('site.changeStart.shownWhen')), label: t('site.changeStart.password') },
];

/**
 * 数据使用变更申请 (seeds/000 §3.3) starting from the approved original: its number, phone and
 * query password open its answers, and the applicant changes only what changes. The password is
 * asked because the answers hold the applicant's personal data (ID number, email): a number and
 * a phone are no proof of being the applicant.
 */
export const changeApplicationFlow = (): FlowSpec => ({
  ...submissionFlow('change-application'),
  start: {
    fields: startFields(),
    async load(answers, visitor) {
      const answer = await changePrefill(
        { applicationNo: answers.applicationNo ?? '', phone: answers.phone ?? '', password: answers.password ?? '' },
        visitor,
      );
      return answer.ok ? { ok: true, values: answer.data.values } : answer;
    },
  },
});
