import type { Readable } from 'node:stream';
import { t } from '@statdesk/config';
import type { IngestResult } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { PublicError } from '../../../lib/http-errors';
import { serviceOf } from '../../../lib/services';
import type { Sender } from './ingestions';
import { type ParsedLine, parseJsonArray, parseNdjson } from './parse-events';
import { ensureMonthPartitions } from './partitions';
import { reserveArrivalOrder, storeEvents } from './store-events';
import type { StoredEvent } from './stored-event';
import { foldStaged } from './summaries';

const BATCH = 5000;
// Batches written side by side: one PostgreSQL backend alone kept neither core busy (20 000
// events/s; two writers, 34 000).
const WRITERS = 2;
const MAX_REPORTED_REJECTIONS = 1000;
/**
 * Logins an instance takes before it merges the staged batch summaries into the summaries
 * (summaries.ts, foldStaged). The larger the step, the fewer times an enterprise is merged: a
 * month's 1 M logins in time order touch 100 000 enterprises, merged about 180 000 times in steps
 * of 500 000 and close to a million times batch by batch. A report merges whatever is staged
 * before it reads, so this is also about the most a report read during ingestion waits for (a few
 * seconds).
 */
const FOLD_AFTER = 500_000;

export type { IngestResult };

/**
 * Nothing of the batch was taken: every line was refused. An empty body refused nothing, and a
 * duplicate is a success (a re-sent batch is already stored), so neither counts.
 */
export const isNothingAccepted = (result: IngestResult): boolean => result.rejected > 0 && result.accepted + result.duplicates === 0;

/**
 * The 422 answer to such a batch: the counts and rejections of a 200 answer, plus the error
 * contract (DESIGN.md) with the same rejections in `details`, so that a client reading either
 * finds them.
 */
export const nothingAcceptedBody = (result: IngestResult) => ({
  data: null,
  ...result,
  error: {
    status: 422,
    name: 'ValidationError',
    message: t('directReport.ingest.allRejected', { count: result.rejected }),
    details: { fields: {}, rejections: result.rejections },
  },
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Stores one batch and folds it into the period summaries; a re-sent event meets its key and is skipped. Returns how many were new. */
  async function insertBatch(events: StoredEvent[], arrival?: string[]): Promise<number> {
    const knex = strapi.db.connection;
    await ensureMonthPartitions(
      knex,
      events.map((e) => e.at),
    );
    return storeEvents(knex, events, arrival);
  }

  /** Logins this instance sent to be stored since it last merged the staged summaries. */
  let sinceFold = 0;
  /** Merges the staged summaries once this instance has taken FOLD_AFTER logins (the batches it is writing finished first). */
  async function foldWhenDue(settle: () => Promise<void>): Promise<void> {
    if (sinceFold < FOLD_AFTER) return;
    await settle();
    sinceFold = 0;
    await foldStaged(strapi.db.connection);
  }

  return {
    /** Stores already-checked events (the demo seed and the benchmark's fixtures use it). */
    insertEvents: insertBatch,

    /**
     * POST /api/direct-report/login-events: a JSON array or NDJSON, read as a stream and written in
     * batches. Each batch is its own transaction, so what was acknowledged is stored; a re-sent
     * request is harmless. Every request read is written down with its sender (ingestions.ts).
     */
    async ingest(stream: Readable, contentType: string, sender: Sender = {}): Promise<IngestResult> {
      const startedAt = new Date();
      const log = serviceOf(strapi, 'api::direct-report.ingestions');
      const isNdjson = /ndjson|jsonl|json-seq|text\/plain/i.test(contentType);
      if (!isNdjson && !/json/i.test(contentType)) {
        throw new PublicError(415, 'UnsupportedMediaTypeError', t('directReport.ingest.mediaType'));
      }
      const chunks: AsyncGenerator<ParsedLine[]> = isNdjson ? parseNdjson(stream) : parseJsonArray(stream);
      const result: IngestResult = { received: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
      let batch: StoredEvent[] = [];
      // Batches are written while the next are parsed, WRITERS at a time; each is numbered in
      // arrival order before it is sent, so the order holds whichever commits first.
      const writing = new Set<Promise<void>>();
      // Held, not left rejected: a rejection nobody awaits yet would end the process.
      let failed: { error: unknown } | undefined;
      const settle = async () => {
        await Promise.all(writing);
        if (failed) throw failed.error;
      };
      const flush = async () => {
        if (batch.length === 0) return;
        const full = batch;
        batch = [];
        while (writing.size >= WRITERS) await Promise.race(writing);
        if (failed) throw failed.error;
        const arrival = await reserveArrivalOrder(strapi.db.connection, full.length);
        sinceFold += full.length;
        const write: Promise<void> = insertBatch(full, arrival)
          .then(
            (inserted) => {
              result.accepted += inserted;
              result.duplicates += full.length - inserted;
            },
            (error: unknown) => {
              failed ??= { error };
            },
          )
          .finally(() => writing.delete(write));
        writing.add(write);
      };
      try {
        for await (const lines of chunks) {
          for (const line of lines) {
            result.received++;
            if (line.ok) batch.push(line.event);
            else {
              result.rejected++;
              if (result.rejections.length < MAX_REPORTED_REJECTIONS) result.rejections.push({ line: line.line, reason: line.reason });
            }
            if (batch.length >= BATCH) {
              await flush();
              await foldWhenDue(settle);
            }
          }
        }
      } catch (error) {
        // What was acknowledged in earlier batches stays stored; the batches being written finish first.
        await Promise.all(writing);
        if (error instanceof SyntaxError) {
          await log.record(sender, startedAt, 'broken', result);
          throw new PublicError(400, 'ValidationError', error.message);
        }
        throw error;
      }
      await flush();
      await settle();
      await foldWhenDue(settle);
      await log.record(sender, startedAt, isNothingAccepted(result) ? 'nothing_accepted' : 'stored', result);
      return result;
    },
  };
};
