import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  to: string[];
  raw: string;
}

/**
 * A local SMTP server on a loopback port that keeps every message it is sent: a free port, or
 * `port` to start one again where a stopped one listened (a mail server coming back); with `dir`,
 * also writes each to `<dir>/<n>.eml`, for tests in other processes (the browser journeys).
 */
export async function startSmtpSink(port = 0, dir?: string): Promise<{ port: number; messages: SinkMessage[]; stop(): Promise<void> }> {
  const messages: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        if (dir) writeFileSync(join(dir, `${messages.length}.eml`), raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Strapi's settings to mail through a sink on `port`; the mail worker looks for due mail every
 * `workerIntervalMs` (0: no worker, the test runs its passes itself).
 */
export const mailSettings = (port: number, workerIntervalMs: number): Record<string, string> => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_FROM: 'data@stats.example',
  MAIL_OUTBOX_INTERVAL_MS: String(workerIntervalMs),
});

/** Takes the mail settings out of process.env again, so the next Strapi of the worker mails nothing. */
export function forgetMailSettings(): void {
  for (const name of Object.keys(mailSettings(0, 0))) delete process.env[name];
}
