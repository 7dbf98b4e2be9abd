import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import { buildConfig } from '../../../scripts/lib/build.ts';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';
import { startTestPostgres } from '../../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of the test PostgreSQL server without a database name. */
    postgresBaseUrl: string;
  }
}

/** Compiles Strapi once for all integration files and starts the PostgreSQL they share. */
export default async function setup(project: TestProject) {
  await buildConfig();
  // Strapi's ESM build fails on a directory import; its CommonJS build loads fine (DESIGN.md).
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
  const postgres = await startTestPostgres();
  project.provide('postgresBaseUrl', postgres.urlFor('').replace(/\/$/, ''));
  return () => postgres.stop();
}
