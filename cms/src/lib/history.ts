import type { Core } from '@strapi/strapi';
import { documentData } from './document-data';
import { allPersonalFieldNames } from './personal-fields';

/**
 * What a history entry keeps of one changed field. Personal fields (ID numbers, phones, names…)
 * keep only the fact that they changed: the history is an audit of who changed what, and a value
 * stored there would outlive corrections and reach whoever reads the history. Other fields keep
 * their old and new values, which the audit needs (e.g. which enterprise left a registration and so
 * the reporting gate, seeds/004 §十二) and which say no more than the record itself.
 */
export type FieldChange = { from: unknown; to: unknown } | { withheld: true };
export type FieldChanges = Record<string, FieldChange>;

/** One entry of the append-only history every record keeps (DESIGN.md: who, when, from, to, why). */
export interface HistoryEvent {
  recordNo: string;
  action: string;
  from: string | null;
  to: string;
  actor: string;
  reason?: string | null | undefined;
  /** What an edit changed, field by field: { employer: { from, to } }; personal ones are withheld on write. */
  changes?: Record<string, { from: unknown; to: unknown }> | undefined;
}

/** The changes as the history stores them: every personal field by name only, whoever calls. */
export function withheldPersonalValues(changes: Record<string, FieldChange>): FieldChanges {
  return Object.fromEntries(
    Object.entries(changes).map(([name, change]) => [name, allPersonalFieldNames.has(name) ? { withheld: true as const } : change]),
  );
}

/** Appends an event; run it inside the transaction of the change it records. */
export async function appendEvent(strapi: Core.Strapi, event: HistoryEvent, at = new Date().toISOString()): Promise<void> {
  await strapi.documents('api::review-event.review-event').create({
    data: documentData('api::review-event.review-event', {
      recordNo: event.recordNo,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      actor: event.actor,
      reason: event.reason?.trim() || null,
      changes: event.changes && Object.keys(event.changes).length > 0 ? withheldPersonalValues(event.changes) : null,
      at,
    }),
  });
}

export interface StoredEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  changes: FieldChanges | null;
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

/** Labelled events as one reader may see them: a change's values only for fields it may read. */
export const withReadableChanges = <E extends { changes: FieldChanges | null }>(events: E[], canRead: (field: string) => boolean): E[] =>
  events.map((event) => ({
    ...event,
    changes: event.changes
      ? Object.fromEntries(Object.entries(event.changes).map(([name, change]) => [name, canRead(name) ? change : { withheld: true }]))
      : null,
  }));
