import { type PeriodInput, periodInputSchema, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { parsedBatch, refuseRepeatedKeys } from '../../../lib/batch';
import { documentData } from '../../../lib/document-data';
import { closedPeriods } from './closing';

const PERIOD = 'api::reporting-period.reporting-period';
/** More periods than a platform's calendar holds in decades: a larger body is a mistake. */
const MAX_PERIODS = 1_000;

interface PeriodRow {
  documentId: string;
  code: string;
  type: PeriodInput['type'];
  opensAt: string | Date;
  closesAt: string | Date;
}

const iso = (value: string | Date) => new Date(value).toISOString();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/direct-report/periods: the calendar, oldest first. */
  async list() {
    const rows = (await strapi.db.query(PERIOD).findMany({ orderBy: { opensAt: 'asc' } })) as PeriodRow[];
    const closings = await closedPeriods(strapi.db.connection);
    return rows.map((row) => {
      const closing = closings.get(row.code);
      return {
        code: row.code,
        type: row.type,
        opensAt: iso(row.opensAt),
        closesAt: iso(row.closesAt),
        closing: closing ? { closedAt: closing.closedAt, closedBy: closing.closedBy } : null,
      };
    });
  },

  /**
   * PUT /api/direct-report/periods: inserts or updates by code, all or nothing. A changed window
   * needs nothing more: the report rebuilds a summary built for another window (summaries.ts).
   */
  async upsert(input: unknown): Promise<{ received: number; created: number; updated: number }> {
    const periods = parsedBatch(input, periodInputSchema, MAX_PERIODS);
    refuseRepeatedKeys(
      periods,
      (p) => p.code,
      'code',
      (p) => t('directReport.period.duplicate', { code: p.code }),
    );
    return strapi.db.transaction(async () => {
      let created = 0;
      for (const period of periods) {
        const existing = (await strapi.db.query(PERIOD).findOne({ where: { code: period.code } })) as PeriodRow | null;
        const data = documentData(PERIOD, period);
        if (existing) await strapi.documents(PERIOD).update({ documentId: existing.documentId, data });
        else {
          await strapi.documents(PERIOD).create({ data });
          created += 1;
        }
      }
      return { received: periods.length, created, updated: periods.length - created };
    });
  },
});
