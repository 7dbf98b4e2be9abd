import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../support/strapi.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Hosts of every HTTP request this process starts, through fetch (undici) or node:http(s). */
function recordOutboundHosts() {
  const hosts: string[] = [];
  const onFetch = (message: unknown) => {
    hosts.push(new URL((message as { request: { origin: string } }).request.origin).hostname);
  };
  const onHttp = (message: unknown) => {
    const request = (message as { request: { host?: string; getHeader(name: string): unknown } }).request;
    hosts.push(String(request.host ?? request.getHeader('host') ?? '').replace(/:\d+$/, ''));
  };
  subscribe('undici:request:create', onFetch);
  subscribe('http.client.request.start', onHttp);
  return {
    hosts,
    stop() {
      unsubscribe('undici:request:create', onFetch);
      unsubscribe('http.client.request.start', onHttp);
    },
  };
}

/** A government network makes no outbound calls: Strapi's telemetry, update check and AI are off. */
describe('outbound calls from the CMS', () => {
  let cms: TestCms;
  let recorder: ReturnType<typeof recordOutboundHosts>;

  beforeAll(async () => {
    recorder = recordOutboundHosts();
    cms = await bootCms('no_outbound');
    await fetch(`${cms.url}/api/health`);
    // The update check starts without being awaited during boot; give it time to go out.
    await sleep(3000);
  });
  afterAll(async () => {
    recorder?.stop();
    await cms?.stop();
  });

  it('calls no host outside this machine while starting and answering', () => {
    expect(recorder.hosts.filter((host) => !LOOPBACK.has(host))).toEqual([]);
  });

  it('has telemetry, the update check and Strapi AI turned off in its settings', () => {
    expect(cms.strapi.telemetry.isDisabled).toBe(true);
    expect(cms.strapi.config.get('server.logger.updates.enabled')).toBe(false);
    expect(cms.strapi.config.get('admin.ai.enabled')).toBe(false);
  });
});
