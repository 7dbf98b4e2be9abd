import {
  agencyFieldLabels,
  agencyForm,
  jurisdictionFieldLabels,
  type SubmissionKindId,
  statisticianFieldLabels,
  statisticianForm,
  submissionKinds,
  systemFieldLabels,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { AGENCY } from '../api/agency/services/registration';
import { STATISTICIAN } from '../api/statistician/services/registration';
import { uidOf } from '../lib/records';

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
}

const HIDDEN_IN_EDIT_VIEW = new Set(['status', 'passwordHash']);

interface ContentTypes {
  findConfiguration(ct: { uid: string }): Promise<Configuration>;
  updateConfiguration(ct: { uid: string }, configuration: Omit<Configuration, 'uid'>): Promise<unknown>;
}

interface View {
  labels: Record<string, string>;
  mainField: string;
  list: string[];
  alsoHidden?: string[];
  /** Fields the bureau may change here; every other one is read-only. */
  editable?: readonly string[];
  /** Queues show the oldest first; a register, the newest. */
  sortOrder?: 'ASC' | 'DESC';
  /** The field the list sorts by, when the type has no submittedAt. */
  sortBy?: string;
}

/** One type's view: zh-CN labels, read-only fields unless said, the columns a reviewer scans, the order. */
async function configureQueue(contentTypes: ContentTypes, uid: string, view: View): Promise<void> {
  const hidden = new Set([...HIDDEN_IN_EDIT_VIEW, ...(view.alsoHidden ?? [])]);
  const editable = new Set(view.editable ?? []);
  const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration({ uid })) as Configuration & { uid: string };
  for (const [name, label] of Object.entries(view.labels)) {
    const metadata = configuration.metadatas[name];
    if (!metadata) continue;
    metadata.edit = { ...metadata.edit, label, editable: editable.has(name) };
    metadata.list = { ...metadata.list, label };
  }
  configuration.settings = {
    ...configuration.settings,
    mainField: view.mainField,
    defaultSortBy: view.sortBy ?? 'submittedAt',
    defaultSortOrder: view.sortOrder ?? 'ASC',
    pageSize: 20,
  };
  // The Content Manager shows its own draft/publish state under the name `status`, hiding our
  // review status; the 审核 panel and the 审核工作台 show it instead. The query-password hash is
  // no one's business in the admin, not even as a locked field.
  configuration.layouts.list = view.list;
  configuration.layouts.edit = configuration.layouts.edit
    .map((row) => row.filter((field) => !hidden.has(field.name)))
    .filter((row) => row.length > 0);
  await contentTypes.updateConfiguration({ uid }, configuration);
}

/**
 * The Content Manager as a queue: zh-CN labels from the forms in config/, the oldest
 * record first, the columns a reviewer scans. Answers and workflow fields are read-only there:
 * they change only through the review actions, which keep the history. Agencies likewise:
 * they change only through the decisions of the 县区, 市州 and province. Statisticians' answers
 * stay editable for the edit on the person's behalf; their `status` (a name Strapi 5 reserves for
 * draft/publish, which shadows ours in the form) is hidden and changes only through 注销.
 */
export async function configureReviewViews(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types') as ContentTypes;
  for (const kindId of Object.keys(submissionKinds) as SubmissionKindId[]) {
    const form = submissionKinds[kindId].form;
    await configureQueue(contentTypes, uidOf(kindId), {
      labels: { ...systemFieldLabels, ...Object.fromEntries(form.fields.map((f) => [f.name, f.label])) },
      mainField: 'recordNo',
      list: ['recordNo', 'organisationName', form.applicantField, 'submittedAt', 'reviewedAt'],
    });
  }
  await configureQueue(contentTypes, AGENCY, {
    labels: { ...Object.fromEntries(agencyForm.fields.map((f) => [f.name, f.label])), ...agencyFieldLabels },
    mainField: 'registrationNo',
    list: ['registrationNo', 'agencyName', 'countyCode', 'submittedAt', 'reviewedAt'],
    // Raw JSON there; the 审核 panel lists each enterprise beside its letter instead.
    alsoHidden: ['delegators'],
  });
  await configureQueue(contentTypes, STATISTICIAN, {
    labels: statisticianFieldLabels,
    mainField: 'name',
    // 注销 shows as its own column and filter (active → 有效, removed → 已注销).
    list: ['registrationNo', 'name', 'employer', 'submittedAt', 'locked', 'status'],
    sortOrder: 'DESC',
    // The edit on the person's behalf (seeds/004 §十二): the answers, checked as a registration
    // is (the lifecycles); gender and birth date follow from the ID number.
    editable: statisticianForm.fields.map((f) => f.name),
  });
  // 辖区分配: an account chosen from the admin's users, a region from the GB/T 2260 list (the
  // bureau desk's inputs); the region's name follows from its code.
  await configureQueue(contentTypes, 'api::jurisdiction.jurisdiction', {
    labels: jurisdictionFieldLabels,
    mainField: 'adminEmail',
    list: ['adminEmail', 'regionName'],
    sortBy: 'adminEmail',
    editable: ['adminEmail', 'regionCode'],
  });
}
