import { inject } from 'vitest';
import { adminRoleCode } from '../../../config/src/admin/roles.ts';
import { cmsUrl } from './journey.ts';

export interface StaffUser {
  email: string;
  password: string;
}

async function adminApi<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(cmsUrl(path), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * The super admin invites a member of staff with one StatDesk role (by its code name, e.g.
 * 'County bureau'), who then sets a password, as in Settings → Users.
 */
export async function inviteStaff(roleName: string, user: StaffUser, name: { firstname: string; lastname: string }): Promise<void> {
  const login = await adminApi<{ data: { token: string } }>('/admin/login', {
    method: 'POST',
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  const token = login.data.token;
  const roles = await adminApi<{ data: Array<{ id: number; code: string }> }>('/admin/roles', { token });
  const role = roles.data.find((candidate) => candidate.code === adminRoleCode(roleName));
  if (!role) throw new Error(`No admin role ${roleName}`);
  const invited = await adminApi<{ data: { registrationToken: string } }>('/admin/users', {
    method: 'POST',
    token,
    body: JSON.stringify({ ...name, email: user.email, roles: [role.id] }),
  });
  await adminApi('/admin/register', {
    method: 'POST',
    body: JSON.stringify({ registrationToken: invited.data.registrationToken, userInfo: { ...name, password: user.password } }),
  });
}
