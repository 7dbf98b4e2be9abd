import { execFileSync } from 'node:child_process';

/** How packages get installed: the real apt-get, or a stand-in that records what it was asked (unit tests). */
export interface Apt {
  isRoot(): boolean;
  /** Runs apt-get with these arguments; throws when it fails. */
  run(args: string[]): void;
}

export const systemApt: Apt = {
  isRoot: () => process.getuid?.() === 0,
  run: (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
};

/** The one line that tells a person without root what to run. */
export const aptInstruction = (missing: string[]) => `sudo apt-get install -y ${missing.join(' ')}`;

/**
 * Installs Debian packages the project needs and a fresh machine lacks (nothing else downloads
 * here, DESIGN.md): with apt-get when running as root; otherwise throws saying what to install.
 */
export function aptInstall(missing: string[], neededFor: string, apt: Apt = systemApt): void {
  if (missing.length === 0) return;
  if (!apt.isRoot()) throw new Error(`${neededFor} need ${missing.join(' and ')}. Install with: ${aptInstruction(missing)}`);
  console.log(`Installing ${missing.join(' ')} with apt-get …`);
  apt.run(['update', '-qq']);
  apt.run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}
