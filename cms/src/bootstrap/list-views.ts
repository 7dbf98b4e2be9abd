import { contentTypeFieldLabels, fieldLabelsOf, type SubmissionKindId, statisticianForm, submissionKinds } from '@statdesk/config';
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

async function configurationOf(contentTypes: ContentTypes, uid: string): Promise<Configuration> {
  const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration({ uid })) as Configuration & { uid: string };
  return configuration;
}

/** Sets the zh-CN label of each field (config/src/admin/field-labels.ts) on both views; `editable` also locks the others. */
function labelFields(configuration: Configuration, uid: string, editable?: ReadonlySet<string>): void {
  for (const [name, label] of Object.entries(fieldLabelsOf(uid))) {
    const metadata = configuration.metadatas[name];
    if (!metadata) continue;
    metadata.edit = { ...metadata.edit, label, ...(editable && { editable: editable.has(name) }) };
    metadata.list = { ...metadata.list, label };
  }
}

/**
 * Every content type staff can open shows its fields by their zh-CN names: the list's columns
 * and filters read the view's labels (@strapi/content-manager ListView Filters), not the admin's
 * messages; otherwise they showed the attribute's code name.
 */
async function labelEveryView(strapi: Core.Strapi, contentTypes: ContentTypes): Promise<void> {
  for (const uid of Object.keys(contentTypeFieldLabels)) {
    if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
    const configuration = await configurationOf(contentTypes, uid);
    labelFields(configuration, uid);
    await contentTypes.updateConfiguration({ uid }, configuration);
  }
}

/** One type's view: zh-CN labels, read-only fields unless said, the columns a reviewer scans, the order. */
async function configureQueue(contentTypes: ContentTypes, uid: string, view: View): Promise<void> {
  const hidden = new Set([...HIDDEN_IN_EDIT_VIEW, ...(view.alsoHidden ?? [])]);
  const configuration = await configurationOf(contentTypes, uid);
  labelFields(configuration, uid, new Set(view.editable ?? []));
  configuration.settings = {
    ...configuration.settings,
    mainField: view.mainField,
    defaultSortBy: view.sortBy ?? 'submittedAt',
    defaultSortOrder: view.sortOrder ?? 'ASC',
    pageSize: 20,
  };
  // The Content Manager's form shows its own draft/publish state under the name `status`, hiding
  // our review status; the 审核 panel shows it instead (a list shows ours: the server puts it back,
  // src/middlewares/own-status-in-lists.ts). The query-password hash is no one's business in the
  // admin, not even as a locked field.
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
  await labelEveryView(strapi, contentTypes);
  for (const kindId of Object.keys(submissionKinds) as SubmissionKindId[]) {
    const form = submissionKinds[kindId].form;
    await configureQueue(contentTypes, uidOf(kindId), {
      mainField: 'recordNo',
      list: ['recordNo', 'status', 'organisationName', form.applicantField, 'submittedAt', 'reviewedAt'],
    });
  }
  await configureQueue(contentTypes, AGENCY, {
    mainField: 'registrationNo',
    list: ['registrationNo', 'agencyName', 'countyCode', 'submittedAt', 'reviewedAt'],
    // Raw JSON there; the 审核 panel lists each enterprise beside its letter instead.
    alsoHidden: ['delegators'],
  });
  await configureQueue(contentTypes, STATISTICIAN, {
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
    mainField: 'adminEmail',
    list: ['adminEmail', 'regionName'],
    sortBy: 'adminEmail',
    editable: ['adminEmail', 'regionCode'],
  });
  // 统计代理制试点地区: a region from the same list; its name follows from its code.
  await configureQueue(contentTypes, 'api::agency-pilot.agency-pilot', {
    mainField: 'regionName',
    list: ['regionCode', 'regionName'],
    sortBy: 'regionCode',
    editable: ['regionCode'],
  });
}
