import type { Service } from './processes.ts';

export interface Supervised {
  /** How many times the service was started again after it stopped on its own. */
  restarts(): number;
  /** Resolves once a restart after the latest unexpected exit has completed. */
  running(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a service and starts it again whenever it stops on its own, as systemd's
 * `Restart=always` does in production (docs/deploy.md). Strapi can die when PostgreSQL restarts
 * under load (a connection error escapes the pg driver, see tests/e2e/survive-faults.test.ts);
 * nothing acknowledged is lost, so starting it again is the recovery. Waits a second between
 * attempts and keeps trying until stopped.
 */
export async function supervise(start: () => Promise<Service>, log: (line: string) => void = console.error): Promise<Supervised> {
  let stopping = false;
  let count = 0;
  let current = await start();
  let ready: Promise<void> = Promise.resolve();

  const restartLoop = async (): Promise<void> => {
    while (!stopping) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (stopping) return;
      try {
        current = await start();
        count++;
        watch();
        return;
      } catch (error) {
        log(`could not start it again yet: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      }
    }
  };
  const watch = () => {
    const service = current;
    service.child.once('exit', (code, signal) => {
      if (stopping) return;
      log(
        `${service.name} stopped unexpectedly (${signal ?? `exit ${code}`}); starting it again.\n${service.recentOutput().slice(-2_000)}`,
      );
      ready = restartLoop();
    });
  };
  watch();
  return {
    restarts: () => count,
    running: () => ready,
    async stop() {
      stopping = true;
      await ready.catch(() => {});
      await current.stop();
    },
  };
}
