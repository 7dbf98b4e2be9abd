import { errors } from '@strapi/utils';
import { checkTemplate } from '../../../../lib/templates';

/**
 * A print template is checked wherever it is saved (the template page or the Content Manager):
 * it must compile and must not print anything unescaped.
 */
function check(event: { params: { data?: { source?: unknown } } }) {
  const source = event.params.data?.source;
  if (source === undefined) return;
  const result = checkTemplate(String(source));
  if (!result.ok) throw new errors.ValidationError(result.message, { errors: [{ path: ['source'], message: result.message }] });
}

export default { beforeCreate: check, beforeUpdate: check };
