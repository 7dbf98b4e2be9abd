import { type Field, type FieldOption, formatAnswer, t } from '@statdesk/config';
import type { Core, UID } from '@strapi/strapi';
import { type Ctx, READ } from './admin-context';
import { PublicError } from './http-errors';
import { personalFieldsByUid } from './personal-fields';

/**
 * Field-level permissions on the desks (the review desk and the bureau desk), enforced in one
 * place: the route policy below resolves what the signed-in admin may read, and every desk handler
 * reads records through it. The rule is the Content Manager's own: the role's `properties.fields`
 * on plugin::content-manager.explorer.read for the content type, with its conditions (e.g. the
 * jurisdiction, bootstrap/jurisdiction.ts) evaluated against the record.
 */
export const FIELD_ACCESS_POLICY = 'global::field-access';

/** What a form, list or export shows instead of a field the role may not read. */
export const WITHHELD = t('admin.withheld');

/** An answer as forms and exports print it; a withheld one says so whatever the field's type. */
export const formatVisibleAnswer = (field: Field, value: unknown, options: FieldOption[] = []): string =>
  value === WITHHELD ? WITHHELD : formatAnswer(field, value, options);

/** Strapi's own keys: never personal, and the Content Manager returns them to every reader. */
const ALWAYS_READABLE = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

interface Ability {
  can(action: string, subject?: unknown, field?: string): boolean;
}
interface PermissionsManager {
  toSubject(entry: unknown, model: string): unknown;
  getQuery(action: string): Record<string, unknown> | undefined;
}
type Where = Record<string, unknown>;

export interface FieldAccess {
  /** Whether the caller may read this attribute (of this record, when given: conditions apply). */
  canRead(uid: string, field: string, entry?: Record<string, unknown>): boolean;
  /** The record as the caller may see it: every attribute it may not read replaced by WITHHELD. */
  project<T extends object>(uid: string, entry: T): T;
  /** A list's where: the caller's conditions, and a search over only the fields it may read. */
  listWhere(uid: string, where: Where, search?: { q: string | undefined; fields: readonly string[] }): Where;
  /** Whether the caller reads every record of the type: its permission carries no condition (such as the jurisdiction). */
  readsEveryRecord(uid: string): boolean;
  /** 403 unless the record's conditions let the caller read it (the Content Manager's rule). */
  requireRecord(uid: string, entry: Record<string, unknown>): void;
  /**
   * Scans, attachments and documents show the whole signed form, which cannot be masked: only a
   * role that reads every personal field of the record gets them (their names too: a file is often
   * named after the person).
   */
  readsWholeRecord(uid: string, entry: Record<string, unknown>): boolean;
  requireWholeRecord(uid: string, entry: Record<string, unknown>): void;
}

export function createFieldAccess(strapi: Core.Strapi, ability: Ability): FieldAccess {
  const permissions = strapi.service('admin::permission') as unknown as {
    createPermissionsManager(options: { ability: Ability; model: string }): PermissionsManager;
  };
  const managers = new Map<string, PermissionsManager>();
  const managerOf = (uid: string) => {
    const known = managers.get(uid);
    if (known) return known;
    const manager = permissions.createPermissionsManager({ ability, model: uid });
    managers.set(uid, manager);
    return manager;
  };
  const attributesOf = (uid: string) =>
    Object.keys((strapi.getModel(uid as UID.Schema) as { attributes?: object } | undefined)?.attributes ?? {});
  const subjectOf = (uid: string, entry?: Record<string, unknown>) => (entry ? managerOf(uid).toSubject(entry, uid) : uid);
  const canRead = (uid: string, field: string, entry?: Record<string, unknown>) =>
    ALWAYS_READABLE.has(field) || ability.can(READ, subjectOf(uid, entry), field);
  const forbidden = () => new PublicError(403, 'ForbiddenError', t('admin.forbidden'));

  return {
    canRead,
    project(uid, entry) {
      // Conditions are checked against the record as stored, not the copy being masked.
      const record = { ...entry } as Record<string, unknown>;
      const projected = { ...record };
      for (const field of attributesOf(uid)) if (field in record && !canRead(uid, field, record)) projected[field] = WITHHELD;
      return projected as typeof entry;
    },
    listWhere(uid, where, search) {
      const conditions = managerOf(uid).getQuery(READ) ?? {};
      const q = search?.q?.trim();
      const searchable = (search?.fields ?? []).filter((field) => canRead(uid, field));
      // Nothing readable to search in matches nothing, rather than everything.
      const matching = !q
        ? {}
        : searchable.length > 0
          ? { $or: searchable.map((field) => ({ [field]: { $containsi: q } })) }
          : { id: { $lt: 0 } };
      const parts = [where, conditions, matching].filter((part) => Object.keys(part).length > 0);
      return parts.length > 0 ? { $and: parts } : {};
    },
    // CASL's rulesToQuery gives {} when a rule without conditions allows the action, null when none does.
    readsEveryRecord: (uid) => {
      const conditions = managerOf(uid).getQuery(READ);
      return conditions !== null && conditions !== undefined && Object.keys(conditions).length === 0;
    },
    requireRecord(uid, entry) {
      if (!ability.can(READ, subjectOf(uid, entry))) throw forbidden();
    },
    readsWholeRecord: (uid, entry) =>
      ability.can(READ, subjectOf(uid, entry)) && (personalFieldsByUid[uid] ?? []).every((field) => canRead(uid, field, entry)),
    requireWholeRecord(uid, entry) {
      if (!this.readsWholeRecord(uid, entry)) throw forbidden();
    },
  };
}

/** The policy every desk route carries: it resolves the caller's readable fields for the handler. */
export function fieldAccessPolicy(
  policyContext: { state: Record<string, unknown> },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
) {
  const ability = policyContext.state.userAbility as Ability | undefined;
  if (!ability) return false;
  policyContext.state.fieldAccess = createFieldAccess(strapi, ability);
  return true;
}

/** The caller's field access; a desk route without the policy fails closed rather than show all. */
export function fieldAccessOf(ctx: Ctx): FieldAccess {
  const access = ctx.state.fieldAccess as FieldAccess | undefined;
  if (!access) throw new Error(`${ctx.method} ${ctx.path} reads records without the ${FIELD_ACCESS_POLICY} policy`);
  return access;
}

/** Desk routes as Strapi mounts them, each behind the field-access policy: no route can omit it. */
export function withFieldAccess<R extends { method: string; path: string }>(routes: readonly R[]) {
  return routes.map((route) => ({ ...route, config: { policies: [FIELD_ACCESS_POLICY] } }));
}
