import {
  type AgencyDecision,
  type AgencyLevel,
  type AgencyStatus,
  agencyActionLabels,
  agencyListUploads,
  agencyStatusLabels,
  checkAgencyDecision,
  decisionsByLevel,
  letterUpload,
  regionName,
  statusAtLevel,
  t,
} from '@statdesk/config';
import { numberStart } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { documentData } from '../../../lib/document-data';
import { appendEvent, labelEvents, readEvents } from '../../../lib/history';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { type PrivateFile, privateStorage } from '../../../lib/private-storage';
import { lockRow } from '../../../lib/records';
import { inTransaction } from '../../../lib/transaction';
import { AGENCY, type AgencyEntry, agencyNotFound } from './registration';

/** Midnight in Beijing of an ISO date: the moment a delegation takes effect. */
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/**
 * The approval chain (seeds/004 §七): 县区 review → 市州 approval → province confirmation with an
 * effective date, or a refusal with a reason at any level. Confirming turns every delegating
 * enterprise into a delegation the direct-reporting rule reads from that date.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The codes among `codes` that the enterprise master data (报表单位) holds. */
  const knownEnterprises = async (codes: string[]) => {
    const rows = (await strapi.db
      .query('api::enterprise.enterprise')
      .findMany({ where: { code: { $in: codes } }, select: ['code'] })) as Array<{ code: string }>;
    return new Set(rows.map((row) => row.code));
  };
  const lockAgency = async (no: string) => (await lockRow<AgencyEntry>(strapi, AGENCY, { registrationNo: no })) ?? null;

  return {
    async decide(
      no: string,
      level: AgencyLevel,
      actor: string,
      input: { decision?: unknown; reason?: unknown; effectiveDate?: unknown },
    ): Promise<{ from: AgencyStatus; to: AgencyStatus }> {
      const decision = input.decision === 'reject' ? 'reject' : input.decision === 'approve' ? 'approve' : undefined;
      if (!decision) throw invalidFields({ decision: t('workflow.agency.decisionRequired') });
      const reason = typeof input.reason === 'string' ? input.reason.trim().slice(0, 2000) : undefined;
      const effectiveDate = typeof input.effectiveDate === 'string' ? input.effectiveDate : undefined;
      return inTransaction(strapi, async () => {
        const entry = await lockAgency(no);
        if (!entry) throw agencyNotFound();
        const check = checkAgencyDecision(entry.status, level, { decision: decision as AgencyDecision, reason, effectiveDate });
        if (!check.ok) {
          if (check.field) throw invalidFields({ [check.field]: check.message });
          throw new PublicError(check.status, 'ConflictError', check.message);
        }
        const now = new Date().toISOString();
        const confirmed = check.action === 'province_confirm' && effectiveDate;
        await strapi.documents(AGENCY).update({
          documentId: entry.documentId,
          data: documentData(AGENCY, {
            status: check.to,
            reviewedAt: now,
            reviewReason: reason || null,
            ...(confirmed && { effectiveDate }),
          }),
        });
        if (confirmed) {
          for (const delegator of entry.delegators) {
            await strapi.documents('api::delegation.delegation').create({
              data: {
                enterpriseCode: delegator.code,
                agencyName: entry.agencyName,
                agencyNo: no,
                effectiveFrom: beijingMidnight(effectiveDate),
              },
            });
          }
        }
        await appendEvent(strapi, { recordNo: no, action: check.action, from: entry.status, to: check.to, actor, reason }, now);
        return { from: entry.status, to: check.to };
      });
    },

    /** The registration, its documents (without where they are stored) and its history, for the bureaus. */
    async record(no: string) {
      const entry = (await strapi.db.query(AGENCY).findOne({ where: { registrationNo: no } })) as AgencyEntry | null;
      if (!entry) throw agencyNotFound();
      const files = (await strapi.db
        .query('api::attachment.attachment')
        .findMany({ where: { recordNo: no }, orderBy: { id: 'asc' } })) as Array<Record<string, string>>;
      const events = await readEvents(strapi, no);
      const known = await knownEnterprises(entry.delegators.map((d) => d.code));
      // The query password's hash is no reviewer's business, even as a stored string.
      const { passwordHash: _hash, ...agency } = entry;
      return {
        agency: {
          ...agency,
          statusLabel: agencyStatusLabels[entry.status],
          countyName: regionName(entry.countyCode) ?? entry.countyCode,
          // Each enterprise with the upload name of its entrustment letter (those of the list share
          // one file), and whether the master data knows it: an unknown code is the reviewer's question.
          delegators: entry.delegators.map((d, i) => ({
            code: d.code,
            name: d.name,
            letter: d.listed ? agencyListUploads.letters.name : letterUpload(i),
            listed: d.listed === true,
            known: known.has(d.code),
          })),
        },
        documents: files.map((f) => ({ purpose: f.purpose, fileName: f.fileName, mime: f.mime, size: Number(f.size) })),
        history: labelEvents(events, agencyActionLabels, agencyStatusLabels),
        decisions: decisionsByLevel(events),
      };
    },

    /** How many registrations wait for a level within a region's filter (agencyFilterOf; true: all), and since when the oldest. */
    async waiting(level: AgencyLevel, region: Record<string, string> | true): Promise<{ count: number; oldestSubmittedAt: Date | null }> {
      const where = { status: statusAtLevel[level], ...(region === true ? {} : region) };
      const count = await strapi.db.query(AGENCY).count({ where });
      const oldest = (await strapi.db.query(AGENCY).findOne({ where, orderBy: { submittedAt: 'asc' } })) as { submittedAt?: string } | null;
      return { count, oldestSubmittedAt: oldest?.submittedAt ? new Date(oldest.submittedAt) : null };
    },

    /** One document's bytes, by the name it was uploaded under. */
    async document(no: string, purpose: string): Promise<PrivateFile | undefined> {
      const row = (await strapi.db.query('api::attachment.attachment').findOne({ where: { recordNo: no, purpose } })) as Record<
        string,
        string
      > | null;
      if (!row?.storageKey || !no.startsWith(numberStart('agency'))) return undefined;
      return {
        fileName: row.fileName ?? 'document',
        mime: row.mime ?? 'application/octet-stream',
        body: await privateStorage().open(row.storageKey),
      };
    },
  };
};
