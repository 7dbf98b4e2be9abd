import { contentTypeFieldLabels, enumerationValueLabels, fieldLabelsOf } from '@statdesk/config';

/**
 * The Content Manager asks react-intl for every content type's name, each field's label
 * (`content-manager.content-types.<uid>.<field>`: list columns and edit-view labels) and each
 * enumeration value, with the text itself as the default. Strapi's zh-Hans knows none of ours, so
 * each one logged a MISSING_TRANSLATION error and showed as stored (`county_review`). The words
 * come from where the server takes them: the content types' displayName, and config/
 * (bootstrap/list-views.ts sets the same labels on the views, which the filters read).
 */
type Schema = { info: { displayName: string }; attributes: Record<string, unknown> };

// Wherever the content types live (src/api, or the local plugins' server parts).
const schemas = import.meta.glob<Schema>(['../../api/*/content-types/*/schema.json', '../../plugins/**/content-types/*/schema.json'], {
  eager: true,
  import: 'default',
});

export function recordLabels(): Record<string, string> {
  const names = Object.values(schemas).map((schema) => [schema.info.displayName, schema.info.displayName]);
  const fields = Object.keys(contentTypeFieldLabels).flatMap((uid) =>
    Object.entries(fieldLabelsOf(uid)).map(([field, label]) => [`content-manager.content-types.${uid}.${field}`, label]),
  );
  return { ...Object.fromEntries(names), ...Object.fromEntries(fields), ...enumerationValueLabels };
}
