import type { Core } from '@strapi/strapi';

/**
 * Strapi's users-permissions plugin lets anyone create an account by default. StatDesk has no
 * public accounts (applicants prove access with a query password), so sign-up stays off
 * (DESIGN.md "Rules that hold everywhere").
 */
export async function closePublicSignUp(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register === false) return;
  await store.set({ value: { ...advanced, allow_register: false } });
}
