/**
 * A load from wrk (Debian's package, written in C): the same closed loop as autocannon (each
 * connection sends its next request when the last answer is in), at a small part of the CPU. On
 * two cores shared with the server, autocannon's JavaScript took a core and more, so it measured
 * the client as much as the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptInstall } from '../lib/apt.ts';

const WRK = '/usr/bin/wrk';

export interface WrkLoad {
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Cycled in order, one per request. */
  paths: string[];
}

export interface WrkResult {
  requests: number;
  requestsPerSecond: number;
  /** Answers outside 2xx/3xx, and sockets that failed or timed out. */
  non2xx: number;
  socketErrors: number;
  /** Milliseconds. */
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  /** CPU seconds wrk itself used (user + system). */
  clientCpuSeconds: number;
}

// Requests are formatted once, in init; done() prints one JSON line for the caller to read.
const SCRIPT = `
local requests = {}
local i = 0
function init(args)
  for path in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", path) end
end
function request()
  i = i % #requests + 1
  return requests[i]
end
function done(summary, latency)
  local e = summary.errors
  io.write(string.format('WRK-RESULT {"requests":%d,"us":%d,"non2xx":%d,"socketErrors":%d,"p50":%d,"p97_5":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(97.5), latency:percentile(99), latency.max))
end
`;

export function ensureWrk(): void {
  if (!existsSync(WRK)) aptInstall(['wrk'], 'The gate benchmark');
}

const ms = (us: number) => Math.round(us / 10) / 100;

/** What done() prints: the result's counts, latencies in microseconds, and the run's length. */
type WrkCounts = Omit<WrkResult, 'requestsPerSecond' | 'clientCpuSeconds'> & { us: number };

/** `times` prints the shell's CPU, then its children's, as `XmY.YYYs XmY.YYYs` (user, system). */
function childrenCpuSeconds(out: string): number {
  const last = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(out);
  if (!last) return Number.NaN;
  const [userMin, userSec, sysMin, sysSec] = last.slice(1).map(Number) as [number, number, number, number];
  return userMin * 60 + userSec + sysMin * 60 + sysSec;
}

/** What the script's done() and bash's `times` printed, in milliseconds and CPU seconds. */
export function readWrkOutput(out: string): WrkResult {
  const line = /WRK-RESULT (\{.*\})/.exec(out);
  if (!line?.[1]) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line[1]) as WrkCounts;
  return {
    requests: r.requests,
    requestsPerSecond: Math.round(r.requests / (r.us / 1e6)),
    non2xx: r.non2xx,
    socketErrors: r.socketErrors,
    p50: ms(r.p50),
    p97_5: ms(r.p97_5),
    p99: ms(r.p99),
    max: ms(r.max),
    clientCpuSeconds: childrenCpuSeconds(out),
  };
}

export async function runWrk(url: string, load: WrkLoad): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'statdesk-wrk-'));
  try {
    writeFileSync(join(dir, 'load.lua'), SCRIPT);
    writeFileSync(join(dir, 'paths'), `${load.paths.join('\n')}\n`);
    const headers = Object.entries(load.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const wrk = [WRK, '-t1', `-c${load.connections}`, `-d${load.seconds}s`, '--timeout', '10s', ...headers];
    // bash's `times` prints the CPU its children used: wrk's own cost, read beside the server's.
    const script = '"$@"; s=$?; times; exit $s';
    const child = spawn('bash', ['-c', script, 'wrk', ...wrk, '-s', join(dir, 'load.lua'), url, '--', join(dir, 'paths')]);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) throw new Error(`wrk failed (exit ${code}):\n${out}`);
    return readWrkOutput(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
