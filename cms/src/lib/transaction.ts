import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * strapi.db.transaction, settled only once COMMIT has succeeded. Knex resolves a transaction's
 * commit() even when COMMIT itself fails (the connection dropped as PostgreSQL restarted) and
 * reports the failure only on its executionPromise; Strapi awaits commit() alone. So a
 * submission could be acknowledged with a number that was never stored and then handed out again
 * (found by tests/e2e/survive-faults.test.ts).
 */
export async function inTransaction<T>(strapi: Core.Strapi, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  let committed: Promise<unknown> = Promise.resolve();
  const result = await strapi.db.transaction(async ({ trx }) => {
    committed = (trx as Knex.Transaction & { executionPromise?: Promise<unknown> }).executionPromise ?? committed;
    return work(trx);
  });
  await committed;
  return result;
}
