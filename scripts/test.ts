/**
 * `npm test`: lint, types, then every test layer (unit, integration on real PostgreSQL, browser).
 * `node scripts/test.ts e2e` runs one layer. Ends with a plain "N passed, N failed" line.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowserDependencies } from './lib/browser-deps.ts';
import { buildConfig } from './lib/build.ts';
import { ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';

const BIN = join(ROOT, 'node_modules', '.bin');
const projects = process.argv.slice(2);
const runsAll = projects.length === 0;
const report = join(ROOT, '.tmp', 'vitest-report.json');

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  success: boolean;
}

async function main(): Promise<void> {
  // The API prints PDFs with Chromium too, so integration tests need the browser as well.
  if (runsAll || projects.some((p) => p === 'e2e' || p === 'integration')) ensureBrowserDependencies();
  await buildConfig();
  if (runsAll) {
    console.log('\n▶ lint');
    await run(join(BIN, 'biome'), ['check', '.'], { cwd: ROOT });
    console.log('\n▶ typecheck');
    await run('npm', ['run', 'typecheck', '--silent'], { cwd: ROOT });
  }
  rmSync(report, { force: true });
  const selected = projects.flatMap((name) => ['--project', name]);
  let failure: unknown;
  try {
    await run(join(BIN, 'vitest'), ['run', ...selected, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: ROOT,
    });
  } catch (error) {
    failure = error;
  }
  try {
    const counts = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    console.log(`\n${counts.numPassedTests} passed, ${counts.numFailedTests} failed, ${counts.numPendingTests} skipped`);
    // Belt and braces: a dependency's exit hook once turned a failing run's exit code into 0.
    if (counts.numFailedTests > 0 || !counts.success) failure ??= new Error(`${counts.numFailedTests} tests failed`);
  } catch (error) {
    failure ??= new Error(`No test report was written (${error instanceof Error ? error.message : error})`);
  }
  if (failure) throw failure;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
