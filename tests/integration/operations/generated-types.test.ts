import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../../scripts/lib/paths.ts';

interface TypeGenerators {
  generators: { generate(options: object): Promise<void> };
}

const ARTIFACTS = ['contentTypes.d.ts', 'components.d.ts'];

/**
 * cms/types/generated is committed (as strapi/LaunchPad does) and the code is type-checked against
 * it, so it must be what `strapi ts:generate-types` writes for the content types of today.
 */
describe('the committed generated types', () => {
  it('are what Strapi generates from the content types (npm run generate-types -w cms after a schema change)', async () => {
    const require = createRequire(import.meta.url);
    const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
    const typescriptUtils = require(require.resolve('@strapi/typescript-utils', { paths: [CMS_DIR] })) as TypeGenerators;
    // register() reads the configuration, which insists on a database URL; nothing connects to it.
    process.env.DATABASE_URL ??= 'postgres://typegen@127.0.0.1:1/typegen';
    const strapi = await createStrapi({
      appDir: CMS_DIR,
      distDir: join(CMS_DIR, 'dist'),
      autoReload: false,
      serveAdminPanel: false,
    }).register();
    const out = mkdtempSync(join(tmpdir(), 'statdesk-types-'));
    try {
      await typescriptUtils.generators.generate({
        strapi,
        pwd: out,
        logger: { silent: true },
        artifacts: { contentTypes: true, components: true },
      });
      for (const name of ARTIFACTS) {
        const committed = readFileSync(join(CMS_DIR, 'types/generated', name), 'utf8');
        expect(readFileSync(join(out, 'types/generated', name), 'utf8'), name).toBe(committed);
      }
    } finally {
      await strapi.destroy();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
