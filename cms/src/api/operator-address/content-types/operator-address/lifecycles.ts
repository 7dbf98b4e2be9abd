import { parseNetwork } from '@statdesk/config';
import { errors } from '@strapi/utils';

/**
 * An address saved in the Content Manager is stored in one text form (config's parseNetwork), so
 * the report's `inet` comparison and its unique key see one value per network.
 */
function checkNetwork({ params: { data } }: { params: { data?: Record<string, unknown> } }) {
  if (data?.network === undefined) return;
  const parsed = parseNetwork(String(data.network ?? ''));
  if (!parsed.ok) throw new errors.ValidationError(parsed.message, { errors: [{ path: ['network'], message: parsed.message }] });
  data.network = parsed.value;
}

export default { beforeCreate: checkNetwork, beforeUpdate: checkNetwork };
