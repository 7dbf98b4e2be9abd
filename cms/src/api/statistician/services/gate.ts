import { statisticianMessages } from '@statdesk/config';
import type { Core } from '@strapi/strapi';

export interface GateAnswer {
  allowed: boolean;
  registeredStatisticians: number;
  message: string;
}

/** The answer for a number of active registrations listing the enterprise. */
export const gateAnswer = (n: number): GateAnswer => ({
  allowed: n > 0,
  registeredStatisticians: n,
  message: n > 0 ? statisticianMessages.gateAllowed : statisticianMessages.gateRefused,
});

/** An enterprise code as the platform may send it (spaces, lower case) in the form registrations store. */
export const normaliseEnterpriseCode = (code: string) => code.trim().toUpperCase();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The reporting gate (seeds/004 §十): an enterprise may report when at least one active
   * registration lists it as a service unit. One indexed jsonb containment lookup.
   */
  async count(enterpriseCode: string): Promise<number> {
    const result = await strapi.db.connection.raw(
      `select count(*)::int as n from statisticians where status = 'active' and service_units @> ?::jsonb`,
      [JSON.stringify([{ code: normaliseEnterpriseCode(enterpriseCode) }])],
    );
    return Number(result.rows[0]?.n ?? 0);
  },

  async gate(enterpriseCode: string): Promise<GateAnswer> {
    return gateAnswer(await this.count(enterpriseCode));
  },
});
