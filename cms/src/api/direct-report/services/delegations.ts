import { delegationInputSchema, parseCreditCode, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { parsedBatch, refuseRepeatedKeys } from '../../../lib/batch';
import { documentData } from '../../../lib/document-data';
import { invalidFields } from '../../../lib/http-errors';

const DELEGATION = 'api::delegation.delegation';
/**
 * The province's list in bodies of up to this many: an agency may serve hundreds of enterprises
 * (seeds/004 §七), and each delegation is written through the Document Service, one at a time.
 */
const MAX_DELEGATIONS = 10_000;

interface DelegationRow {
  documentId: string;
  enterpriseCode: string;
  agencyName: string;
  agencyNo: string | null;
  effectiveFrom: string | Date;
  effectiveTo: string | Date | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();
/** A delegation's natural key: the enterprise, its agency, and when the delegation starts. */
const keyOf = (d: { enterpriseCode: string; agencyName: string; effectiveFrom: string | Date }) =>
  `${d.enterpriseCode}\u0000${d.agencyName}\u0000${iso(d.effectiveFrom)}`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/direct-report/delegations[?enterprise=]: every delegation, by enterprise and start. */
  async list(enterprise?: unknown) {
    let where = {};
    if (typeof enterprise === 'string' && enterprise) {
      const code = parseCreditCode(enterprise);
      if (!code.ok) throw invalidFields({ enterprise: code.message });
      where = { enterpriseCode: code.value };
    }
    const rows = (await strapi.db
      .query(DELEGATION)
      .findMany({ where, orderBy: [{ enterpriseCode: 'asc' }, { effectiveFrom: 'asc' }] })) as DelegationRow[];
    return rows.map((row) => ({
      enterpriseCode: row.enterpriseCode,
      agencyName: row.agencyName,
      agencyNo: row.agencyNo ?? null,
      effectiveFrom: iso(row.effectiveFrom),
      effectiveTo: row.effectiveTo ? iso(row.effectiveTo) : null,
    }));
  },

  /** PUT /api/direct-report/delegations: inserts or updates by (enterprise, agency, effective from), all or nothing. */
  async upsert(input: unknown): Promise<{ received: number; created: number; updated: number }> {
    const delegations = parsedBatch(input, delegationInputSchema, MAX_DELEGATIONS);
    refuseRepeatedKeys(delegations, keyOf, 'effectiveFrom', (d) =>
      t('directReport.delegation.duplicate', { code: d.enterpriseCode, agency: d.agencyName }),
    );
    return strapi.db.transaction(async () => {
      const stored = (await strapi.db.query(DELEGATION).findMany({
        where: { enterpriseCode: { $in: [...new Set(delegations.map((d) => d.enterpriseCode))] } },
      })) as DelegationRow[];
      const byKey = new Map(stored.map((row) => [keyOf(row), row]));
      let created = 0;
      for (const delegation of delegations) {
        const data = documentData(DELEGATION, {
          ...delegation,
          agencyNo: delegation.agencyNo ?? null,
          effectiveTo: delegation.effectiveTo ?? null,
        });
        const existing = byKey.get(keyOf(delegation));
        if (existing) await strapi.documents(DELEGATION).update({ documentId: existing.documentId, data });
        else {
          await strapi.documents(DELEGATION).create({ data });
          created += 1;
        }
      }
      return { received: delegations.length, created, updated: delegations.length - created };
    });
  },
});
