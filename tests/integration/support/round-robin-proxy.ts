import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream has answered, by its URL. */
  served: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A load balancer in miniature, as nginx's `upstream` would be in front of two Strapi machines:
 * each request goes to the next upstream in turn, with the client's address in X-Forwarded-For.
 */
export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const served = new Map(upstreams.map((upstream) => [upstream, 0]));
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const upstream = upstreams[next++ % upstreams.length] as string;
    served.set(upstream, (served.get(upstream) ?? 0) + 1);
    const headers = { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '' };
    const forwarded = request(`${upstream}${incoming.url}`, { method: incoming.method, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
