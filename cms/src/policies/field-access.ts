import { fieldAccessPolicy } from '../lib/field-access';

/** global::field-access: see lib/field-access.ts; every desk route carries it. */
export default fieldAccessPolicy;
