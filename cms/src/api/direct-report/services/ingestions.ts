import { parseIsoDateTime, t } from '@statdesk/config';
import type { Ingestion, IngestResult } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { invalidFields } from '../../../lib/http-errors';

/** How a login-events request ended: stored (some taken), nothing accepted (422), or broken off mid-body (400). */
export type IngestionOutcome = Ingestion['outcome'];

/** The API token that sent a request, as Strapi's content-API auth gives it (`ctx.state.auth.credentials`). */
export interface Sender {
  id?: number;
  name?: string;
}

/** A batch's refused lines are readable this long; its counts stay (docs/api.md). */
const KEEP_REJECTIONS_DAYS = 30;
const MAX_LISTED = 1_000;

interface IngestionRow {
  id: string;
  token_id: number | null;
  token_name: string | null;
  started_at: Date;
  finished_at: Date;
  outcome: IngestionOutcome;
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Text: Strapi's connection leaves jsonb unparsed. */
  rejections: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Writes down one request's counts and how it ended; older batches' refused lines are let go. */
  async record(sender: Sender, startedAt: Date, outcome: IngestionOutcome, result: IngestResult): Promise<void> {
    const knex = strapi.db.connection;
    await knex.raw(
      `insert into dr_ingestions (token_id, token_name, started_at, outcome, received, accepted, duplicates, rejected, rejections)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
      [
        sender.id ?? null,
        sender.name ?? null,
        startedAt,
        outcome,
        result.received,
        result.accepted,
        result.duplicates,
        result.rejected,
        JSON.stringify(result.rejections),
      ],
    );
    await knex.raw(
      `update dr_ingestions set rejections = null
        where rejections is not null and finished_at < now() - make_interval(days => ?)`,
      [KEEP_REJECTIONS_DAYS],
    );
  },

  /** GET /api/direct-report/ingestions?since=: the requests finished after `since` (default: the last 30 days), oldest first. */
  async list(since: unknown) {
    let from = new Date(Date.now() - KEEP_REJECTIONS_DAYS * 86_400_000);
    if (since !== undefined) {
      const parsed = parseIsoDateTime(typeof since === 'string' ? since : '');
      if (!parsed.ok) throw invalidFields({ since: t('directReport.ingestions.since', { reason: parsed.message }) });
      from = new Date(parsed.value);
    }
    const { rows } = (await strapi.db.connection.raw(`select * from dr_ingestions where finished_at > ? order by finished_at, id limit ?`, [
      from,
      MAX_LISTED,
    ])) as { rows: IngestionRow[] };
    return rows.map((row) => ({
      id: Number(row.id),
      token: { id: row.token_id, name: row.token_name },
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at.toISOString(),
      outcome: row.outcome,
      received: row.received,
      accepted: row.accepted,
      duplicates: row.duplicates,
      rejected: row.rejected,
      rejections: row.rejections === null ? null : (JSON.parse(row.rejections) as IngestResult['rejections']),
    }));
  },
});
