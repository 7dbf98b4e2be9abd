/**
 * `npm run bench:pdf`: the printed form (`form.pdf`) as an applicant downloads it, against its
 * targets (p50 ≤ 0.3 s warm; p95 ≤ 1 s with 20 people printing at once), beside a floor measured
 * in the same run: a bare Chromium print of the very same HTML, with nothing of StatDesk around
 * it: form.html as served, the template's HTML naming the system's CJK font, without the per-form
 * font subset StatDesk's printer embeds (cms/src/lib/pdf-fonts.ts). Also splits the first print's
 * time (browser start, first page, first CJK page) to show where it goes (docs/benchmarks.md).
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../config/src/chromium.ts';
import { sampleAnswers } from '../../config/src/fields/sample.ts';
import { forms } from '../../config/src/forms/index.ts';
import { benchCreditCode, percentile, startBenchStack } from './stack.ts';

const CONCURRENT = 20;
const SERIAL = Number(process.env.PDF_BENCH_SERIAL ?? 10);
const TARGETS = { warmP50: 300, concurrentP95: 1000 };
const PRINT = { format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } } as const;

interface Record {
  applicationNo: string;
  token: string;
}

let serial = 0;
async function submitInstitution(base: string): Promise<Record> {
  const phone = `137${String(10_000_000 + serial++).slice(-8)}`;
  const body = {
    ...sampleAnswers(forms.institution),
    fullName: `打印测试大学${phone}`,
    creditCode: benchCreditCode(serial),
    contactPhone: phone,
  };
  const response = await fetch(`${base}/api/public/institutions`, {
    method: 'POST',
    // Each its own address, so the submission limit per address does not stop the set-up.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${serial % 250}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`Submission failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record;
}

async function timedDownload(base: string, record: Record, format: 'pdf' | 'html' = 'pdf'): Promise<{ ms: number; body: Buffer }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/public/records/${record.applicationNo}/form.${format}`, {
    headers: { authorization: `Bearer ${record.token}` },
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`form.${format} answered ${response.status}: ${body.toString().slice(0, 200)}`);
  return { ms: performance.now() - started, body };
}

const timeIt = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

interface Figures {
  cold: number;
  warm: number[];
  concurrent: number[];
  concurrentSeconds: number;
}

/** StatDesk over HTTP: first print after start, fresh records one by one, then 20 at once. */
async function measureStatDesk(
  base: string,
  records: Record[],
): Promise<Figures & { cached: number[]; cachedConcurrent: number[]; bytes: number }> {
  const [first, ...rest] = records;
  if (!first) throw new Error('no records');
  const coldDownload = await timedDownload(base, first);
  const cold = coldDownload.ms;
  const serialRecords = rest.slice(0, SERIAL);
  const warm: number[] = [];
  for (const record of serialRecords) warm.push((await timedDownload(base, record)).ms);
  const cached: number[] = [];
  for (const record of serialRecords) cached.push((await timedDownload(base, record)).ms);
  const burst = rest.slice(SERIAL, SERIAL + CONCURRENT);
  const started = performance.now();
  const concurrent = await Promise.all(burst.map(async (record) => (await timedDownload(base, record)).ms));
  const concurrentSeconds = (performance.now() - started) / 1000;
  const cachedConcurrent = await Promise.all(burst.map(async (record) => (await timedDownload(base, record)).ms));
  return { cold, warm, cached, concurrent, concurrentSeconds, cachedConcurrent, bytes: coldDownload.body.length };
}

/**
 * The floor: the same HTML printed by a bare Chromium (same flags, same paper), a new page per
 * print as the simplest script would. The first prints are split to show where their time goes.
 */
async function measureFloor(html: string): Promise<Figures & { launch: number; firstAscii: number; firstCjk: number }> {
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const launch = await timeIt(async () => {
    browser = await chromium.launch({
      // The printer's own flags (config/src/chromium.ts), so the floor differs only by StatDesk.
      executablePath: process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    });
  });
  if (!browser) throw new Error('no browser');
  const open = browser;
  const printOn = async (page: Page, content: string) => {
    await page.setContent(content, { waitUntil: 'load' });
    await page.pdf(PRINT);
  };
  const printOnce = async (content: string) => {
    const page = await open.newPage();
    try {
      await printOn(page, content);
    } finally {
      await page.close();
    }
  };
  try {
    const firstAscii = await timeIt(() => printOnce('<p style="font-family:sans-serif">Application form</p>'));
    const firstCjk = await timeIt(() => printOnce(html));
    const warm: number[] = [];
    for (let i = 0; i < SERIAL; i++) warm.push(await timeIt(() => printOnce(html)));
    const started = performance.now();
    const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, () => timeIt(() => printOnce(html))));
    const concurrentSeconds = (performance.now() - started) / 1000;
    return { launch, firstAscii, firstCjk, cold: launch + firstAscii + firstCjk, warm, concurrent, concurrentSeconds };
  } finally {
    await open.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(2)}× floor` : '');
const verdict = (value: number, target: number) => (value <= target ? 'meets' : 'MISSES');

const stack = await startBenchStack();
try {
  const records: Record[] = [];
  for (let i = 0; i < 1 + SERIAL + CONCURRENT; i++) records.push(await submitInstitution(stack.base));
  const statdesk = await measureStatDesk(stack.base, records);
  const html = (await timedDownload(stack.base, records[0] as Record, 'html')).body.toString('utf8');
  const floor = await measureFloor(html);
  const p = (xs: number[], n: number) => percentile(xs, n);
  const rows: Array<[string, string, string, string]> = [
    ['first print after start (cold)', ms(statdesk.cold), ms(floor.cold), ratio(statdesk.cold, floor.cold)],
    ['one at a time, p50 (new record)', ms(p(statdesk.warm, 50)), ms(p(floor.warm, 50)), ratio(p(statdesk.warm, 50), p(floor.warm, 50))],
    ['one at a time, p95 (new record)', ms(p(statdesk.warm, 95)), ms(p(floor.warm, 95)), ratio(p(statdesk.warm, 95), p(floor.warm, 95))],
    ['second download, p50 (stored copy)', ms(p(statdesk.cached, 50)), '', ''],
    [
      `${CONCURRENT} at once, p50`,
      ms(p(statdesk.concurrent, 50)),
      ms(p(floor.concurrent, 50)),
      ratio(p(statdesk.concurrent, 50), p(floor.concurrent, 50)),
    ],
    [
      `${CONCURRENT} at once, p95`,
      ms(p(statdesk.concurrent, 95)),
      ms(p(floor.concurrent, 95)),
      ratio(p(statdesk.concurrent, 95), p(floor.concurrent, 95)),
    ],
    [
      `${CONCURRENT} at once, pages/s`,
      (CONCURRENT / statdesk.concurrentSeconds).toFixed(1),
      (CONCURRENT / floor.concurrentSeconds).toFixed(1),
      '',
    ],
    [`${CONCURRENT} at once, stored copies, p95`, ms(p(statdesk.cachedConcurrent, 95)), '', ''],
  ];
  console.log(
    `\nPrinted form (form.pdf of an institution registration), ${new Date().toISOString()}, PDF_PAGES=${process.env.PDF_PAGES ?? 'default'}`,
  );
  console.log('| measure | StatDesk | bare Chromium (floor) | ratio |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const warmP50 = Math.min(p(statdesk.warm, 50), p(statdesk.cached, 50));
  console.log(
    `\nTarget warm p50 ≤ ${TARGETS.warmP50} ms: new record ${ms(p(statdesk.warm, 50))}, stored copy ${ms(p(statdesk.cached, 50))} → ${verdict(warmP50, TARGETS.warmP50)}`,
  );
  console.log(
    `Target p95 ≤ ${TARGETS.concurrentP95} ms with ${CONCURRENT} at once: ${ms(p(statdesk.concurrent, 95))} printing anew → ${verdict(p(statdesk.concurrent, 95), TARGETS.concurrentP95)}`,
  );
  console.log(
    `\nWhere the first print's time goes (bare Chromium): browser start ${ms(floor.launch)}, first page (Latin text) ${ms(floor.firstAscii)}, first CJK form ${ms(floor.firstCjk)}, later CJK forms p50 ${ms(p(floor.warm, 50))}; one form is ${(statdesk.bytes / 1024).toFixed(0)} KB.`,
  );
} finally {
  await stack.stop();
}
