import { type SubmissionKindId, submissionKinds, systemFieldLabels } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { uidOf } from '../lib/records';

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
}

const HIDDEN_IN_EDIT_VIEW = new Set(['status', 'passwordHash']);

/**
 * The Content Manager as a queue (issue 5): zh-CN labels from the forms in config/, the oldest
 * record first, the columns a reviewer scans. Answers and workflow fields are read-only there:
 * they change only through the review actions, which keep the history.
 */
export async function configureSubmissionViews(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types') as {
    findConfiguration(ct: { uid: string }): Promise<Configuration>;
    updateConfiguration(ct: { uid: string }, configuration: Omit<Configuration, 'uid'>): Promise<unknown>;
  };
  for (const kindId of Object.keys(submissionKinds) as SubmissionKindId[]) {
    const uid = uidOf(kindId);
    const form = submissionKinds[kindId].form;
    const labels: Record<string, string> = { ...systemFieldLabels, ...Object.fromEntries(form.fields.map((f) => [f.name, f.label])) };
    const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration({ uid })) as Configuration & { uid: string };
    for (const [name, label] of Object.entries(labels)) {
      const metadata = configuration.metadatas[name];
      if (!metadata) continue;
      metadata.edit = { ...metadata.edit, label, editable: false };
      metadata.list = { ...metadata.list, label };
    }
    configuration.settings = {
      ...configuration.settings,
      mainField: 'recordNo',
      defaultSortBy: 'submittedAt',
      defaultSortOrder: 'ASC',
      pageSize: 20,
    };
    // The Content Manager shows its own draft/publish state under the name `status`, hiding our
    // review status; the 审核 panel and the 审核工作台 show it instead. The query-password hash is
    // no one's business in the admin, not even as a locked field.
    configuration.layouts.list = ['recordNo', 'organisationName', form.applicantField, 'submittedAt', 'reviewedAt'];
    configuration.layouts.edit = configuration.layouts.edit
      .map((row) => row.filter((field) => !HIDDEN_IN_EDIT_VIEW.has(field.name)))
      .filter((row) => row.length > 0);
    await contentTypes.updateConfiguration({ uid }, configuration);
  }
}
