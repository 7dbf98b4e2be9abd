import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from './support/strapi.ts';

describe('GET /api/health', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await bootCms('health');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers without credentials that Strapi and its PostgreSQL database are up', async () => {
    const response = await fetch(`${cms.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('runs on PostgreSQL, in the database made for this test', async () => {
    const result = await cms.strapi.db.connection.raw('select current_database() as name, version() as version');
    expect(result.rows[0].name).toBe(new URL(cms.databaseUrl).pathname.slice(1));
    expect(result.rows[0].version).toMatch(/^PostgreSQL 18/);
  });

  it('keeps public sign-up closed', async () => {
    const response = await fetch(`${cms.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'someone', email: 'someone@example.com', password: 'Password123' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
