import type { Core } from '@strapi/strapi';

/** One entry of the append-only history every record keeps (DESIGN.md: who, when, from, to, why). */
export interface HistoryEvent {
  recordNo: string;
  action: string;
  from: string | null;
  to: string;
  actor: string;
  reason?: string | null | undefined;
  /** What an edit changed, field by field: { phone: { from, to } }. */
  changes?: Record<string, { from: unknown; to: unknown }> | undefined;
}

/** Appends an event; run it inside the transaction of the change it records. */
export async function appendEvent(strapi: Core.Strapi, event: HistoryEvent, at = new Date().toISOString()): Promise<void> {
  await strapi.documents('api::review-event.review-event').create({
    data: {
      recordNo: event.recordNo,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      actor: event.actor,
      reason: event.reason?.trim() || null,
      changes: event.changes && Object.keys(event.changes).length > 0 ? event.changes : null,
      at,
    } as never,
  });
}

export interface StoredEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  at: string;
}

/** A record's events, oldest first. */
export async function readEvents(strapi: Core.Strapi, recordNo: string): Promise<StoredEvent[]> {
  return (await strapi.db
    .query('api::review-event.review-event')
    .findMany({ where: { recordNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })) as StoredEvent[];
}

/** Events as staff read them: each action and the state it led to named in zh-CN. */
export const labelEvents = (events: StoredEvent[], actionLabels: Record<string, string>, stateLabels: Record<string, string>) =>
  events.map((e) => ({
    action: e.action,
    actionLabel: actionLabels[e.action] ?? e.action,
    from: e.fromStatus,
    to: e.toStatus,
    toLabel: stateLabels[e.toStatus] ?? e.toStatus,
    actor: e.actor,
    reason: e.reason,
    changes: e.changes,
    at: e.at,
  }));

/** The fields whose values differ between two versions of a record (compared as JSON). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, names: readonly string[]) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const name of names) {
    if (JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null))
      changes[name] = { from: before[name] ?? null, to: after[name] ?? null };
  }
  return changes;
}
