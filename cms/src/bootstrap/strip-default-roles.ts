import type { Core } from '@strapi/strapi';

/**
 * Strapi's own roles besides Super Admin. It creates them on a first start
 * (@strapi/admin services/role createRolesIfNoneExist) with create, read, update, delete and
 * publish on every content type and every field: an Editor read ID numbers and password hashes.
 * StatDesk's roles are those of config/src/admin/roles.ts. Matched by Strapi's code, and by name
 * for a role someone made again by hand under the same name.
 */
const DEFAULT_ROLES = [
  { code: 'strapi-editor', name: 'Editor' },
  { code: 'strapi-author', name: 'Author' },
] as const;

interface Role {
  id: number;
  code: string;
  name: string;
}
interface AdminUser {
  id: number;
  email: string;
  isActive: boolean;
  roles: Role[];
}

/**
 * Takes the role from everyone who holds it. Someone left with no role is kept (their name stays
 * on the history they wrote) but deactivated: a role with no permissions would still let them sign
 * in to an empty panel, and a super admin should choose their StatDesk role deliberately.
 */
async function releaseHolders(strapi: Core.Strapi, role: Role): Promise<void> {
  const holders = (await strapi.db
    .query('admin::user')
    .findMany({ where: { roles: { id: role.id } }, populate: ['roles'] })) as AdminUser[];
  for (const user of holders) {
    const remaining = user.roles.filter((r) => r.id !== role.id).map((r) => r.id);
    const isActive = remaining.length > 0 && user.isActive;
    await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { roles: remaining, isActive } });
    if (remaining.length === 0)
      strapi.log.warn(`Admin user ${user.email} held only Strapi's default role ${role.name}; deactivated until given a StatDesk role.`);
  }
}

/** Removes Strapi's default Editor and Author roles, on every start (they come back on a fresh database). */
export async function stripDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as { deleteByIds(ids: number[]): Promise<unknown> };
  const found = (await strapi.db.query('admin::role').findMany({
    where: { $or: DEFAULT_ROLES.flatMap(({ code, name }) => [{ code }, { name }]) },
  })) as Role[];
  for (const role of found) {
    await releaseHolders(strapi, role);
    // deleteByIds also deletes the role's permissions, and refuses while anyone still holds it.
    await roles.deleteByIds([role.id]);
  }
}
