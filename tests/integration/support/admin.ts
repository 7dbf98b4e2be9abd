import { adminRoleCode, superAdminRole } from '../../../config/src/admin/roles.ts';
import type { TestCms } from './strapi.ts';

/** A signed-in admin user of the test Strapi, calling the admin API with its access token. */
export interface Staff {
  email: string;
  /** The admin access token, for requests `call` cannot make (multipart uploads). */
  token: string;
  call(method: string, path: string, body?: unknown): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

const PASSWORD = 'Reviewer-Test-2026';

/**
 * Creates an active admin user with one role and signs it in: a StatDesk role by its code name
 * (e.g. 'Reviewer', shown as 审核员), Strapi's own 'Super Admin' (shown as 系统管理员), or another by its name.
 */
export async function signInAs(cms: TestCms, roleName: string, email: string): Promise<Staff> {
  const role = (await cms.strapi.db.query('admin::role').findOne({
    where: { $or: [{ code: roleName === 'Super Admin' ? superAdminRole.code : adminRoleCode(roleName) }, { name: roleName }] },
  })) as {
    id: number;
  } | null;
  if (!role) throw new Error(`No admin role named ${roleName}`);
  const users = cms.strapi.service('admin::user') as { create(attributes: Record<string, unknown>): Promise<unknown> };
  await users.create({
    email,
    firstname: '测试',
    lastname: roleName,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const token = ((await login.json()) as { data?: { token?: string } }).data?.token;
  if (!token) throw new Error(`Could not sign in as ${email}: ${login.status}`);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${cms.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    email,
    token,
    call,
    async json<T>(method: string, path: string, body?: unknown) {
      const response = await call(method, path, body);
      return { status: response.status, body: (await response.json().catch(() => ({}))) as T };
    },
  };
}

/** Content Manager paths of a collection type and one of its documents. */
export const cmPath = (uid: string, documentId?: string) => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

/** 辖区分配: gives an admin user its region (a GB/T 2260 code), as the system administrator does. */
export const assignRegion = (cms: TestCms, adminEmail: string, regionCode: string) =>
  cms.strapi.documents('api::jurisdiction.jurisdiction').create({ data: { adminEmail, regionCode } as never });
