import { randomBytes } from 'node:crypto';
import {
  makeQueryPassword,
  normaliseQueryPassword,
  parseForm,
  parseIdCard,
  type StatisticianValues,
  statisticianMessages,
  statisticianSchema,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { hashSecret } from '../../../lib/password-hash';
import { allocateRecordNo } from '../../../lib/record-numbers';
import { shanghaiYear } from '../../../lib/records';

const alreadyRegistered = () =>
  new PublicError(409, 'ConflictError', statisticianMessages.alreadyRegistered, { idNumber: statisticianMessages.alreadyRegistered });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Registers a statistician once per ID number (seeds/004 §十二): gender and birth date come from
   * the number (GB 11643), the registration is locked once submitted, and a known ID answers 409.
   */
  async register(input: unknown): Promise<{ registrationNo: string; queryPassword: string; status: string }> {
    const parsed = parseForm(statisticianSchema, input);
    if (!parsed.ok) throw invalidFields(parsed.fields);
    const values: StatisticianValues = parsed.values;
    const facts = parseIdCard(values.idNumber);
    if (!facts.ok) throw invalidFields({ idNumber: facts.message });
    const isRegistered = async () =>
      Number(await strapi.db.query('api::statistician.statistician').count({ where: { idNumber: facts.value.number } })) > 0;
    if (await isRegistered()) throw alreadyRegistered();
    const queryPassword = makeQueryPassword((n) => randomBytes(n));
    const passwordHash = await hashSecret(normaliseQueryPassword(queryPassword));
    const now = new Date();
    try {
      const registrationNo = await strapi.db.transaction(async ({ trx }) => {
        const no = await allocateRecordNo(trx, 'TJ', shanghaiYear(now));
        await strapi.documents('api::statistician.statistician').create({
          data: {
            ...values,
            registrationNo: no,
            status: 'active',
            locked: true,
            idNumber: facts.value.number,
            gender: facts.value.gender,
            birthDate: facts.value.birthDate,
            passwordHash,
            submittedAt: now.toISOString(),
          } as never,
        });
        return no;
      });
      return { registrationNo, queryPassword, status: 'active' };
    } catch (error) {
      // A second registration that raced past the check above meets Strapi's unique check or the
      // database's unique index; either way the ID is now registered.
      if (await isRegistered()) throw alreadyRegistered();
      throw error;
    }
  },

  /**
   * The reporting gate (seeds/004 §十): an enterprise may report when at least one active
   * registration lists it as a service unit. One indexed jsonb containment lookup.
   */
  async gate(enterpriseCode: string): Promise<{ allowed: boolean; registeredStatisticians: number; message: string }> {
    const code = enterpriseCode.trim().toUpperCase();
    const result = await strapi.db.connection.raw(
      `select count(*)::int as n from statisticians where status = 'active' and service_units @> ?::jsonb`,
      [JSON.stringify([{ code }])],
    );
    const n = Number(result.rows[0]?.n ?? 0);
    return {
      allowed: n > 0,
      registeredStatisticians: n,
      message: n > 0 ? statisticianMessages.gateAllowed : statisticianMessages.gateRefused,
    };
  },
});
