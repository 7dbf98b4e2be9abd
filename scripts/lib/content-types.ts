import type { StrapiAttribute } from '../../config/src/fields/kind.ts';
import { kindOf } from '../../config/src/fields/kinds/index.ts';
import { type SubmissionKind, submissionKinds } from '../../config/src/submissions.ts';
import { statuses } from '../../config/src/workflow/submission.ts';

/** Fields every submission carries besides its answers. */
const systemAttributes = (kind: SubmissionKind): Record<string, StrapiAttribute> => ({
  recordNo: { type: 'string', unique: true, required: true, maxLength: 20, configurable: false },
  status: {
    type: 'enumeration',
    enum: [...statuses],
    required: true,
    default: kind.hasStampedForm ? 'awaiting_upload' : 'awaiting_review',
  },
  organisationName: { type: 'string', maxLength: 200 },
  ...(kind.issuesPassword && { passwordHash: { type: 'string', private: true, configurable: false, maxLength: 255 } }),
  submittedAt: { type: 'datetime', required: true },
  reviewedAt: { type: 'datetime' },
  reviewReason: { type: 'text', maxLength: 2000 },
  ...(kind.collection === 'data-application' && {
    accessStart: { type: 'date' },
    accessEnd: { type: 'date' },
    // The 30-day reminder is sent once per period: stamped when sent, cleared when a change moves the end.
    expiryRemindedAt: { type: 'datetime', configurable: false },
  }),
});

/**
 * The language the applicant filled the form in (zh-CN or en): their mail and printed form follow it.
 * Not `locale`: Strapi 5 keeps that name for its own i18n.
 */
const LANGUAGE: StrapiAttribute = { type: 'string', maxLength: 5, default: 'zh-CN', configurable: false };

const plural = (singular: string) => (singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`);

/** The schema.json of one submission content type, derived from its form in config/. */
export function submissionContentType(kind: SubmissionKind): Record<string, unknown> {
  const answers = Object.fromEntries(kind.form.fields.map((field) => [field.name, kindOf(field).attribute(field)]));
  return {
    kind: 'collectionType',
    collectionName: plural(kind.collection).replaceAll('-', '_'),
    info: {
      singularName: kind.collection,
      pluralName: plural(kind.collection),
      displayName: kind.noun,
      description: `${kind.form.title}（由 config/src/forms/${kind.form.id}.ts 生成，请勿手改）`,
    },
    // Submissions are records, not publications (DESIGN.md).
    options: { draftAndPublish: false },
    pluginOptions: { 'content-type-builder': { visible: false } },
    // The language last: the edit view lays fields out in this order, and the reviewer reads the answers first.
    attributes: { ...systemAttributes(kind), ...answers, language: LANGUAGE },
    // `private` keeps the hash out of API answers only; Strapi's admin shows private fields to
    // every role that may read them (the super admin reads all). `hidden` is how Strapi keeps its
    // own admin users' tokens out of the Content Manager (@strapi/admin content-types/User).
    ...(kind.issuesPassword && { config: { attributes: { passwordHash: { hidden: true } } } }),
  };
}

export const submissionContentTypes = () =>
  Object.values(submissionKinds).map((kind) => ({
    path: `cms/src/api/${kind.collection}/content-types/${kind.collection}/schema.json`,
    json: `${JSON.stringify(submissionContentType(kind), null, 2)}\n`,
  }));
