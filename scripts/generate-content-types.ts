/**
 * Writes the Strapi schema of each submission type from its form in config/, so that a field
 * added to a form is stored without a second edit. `npm run generate` after changing a form;
 * a unit test fails while the files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { submissionContentTypes } from './lib/content-types.ts';
import { ROOT } from './lib/paths.ts';

for (const { path, json } of submissionContentTypes()) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), json);
  console.log(`wrote ${path}`);
}
