import {
  type AdminRoleDefinition,
  adminRoleCode,
  adminRoles,
  agencyLevelLabels,
  agencyLevels,
  agencyReviewAction,
  DECIDE_ACTION,
  JURISDICTION_CONDITION,
  personalFieldNames,
  type SubmissionKindId,
  submissionKinds,
  superAdminRole,
} from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { uidOf } from '../lib/records';

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

const AGENCY_UID = 'api::agency.agency';
const submissionUids = (Object.keys(submissionKinds) as SubmissionKindId[]).map(uidOf);
const SYSTEM_FIELDS = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
const MEDIA_ACTIONS = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((a) => `plugin::upload.${a}`);

/** The custom action behind the review buttons, registered before the admin syncs its permissions. */
export async function registerReviewAction(strapi: Core.Strapi): Promise<void> {
  const permissions = strapi.service('admin::permission') as { actionProvider: { registerMany(actions: unknown[]): Promise<void> } };
  await permissions.actionProvider.registerMany([
    {
      section: 'contentTypes',
      displayName: '审核决定（通过、退回修改、不通过）',
      uid: DECIDE_ACTION.replace('api::', ''),
      subjects: submissionUids,
    },
    ...agencyLevels.map((level) => ({
      section: 'contentTypes',
      displayName: `代理机构登记：${agencyLevelLabels[level]}的决定`,
      uid: agencyReviewAction(level).replace('api::', ''),
      subjects: [AGENCY_UID],
    })),
  ]);
}

/** Secrets no one reads in the admin: query-password hashes and where scans are stored. */
const SECRETS = new Set(['passwordHash', 'storageKey']);

/** The fields a grant shows: all but Strapi's own, the secrets, and personal ones unless allowed. */
function fieldsOf(strapi: Core.Strapi, uid: string, personal: boolean): string[] {
  const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  if (!contentType) throw new Error(`Role definition names unknown content type ${uid}`);
  const kind = (Object.keys(submissionKinds) as SubmissionKindId[]).find((id) => uidOf(id) === uid);
  const hidden = new Set(kind && !personal ? personalFieldNames(submissionKinds[kind].form) : []);
  return Object.keys(contentType.attributes).filter((name) => !SYSTEM_FIELDS.has(name) && !SECRETS.has(name) && !hidden.has(name));
}

/**
 * The review history is served only with its record (the desks' record routes check the record's
 * permission first); a Content Manager grant on it would show every record type's history, in every
 * region, to a role that may not open those records.
 */
const HISTORY_UID = 'api::review-event.review-event';

function permissionsOf(strapi: Core.Strapi, role: AdminRoleDefinition): Permission[] {
  if (role.grants.some((grant) => grant.uid === HISTORY_UID))
    throw new Error(`Role ${role.name} must not read ${HISTORY_UID} in the Content Manager: history is read with its record`);
  const content = role.grants.flatMap((grant) =>
    grant.actions.map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: grant.uid,
      properties: action === 'delete' ? {} : { fields: fieldsOf(strapi, grant.uid, grant.personal) },
      conditions: grant.inJurisdiction ? [JURISDICTION_CONDITION.id] : [],
    })),
  );
  const decide = role.decides ? submissionUids.map((subject) => ({ action: DECIDE_ACTION, subject, properties: {}, conditions: [] })) : [];
  const agency = (role.agencyLevels ?? []).map((level) => ({
    action: agencyReviewAction(level),
    subject: AGENCY_UID,
    properties: {},
    conditions: level === 'province' ? [] : [JURISDICTION_CONDITION.id],
  }));
  const media = role.media ? MEDIA_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] })) : [];
  return [...content, ...decide, ...agency, ...media];
}

interface StoredRole {
  id: number;
  name: string;
  code: string;
  description: string;
}

/**
 * The stored role of a definition: by its stable code, else (a database from before the roles had
 * codes and zh-CN names) by its code name, which Strapi then showed as the role's name.
 */
async function findRole(strapi: Core.Strapi, definition: AdminRoleDefinition): Promise<StoredRole | null> {
  const query = strapi.db.query('admin::role');
  return ((await query.findOne({ where: { code: adminRoleCode(definition.name) } })) ??
    (await query.findOne({ where: { name: definition.name } }))) as StoredRole | null;
}

/**
 * Creates StatDesk's admin roles and (re)sets their zh-CN names and permissions from config/, on
 * every start. Staff read the display name (审核员); code and tests hold on to the code.
 */
export async function ensureAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as {
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
    assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  };
  for (const definition of adminRoles) {
    const wanted = { name: definition.displayName, code: adminRoleCode(definition.name), description: definition.description };
    const stored = await findRole(strapi, definition);
    const role = stored ?? (await roles.create(wanted));
    if (stored && (stored.name !== wanted.name || stored.code !== wanted.code || stored.description !== wanted.description))
      await strapi.db.query('admin::role').update({ where: { id: stored.id }, data: wanted });
    await roles.assignPermissions(role.id, permissionsOf(strapi, definition));
  }
}

/**
 * Names Strapi's super admin role in zh-CN (系统管理员) on every start. Strapi recognises it by its
 * code, never by its name (@strapi/admin services/role getSuperAdmin), so the name is free.
 */
export async function nameSuperAdminRole(strapi: Core.Strapi): Promise<void> {
  await strapi.db
    .query('admin::role')
    .update({ where: { code: superAdminRole.code }, data: { name: superAdminRole.displayName, description: superAdminRole.description } });
}
