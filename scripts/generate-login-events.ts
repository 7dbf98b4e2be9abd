/**
 * Writes a deterministic synthetic direct-reporting dataset (docs/benchmarks.md):
 *   node scripts/generate-login-events.ts --enterprises 1000 --events 20000 --seed 1 \
 *     --period 2026-10 --out events.ndjson --enterprises-out enterprises.json
 * Events go to --out (NDJSON, ready for POST /api/direct-report/login-events) or to stdout.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDataset } from '../config/src/direct-report/synthetic.ts';
import type { ReportingPeriod } from '../config/src/direct-report/types.ts';

/** The reporting window of a period code: the 1st–10th of the month after it, Beijing time. */
export function windowOf(code: string): ReportingPeriod {
  const match = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(code);
  if (!match) throw new Error(`Unknown period code ${code} (use 2026-10 or 2026-Q3)`);
  const year = Number(match[1]);
  const lastMonth = match[2] ? Number(match[2]) : Number(match[3]) * 3;
  const opens = new Date(Date.UTC(year, lastMonth, 1) - 8 * 3_600_000);
  return { code, type: match[2] ? 'monthly' : 'quarterly', opensAt: opens, closesAt: new Date(opens.getTime() + 10 * 86_400_000) };
}

export async function writeEvents(stream: NodeJS.WritableStream, events: Iterable<object>): Promise<number> {
  let count = 0;
  for (const event of events) {
    if (!stream.write(`${JSON.stringify(event)}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
    count++;
  }
  return count;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      enterprises: { type: 'string', default: '1000' },
      events: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      period: { type: 'string', default: '2026-10' },
      out: { type: 'string' },
      'enterprises-out': { type: 'string' },
    },
  });
  const period = windowOf(values.period);
  const data = generateDataset({
    seed: Number(values.seed),
    enterprises: Number(values.enterprises),
    events: Number(values.events),
    period,
  });
  if (values['enterprises-out']) writeFileSync(values['enterprises-out'], JSON.stringify(data.enterprises));
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const count = await writeEvents(out, data.events());
  if (values.out) out.end();
  console.error(`${count} events, ${data.enterprises.length} enterprises, ${data.delegations.length} delegations (period ${period.code})`);
}
