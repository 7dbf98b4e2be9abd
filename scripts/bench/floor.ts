/**
 * What this machine allows at all: a bare `node:http` server in its own process answering one
 * fixed JSON body, loaded by the same autocannon client. Benchmarks print their figures beside
 * it, so that a latency target can be read against what Node itself reaches on these two cores.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import autocannon from 'autocannon';

export interface Floor {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

function serve(): void {
  const body = JSON.stringify({ allowed: true, registeredStatisticians: 3, message: '本企业已有注册登记的统计人员。' });
  const head = ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(body))];
  const server = createServer((_req, res) => {
    res.writeHead(200, head);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
}

export async function measureFloor(connections: number, seconds: number): Promise<Floor> {
  const child = fork(import.meta.filename, ['serve'], { stdio: 'ignore' });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve(Number(message))));
    const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections, duration: seconds });
    return { requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    child.kill();
  }
}

if (process.argv[2] === 'serve') serve();
