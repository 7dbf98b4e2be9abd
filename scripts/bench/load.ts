/**
 * `npm run bench:load`: the whole stack (PostgreSQL, Strapi, the Astro site) under 200 concurrent
 * public users for 60 s (docs/benchmarks.md, "Public load"). Each user is a loop: act, then think
 * for a random, exponentially distributed time. Readers browse the site; applicants submit
 * institutions and data applications; others query their records and upload scans (through the
 * API the site calls).
 * Prints throughput and p50/p95/p99 per route, then reconciles: every 201 has exactly one record
 * and every record had a 201, and no answer was a 5xx. Loopback only, free ports.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sampleAnswers } from '../../config/src/fields/sample.ts';
import { forms } from '../../config/src/forms/index.ts';
import { buildSite } from '../lib/build.ts';
import { findFreePort } from '../lib/ports.ts';
import type { Service } from '../lib/processes.ts';
import { startSite } from '../lib/stack.ts';
import { benchCreditCode, percentile, startBenchStack } from './stack.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** 200 users: who they are and how long each thinks between two actions (mean, seconds). */
const USERS = {
  reader: { count: 150, think: 1 },
  applicant: { count: 25, think: 5 },
  querier: { count: 15, think: 3 },
  uploader: { count: 10, think: 5 },
  /** Applicants downloading their printed form (form.pdf). */
  printer: { count: 10, think: 5 },
  /** Reviewers opening a record on the review desk, now and then its printed form. */
  reviewer: { count: 5, think: 3 },
};
const TARGETS: Record<string, number> = { page: 100, submission: 300, query: 300, pdf: 1000, review: 300 };
const PAGES = [
  '/',
  '/institutions',
  '/institutions/register',
  '/data-applications/new',
  '/query',
  '/outcomes',
  '/statisticians/register',
  '/notices/institution-notice',
];
const PREPARED_APPLICATIONS = 150;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface Sample {
  route: string;
  kind: string;
  ms: number;
  status: number;
}

const samples: Sample[] = [];
const created = { records: [] as string[], attachments: 0 };
let phoneSerial = 0;
const nextPhone = () => `135${String(10_000_000 + phoneSerial++).slice(-8)}`;

async function timed<T>(
  kind: string,
  route: string,
  request: () => Promise<Response>,
  read: (response: Response) => Promise<T>,
): Promise<T | undefined> {
  const started = performance.now();
  try {
    const response = await request();
    const value = await read(response);
    samples.push({ route, kind, ms: performance.now() - started, status: response.status });
    return response.status < 300 ? value : undefined;
  } catch {
    samples.push({ route, kind, ms: performance.now() - started, status: 0 });
    return undefined;
  }
}

const json = (body: unknown, address: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
  body: JSON.stringify(body),
});

/** Valid answers of each form (config's samples), made unique by the applicant's phone. */
const institution = (phone: string) => ({
  ...sampleAnswers(forms.institution),
  fullName: `压力测试大学${phone}`,
  creditCode: benchCreditCode(Number(phone)),
  contactPhone: phone,
});
const dataApplication = (institutionNo: string, phone: string) => ({
  ...sampleAnswers(forms['data-application']),
  institution: institutionNo,
  datasets: ['household-income-living'],
  leaderPhone: phone,
});

interface Submitted {
  applicationNo: string;
  queryPassword: string;
  token: string;
}

async function submit(cms: string, path: string, body: unknown, address: string): Promise<Submitted | undefined> {
  const answer = await timed(
    'submission',
    `POST ${path}`,
    () => fetch(`${cms}${path}`, json(body, address)),
    (r) => r.json() as Promise<Submitted>,
  );
  if (answer?.applicationNo) created.records.push(answer.applicationNo);
  return answer;
}

interface World {
  site: string;
  cms: string;
  adminJwt: string;
  institutionNo: string;
  prepared: Array<Submitted & { phone: string }>;
  until: number;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const think = (meanSeconds: number) => sleep(-Math.log(1 - Math.random()) * meanSeconds * 1000);

const actions: Record<keyof typeof USERS, (world: World, address: string) => Promise<void>> = {
  async reader(world) {
    const page = pick(PAGES);
    await timed(
      'page',
      `GET ${page}`,
      () => fetch(`${world.site}${page}`),
      (r) => r.arrayBuffer(),
    );
  },
  async applicant(world, address) {
    if (Math.random() < 0.5) await submit(world.cms, '/api/public/institutions', institution(nextPhone()), address);
    else await submit(world.cms, '/api/public/data-applications', dataApplication(world.institutionNo, nextPhone()), address);
  },
  async querier(world, address) {
    const record = pick(world.prepared);
    const opened = await timed(
      'query',
      'POST /api/public/query',
      () => fetch(`${world.cms}/api/public/query`, json({ phone: record.phone, password: record.queryPassword }, address)),
      (r) => r.json() as Promise<{ token: string }>,
    );
    if (!opened) return;
    const auth = { headers: { authorization: `Bearer ${opened.token}` } };
    await timed(
      'query',
      'GET /api/public/records',
      () => fetch(`${world.cms}/api/public/records`, auth),
      (r) => r.arrayBuffer(),
    );
  },
  async uploader(world) {
    const record = pick(world.prepared);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '伦理审查.pdf');
    const path = '/api/public/records/:no/attachments';
    const answer = await timed(
      'upload',
      `POST ${path}`,
      () =>
        fetch(`${world.cms}${path.replace(':no', record.applicationNo)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${record.token}` },
          body: form,
        }),
      (r) => r.arrayBuffer(),
    );
    if (answer) created.attachments++;
  },
  async printer(world) {
    const record = pick(world.prepared);
    await timed(
      'pdf',
      'GET /api/public/records/:no/form.pdf',
      () =>
        fetch(`${world.cms}/api/public/records/${record.applicationNo}/form.pdf`, { headers: { authorization: `Bearer ${record.token}` } }),
      (r) => r.arrayBuffer(),
    );
  },
  async reviewer(world) {
    const record = pick(world.prepared);
    const auth = { headers: { authorization: `Bearer ${world.adminJwt}` } };
    await timed(
      'review',
      'GET /review-desk/records/:no',
      () => fetch(`${world.cms}/review-desk/records/${record.applicationNo}`, auth),
      (r) => r.arrayBuffer(),
    );
    if (Math.random() < 0.3)
      await timed(
        'pdf',
        'GET /review-desk/records/:no/form.pdf',
        () => fetch(`${world.cms}/review-desk/records/${record.applicationNo}/form.pdf`, auth),
        (r) => r.arrayBuffer(),
      );
  },
};

async function user(kind: keyof typeof USERS, n: number, world: World): Promise<void> {
  // Each user has an address of its own (the limits are per address, as for real people).
  const address = `198.18.${Math.floor(n / 250)}.${n % 250}`;
  await think(USERS[kind].think);
  while (Date.now() < world.until) {
    await actions[kind](world, address);
    await think(USERS[kind].think);
  }
}

async function prepare(cms: string): Promise<Pick<World, 'institutionNo' | 'prepared'>> {
  const owner = await submit(cms, '/api/public/institutions', institution(nextPhone()), '198.51.100.1');
  if (!owner) throw new Error('Could not create the institution the load applies under');
  const prepared: World['prepared'] = [];
  for (let i = 0; i < PREPARED_APPLICATIONS; i++) {
    const phone = nextPhone();
    const answer = await submit(
      cms,
      '/api/public/data-applications',
      dataApplication(owner.applicationNo, phone),
      `198.51.100.${2 + (i % 200)}`,
    );
    if (answer) prepared.push({ ...answer, phone });
  }
  samples.length = 0;
  return { institutionNo: owner.applicationNo, prepared };
}

/** Every 201 has exactly one record and every record had a 201; every accepted upload is stored. */
async function reconcile(databaseUrl: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ no: string }>(
      'select record_no as no from institutions union all select record_no from data_applications',
    );
    const stored = rows.map((row) => row.no);
    const problems: string[] = [];
    const acknowledged = new Set(created.records);
    if (acknowledged.size !== created.records.length)
      problems.push(`${created.records.length - acknowledged.size} numbers were given out twice`);
    const unacknowledged = stored.filter((no) => !acknowledged.has(no));
    const storedSet = new Set(stored);
    const lost = [...acknowledged].filter((no) => !storedSet.has(no));
    if (unacknowledged.length) problems.push(`${unacknowledged.length} records without a 201`);
    if (lost.length) problems.push(`${lost.length} 201s without a record`);
    if (storedSet.size !== stored.length) problems.push('duplicate record numbers in the database');
    const attachments = (await db.query<{ n: number }>('select count(*)::int as n from attachments')).rows[0]?.n ?? 0;
    if (attachments !== created.attachments) problems.push(`${attachments} attachments stored for ${created.attachments} accepted uploads`);
    return problems;
  } finally {
    await db.end();
  }
}

function report(): void {
  const routes = [...new Set(samples.map((sample) => sample.route))].sort();
  const line = (label: string, of: Sample[]) => {
    const ms = of.map((sample) => sample.ms);
    const fivexx = of.filter((sample) => sample.status >= 500 || sample.status === 0).length;
    const fmt = (p: number) => percentile(ms, p).toFixed(0).padStart(5);
    return `  ${label.padEnd(44)} ${String(of.length).padStart(6)} ${(of.length / SECONDS).toFixed(1).padStart(7)}/s ${fmt(50)} ${fmt(95)} ${fmt(99)} ms   ${fivexx ? `${fivexx} 5xx/errors` : ''}`;
  };
  console.log(
    `\n  ${'route'.padEnd(44)} ${'count'.padStart(6)} ${'rate'.padStart(9)} ${'p50'.padStart(5)} ${'p95'.padStart(5)} ${'p99'.padStart(5)}`,
  );
  for (const route of routes)
    console.log(
      line(
        route,
        samples.filter((sample) => sample.route === route),
      ),
    );
  console.log('');
  const plural: Record<string, string> = {
    page: 'pages',
    submission: 'submissions',
    query: 'queries',
    upload: 'uploads',
    pdf: 'printed forms',
    review: 'review desk',
  };
  for (const kind of Object.keys(plural)) {
    const of = samples.filter((sample) => sample.kind === kind);
    const target = TARGETS[kind];
    const p95 = percentile(
      of.map((sample) => sample.ms),
      95,
    );
    console.log(`${line(`all ${plural[kind]}`, of)}${target ? `  target p95 ≤ ${target} ms: ${p95 <= target ? 'met' : 'MISSED'}` : ''}`);
  }
  const statuses = new Map<number, number>();
  for (const sample of samples) statuses.set(sample.status, (statuses.get(sample.status) ?? 0) + 1);
  console.log(
    `\n  answers by status: ${[...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status || 'network error'}: ${n}`)
      .join(', ')}`,
  );
}

async function main(): Promise<void> {
  await buildSite();
  const stack = await startBenchStack();
  let site: Service | undefined;
  try {
    const sitePort = await findFreePort();
    site = await startSite({ port: sitePort, cmsUrl: stack.base });
    console.log(`Preparing ${PREPARED_APPLICATIONS} data applications to query and upload to …`);
    const world: World = {
      site: `http://127.0.0.1:${sitePort}`,
      cms: stack.base,
      adminJwt: stack.adminJwt,
      ...(await prepare(stack.base)),
      until: Date.now() + SECONDS * 1000,
    };
    const total = Object.values(USERS).reduce((sum, group) => sum + group.count, 0);
    console.log(`Running ${total} users for ${SECONDS} s …`);
    let n = 0;
    const users = Object.entries(USERS).flatMap(([kind, group]) =>
      Array.from({ length: group.count }, () => user(kind as keyof typeof USERS, n++, world)),
    );
    await Promise.all(users);
    console.log(`\nload benchmark: ${total} users for ${SECONDS} s, site + Strapi + PostgreSQL and the client on this machine's 2 cores`);
    console.log(
      `  users: ${Object.entries(USERS)
        .map(([kind, group]) => `${group.count} ${kind}s (think ${group.think} s)`)
        .join(', ')}`,
    );
    report();
    const problems = await reconcile(stack.databaseUrl);
    const fivexx = samples.filter((sample) => sample.status >= 500 || sample.status === 0).length;
    console.log(
      `  reconciliation: ${created.records.length} acknowledged records, ${created.attachments} accepted uploads; ${problems.length ? problems.join('; ') : 'every 201 has exactly one record and every record had a 201'}`,
    );
    console.log(`  5xx and network errors: ${fivexx}`);
    if (problems.length || fivexx) process.exitCode = 1;
  } finally {
    await site?.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
