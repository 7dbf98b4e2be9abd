import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../lib/http-errors';
import { type IncomingEvent, type ParsedLine, parseJsonArray, parseNdjson } from './parse-events';
import { ensureMonthPartitions } from './partitions';

const BATCH = 5000;
const MAX_REPORTED_REJECTIONS = 1000;

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejections: Array<{ line: number; reason: string }>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Inserts one batch; a re-sent event meets its key and is skipped. Returns how many were new. */
  async function insertBatch(events: IncomingEvent[]): Promise<number> {
    const knex = strapi.db.connection;
    await ensureMonthPartitions(
      knex,
      events.map((e) => e.at),
    );
    const rows = events.map((e) => ({
      enterprise_code: e.enterpriseCode,
      at: e.at.toISOString(),
      event_key: e.eventKey,
      account: e.account,
      account_kind: e.accountKind,
      ip: e.ip,
    }));
    const result = await knex.raw(
      `insert into dr_login_events (enterprise_code, at, event_key, account, account_kind, ip)
       select enterprise_code, at, event_key, account, account_kind, ip
       from jsonb_to_recordset(?::jsonb) as x(enterprise_code text, at timestamptz, event_key text, account text, account_kind text, ip text)
       on conflict do nothing`,
      [JSON.stringify(rows)],
    );
    return result.rowCount ?? 0;
  }

  return {
    /** Stores already-checked events (the demo seed and the benchmark's fixtures use it). */
    insertEvents: insertBatch,

    /**
     * POST /api/direct-report/login-events: a JSON array or NDJSON, read as a stream and written in
     * batches. Each batch is its own transaction, so what was acknowledged is stored; a re-sent
     * request is harmless.
     */
    async ingest(stream: Readable, contentType: string): Promise<IngestResult> {
      const isNdjson = /ndjson|jsonl|json-seq|text\/plain/i.test(contentType);
      if (!isNdjson && !/json/i.test(contentType)) {
        throw new PublicError(415, 'UnsupportedMediaTypeError', '请以 application/json（数组）或 application/x-ndjson 发送登录记录');
      }
      const lines: AsyncGenerator<ParsedLine> = isNdjson ? parseNdjson(stream) : parseJsonArray(stream);
      const result: IngestResult = { received: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
      let batch: IncomingEvent[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const inserted = await insertBatch(batch);
        result.accepted += inserted;
        result.duplicates += batch.length - inserted;
        batch = [];
      };
      try {
        for await (const line of lines) {
          result.received++;
          if (line.ok) batch.push(line.event);
          else {
            result.rejected++;
            if (result.rejections.length < MAX_REPORTED_REJECTIONS) result.rejections.push({ line: line.line, reason: line.reason });
          }
          if (batch.length >= BATCH) await flush();
        }
      } catch (error) {
        if (error instanceof SyntaxError) throw new PublicError(400, 'ValidationError', error.message);
        throw error;
      }
      await flush();
      return result;
    },
  };
};
