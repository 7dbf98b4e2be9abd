import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { cmsUrl, signInToAdmin } from './support/journey.ts';
import { adminJwt, inviteStaff } from './support/staff.ts';

const EDITOR = { email: 'li.editor@e2e.example', password: 'Editor-2026-e2e', firstname: '编辑', lastname: '李' };

/** What an attacker's page does with a signed-in admin's refresh cookie (same origin as the admin). */
const STEAL = `(async () => {
  const refreshed = await fetch('/admin/access-token', { method: 'POST', credentials: 'include' });
  const token = (await refreshed.json()).data?.token;
  const me = await fetch('/admin/users/me', { headers: { authorization: 'Bearer ' + token } });
  document.title = 'stolen ' + JSON.stringify((await me.json()).data?.email);
})();`;
const pageLoading = (scriptUrl: string) => `<!doctype html><title>notice</title><script src="${scriptUrl}"></script>`;

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(cmsUrl(path), {
    ...init,
    headers: {
      ...(typeof init.body === 'string' && { 'content-type': 'application/json' }),
      ...(init.token && { authorization: `Bearer ${init.token}` }),
    },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The super admin invites a Content editor (a role that may upload media), who sets a password and signs in. */
async function signInContentEditor(): Promise<string> {
  await inviteStaff('Content editor', EDITOR);
  return adminJwt(EDITOR.email, EDITOR.password);
}

/** Uploads one file to the media library as the editor; its URL, or undefined when refused. */
async function uploadAsEditor(token: string, content: string, name: string, type: string): Promise<string | undefined> {
  const form = new FormData();
  form.append('files', new Blob([content], { type }), name);
  const { status, body } = await api<Array<{ url: string }>>('/upload', { method: 'POST', token, body: form });
  return status === 201 ? body[0]?.url : undefined;
}

/** The attacker's page and script: uploaded by the editor if the media library takes them, else put in the folder as a legacy file. */
async function plantAttack(editorToken: string): Promise<string> {
  const scriptUrl = await uploadAsEditor(editorToken, STEAL, 'notice.js', 'text/javascript');
  const pageUrl = scriptUrl && (await uploadAsEditor(editorToken, pageLoading(scriptUrl), 'notice.html', 'text/html'));
  if (pageUrl) return pageUrl;
  const uploads = join(inject('publicDir'), 'uploads');
  writeFileSync(join(uploads, 'legacy-notice.js'), STEAL);
  writeFileSync(join(uploads, 'legacy-notice.html'), pageLoading('/uploads/legacy-notice.js'));
  return '/uploads/legacy-notice.html';
}

describe('a page in the media library opened by a signed-in super admin', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs no script: no access token and no users/me are fetched with the admin cookie', async () => {
    const editorToken = await signInContentEditor();
    const attackUrl = await plantAttack(editorToken);
    const admin = await signInToAdmin(browser);
    const attack = await admin.context().newPage();
    const calls: string[] = [];
    attack.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/admin/')) calls.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    // A download (Content-Disposition: attachment) aborts the navigation; that is one of the protections.
    await attack.goto(cmsUrl(attackUrl)).catch(() => undefined);
    await attack.waitForTimeout(1500);
    expect(calls).toEqual([]);
    expect(await attack.title().catch(() => '')).not.toContain('stolen');
  });
});
