import accessPeriods from './access-periods';
import attachments from './attachments';
import change from './change';
import desk from './desk';
import notify from './notify';
import password from './password';
import printable from './printable';
import query from './query';
import resubmit from './resubmit';
import review from './review';
import stampedForm from './stamped-form';
import stats from './stats';
import submit from './submit';
import templates from './templates';
import turnaround from './turnaround';

/**
 * The microdata records' services: the public site submits and queries through them, the
 * review desk decides through them (seeds/000: 提交、查询、打印盖章、审核).
 */
export default {
  'access-periods': accessPeriods,
  attachments,
  change,
  desk,
  notify,
  password,
  printable,
  query,
  resubmit,
  review,
  'stamped-form': stampedForm,
  stats,
  submit,
  templates,
  turnaround,
};
