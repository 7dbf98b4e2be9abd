/**
 * What this machine allows at all: a bare `node:http` server in its own process answering one
 * fixed response, loaded by the same client (wrk) with the same requests. Benchmarks print
 * their figures beside it, so that a latency target can be read against what Node itself reaches
 * on these two cores.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { runWrk, type WrkLoad, type WrkResult } from './wrk.ts';

/** A response to replay: the head as [name, value] pairs and the body. */
export interface FixedAnswer {
  head: Array<[string, string]>;
  body: string;
}

function serve(answer: FixedAnswer): void {
  const head = answer.head.flat();
  const server = createServer((_req, res) => {
    res.sendDate = false;
    res.writeHead(200, head);
    res.end(answer.body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
}

/**
 * Replays `answer` (the very bytes the server under test sent, so that neither side parses or
 * writes less than it did) to the same load.
 */
export async function measureFloor(answer: FixedAnswer, load: WrkLoad): Promise<WrkResult> {
  const child = fork(import.meta.filename, ['serve'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  try {
    child.send(answer);
    const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve(Number(message))));
    return await runWrk(`http://127.0.0.1:${port}`, load);
  } finally {
    child.kill();
  }
}

/** What the server under test answers to one request, as a FixedAnswer. */
export async function answerOf(url: string, headers: Record<string, string>): Promise<FixedAnswer> {
  const response = await fetch(url, { headers });
  // fetch adds no header of its own to a response; date is left out as the gate leaves it out.
  const head = [...response.headers].filter(([name]) => name !== 'date' && name !== 'connection' && name !== 'keep-alive');
  return { head, body: await response.text() };
}

if (process.argv[2] === 'serve') process.once('message', (answer) => serve(answer as FixedAnswer));
