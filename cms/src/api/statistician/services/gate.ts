import { t } from '@statdesk/config';
import type { GateAnswer, GateLink } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { gateLinks } from '../../../lib/gate-link';
import { serviceOf } from '../../../lib/services';
import type { GateIndex } from './gate-index';

export type { GateAnswer };

/**
 * The answer for a number of active registrations listing the enterprise as a verified unit; when
 * there is none, with the enterprise's registration link (lib/gate-link).
 */
export const gateAnswer = (n: number, registrationLink?: GateLink): GateAnswer => ({
  allowed: n > 0,
  registeredStatisticians: n,
  message: n > 0 ? t('statistician.gateAllowed') : t('statistician.gateRefused'),
  ...(n === 0 && registrationLink && { registrationLink }),
});

/** An enterprise code as the platform may send it (spaces, lower case) in the form registrations store. */
export const normaliseEnterpriseCode = (code: string) => code.trim().toUpperCase();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let index: GateIndex | undefined;
  const linkFor = gateLinks();
  /** The count from memory alone, or undefined while the index cannot be trusted. */
  const remembered = (enterpriseCode: string): number | undefined => index?.count(normaliseEnterpriseCode(enterpriseCode));
  return {
    /** Answers from memory while the index is live (see gate-index.ts); set at bootstrap. */
    attachIndex(live: GateIndex | undefined) {
      index = live;
    },

    /** After a change this instance committed: its own answers are right at once. */
    async changed(codes: string[]): Promise<void> {
      await index?.refresh(codes);
    },

    /**
     * The reporting gate (seeds/004 §十): an enterprise may report when at least one active
     * registration lists it as a verified service unit (vouched for by the platform's link or
     * confirmed by the bureau; a code typed by hand opens nothing). From the index, or one indexed
     * jsonb containment lookup.
     */
    async count(enterpriseCode: string): Promise<number> {
      const known = remembered(enterpriseCode);
      if (known !== undefined) return known;
      const result = await strapi.db.connection.raw(
        `select count(*)::int as n from statisticians where status = 'active' and service_units @> ?::jsonb`,
        [JSON.stringify([{ code: normaliseEnterpriseCode(enterpriseCode), verified: true }])],
      );
      return Number(result.rows[0]?.n ?? 0);
    },

    remembered,

    /** The enterprise's registration link, minted once per window (lib/gate-link). */
    linkFor: (enterpriseCode: string) => linkFor(normaliseEnterpriseCode(enterpriseCode)),

    async gate(enterpriseCode: string): Promise<GateAnswer> {
      const n = await this.count(enterpriseCode);
      return gateAnswer(n, n === 0 ? this.linkFor(enterpriseCode) : undefined);
    },
  };
};
export type GateService = StatDeskServices['api::statistician.gate'];

/** Call after committing a change to registrations: this instance's gate answers follow at once. */
export const gateChanged = (strapi: Core.Strapi, units: ReadonlyArray<{ code: string }>) =>
  serviceOf(strapi, 'api::statistician.gate').changed([...new Set(units.map((u) => u.code))]);
