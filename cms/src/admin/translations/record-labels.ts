import {
  agencyFieldLabels,
  agencyForm,
  agencyStatusLabels,
  categoryLabels,
  enterpriseFieldLabels,
  type Field,
  type FormDefinition,
  forms,
  jurisdictionFieldLabels,
  registrationStateLabels,
  type SubmissionKindId,
  statisticianFieldLabels,
  statisticianForm,
  statusLabels,
  submissionKinds,
  systemFieldLabels,
} from '@statdesk/config';

/**
 * The Content Manager asks react-intl for every content type's name, each list column's label
 * (`content-manager.content-types.<uid>.<field>`) and each enumeration value, with the text itself
 * as the default. Strapi's zh-Hans knows none of ours, so each one logged a MISSING_TRANSLATION
 * error and the values showed as stored (`county_review`). The words come from where the server
 * takes them: the content types' displayName, and config/ (bootstrap/list-views.ts sets the same
 * labels on the views).
 */
type Schema = { info: { displayName: string }; attributes: Record<string, unknown> };

// Wherever the content types live (src/api, or the local plugins' server parts).
const schemas = import.meta.glob<Schema>(['../../api/*/content-types/*/schema.json', '../../plugins/**/content-types/*/schema.json'], {
  eager: true,
  import: 'default',
});

const uidOf = (collection: string) => `api::${collection}.${collection}`;
const labelsOf = (form: FormDefinition) => Object.fromEntries(form.fields.map((f) => [f.name, f.label]));

/** Column labels by content type, as bootstrap/list-views.ts sets them. */
function columnLabels(): Record<string, Record<string, string>> {
  const submissions = (Object.keys(submissionKinds) as SubmissionKindId[]).map((id) => [
    uidOf(submissionKinds[id].collection),
    { ...systemFieldLabels, ...labelsOf(submissionKinds[id].form) },
  ]);
  return {
    ...Object.fromEntries(submissions),
    [uidOf('agency')]: { ...labelsOf(agencyForm), ...agencyFieldLabels },
    [uidOf('statistician')]: statisticianFieldLabels,
    [uidOf('enterprise')]: enterpriseFieldLabels,
    [uidOf('jurisdiction')]: jurisdictionFieldLabels,
  };
}

const optionsOf = (field: Field): Array<{ value: string; label: string }> => [
  ...('options' in field && Array.isArray(field.options) ? field.options : []),
  ...('columns' in field && Array.isArray(field.columns) ? field.columns.flatMap(optionsOf) : []),
];

/** Stored enumeration values and their words: the workflows' statuses and the forms' choices. */
function enumerationLabels(): Record<string, string> {
  const allForms: FormDefinition[] = [...Object.values(forms), agencyForm, statisticianForm];
  const choices = allForms.flatMap((form) => form.fields.flatMap(optionsOf));
  return {
    ...Object.fromEntries(choices.map(({ value, label }) => [value, label])),
    ...statusLabels,
    ...agencyStatusLabels,
    ...categoryLabels,
    // A statistician's own status and the gender read from the ID number (schema.json).
    active: '有效',
    removed: registrationStateLabels.removed,
    male: '男',
    female: '女',
  };
}

export function recordLabels(): Record<string, string> {
  const names = Object.values(schemas).map((schema) => [schema.info.displayName, schema.info.displayName]);
  const columns = Object.entries(columnLabels()).flatMap(([uid, labels]) =>
    Object.entries(labels).map(([field, label]) => [`content-manager.content-types.${uid}.${field}`, label]),
  );
  return { ...Object.fromEntries(names), ...Object.fromEntries(columns), ...enumerationLabels() };
}
