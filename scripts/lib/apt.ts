import { execFileSync } from 'node:child_process';

/**
 * Installs Debian packages the project needs and a fresh machine lacks (nothing else downloads
 * here, DESIGN.md): with apt-get when running as root; otherwise throws saying what to install.
 */
export function aptInstall(missing: string[], neededFor: string): void {
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${neededFor} need ${missing.join(' and ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`Installing ${missing.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
