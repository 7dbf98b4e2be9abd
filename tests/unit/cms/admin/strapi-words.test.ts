import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

/**
 * The admin loads only zh-Hans (cms/src/admin/chinese-interface.ts): every message of Strapi's
 * admin and of its admin plugins must have Chinese, from Strapi's zh-Hans or from ours
 * (cms/src/admin/translations/strapi/<plugin id>.json and zh-Hans.json), or the page shows
 * English and logs MISSING_TRANSLATION.
 */
const cms = join(import.meta.dirname, '../../../../cms');
const ours = join(cms, 'src/admin/translations');
const requireFromCms = createRequire(join(cms, 'package.json'));

interface Package {
  /** The id Strapi prefixes the plugin's keys with ('' for the admin's own). */
  prefix: string;
  translations: string;
}

const packageDir = (name: string) => dirname(requireFromCms.resolve(`${name}/package.json`));

/** The admin, the plugins @strapi/strapi renders it with, and the plugins cms/package.json adds. */
function adminPackages(): Map<string, Package> {
  const strapiAdmin = readFileSync(join(packageDir('@strapi/strapi'), 'dist/admin.mjs'), 'utf8');
  const bundled = [...strapiAdmin.matchAll(/from '(@strapi\/[^/']+)\/strapi-admin'/g)].map((m) => m[1] as string);
  const added = Object.keys(JSON.parse(readFileSync(join(cms, 'package.json'), 'utf8')).dependencies).filter((name) =>
    name.startsWith('@strapi/plugin-'),
  );
  const packages = new Map<string, Package>([
    ['admin', { prefix: '', translations: join(packageDir('@strapi/admin'), 'dist/admin/admin/src/translations') }],
  ]);
  for (const name of [...bundled.filter((n) => n !== '@strapi/admin'), ...added]) {
    const dir = packageDir(name);
    const id = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).strapi.name as string;
    packages.set(id, { prefix: `${id}.`, translations: join(dir, 'dist/admin/translations') });
  }
  return packages;
}

async function strapiMessages(pkg: Package, locale: string): Promise<Record<string, string>> {
  const file = join(pkg.translations, `${locale}.json.mjs`);
  const exists = readdirSync(pkg.translations).includes(`${locale}.json.mjs`);
  return exists ? ((await import(pathToFileURL(file).href)).default as Record<string, string>) : {};
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
const ourFill = (id: string): Record<string, string> => {
  const files = readdirSync(join(ours, 'strapi'));
  return files.includes(`${id}.json`) ? readJson(join(ours, 'strapi', `${id}.json`)) : {};
};
const ourWords = readJson(join(ours, 'zh-Hans.json'));

/** The argument names and rich-text tags of an ICU message, nested ones included. */
function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.select || element.type === TYPE.plural)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  // A few English messages hold text like <no-reply@example.com>, which is no tag.
  const parseAs = (ignoreTag: boolean) => parse(message, { ignoreTag, requiresOtherClause: false });
  let elements: MessageFormatElement[];
  try {
    elements = parseAs(false);
  } catch {
    elements = parseAs(true);
  }
  walk(elements);
  return [...names].sort();
}

const packages = adminPackages();
const loaded = await Promise.all(
  [...packages].map(async ([id, pkg]) => ({
    id,
    pkg,
    en: await strapiMessages(pkg, 'en'),
    zh: await strapiMessages(pkg, 'zh-Hans'),
    fill: ourFill(id),
  })),
);

describe("the admin's Chinese", () => {
  it('covers the admin and every admin plugin Strapi renders', () => {
    expect([...packages.keys()].sort()).toEqual(
      expect.arrayContaining(['admin', 'content-manager', 'upload', 'i18n', 'email', 'users-permissions', 'content-releases']),
    );
  });

  it('has Chinese for every English message of them, from Strapi or from us', () => {
    const missing = loaded.flatMap(({ pkg, en, zh, fill }) =>
      Object.keys(en)
        .filter((key) => !(key in zh) && !(key in fill) && !(`${pkg.prefix}${key}` in ourWords))
        .map((key) => `${pkg.prefix}${key}: ${en[key]}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the placeholders and tags of the English in our words', () => {
    const differing = loaded.flatMap(({ pkg, en, fill }) => {
      const ourOnes = {
        ...fill,
        ...Object.fromEntries(
          Object.entries(ourWords)
            .filter(([key]) => key.startsWith(pkg.prefix) && key.slice(pkg.prefix.length) in en)
            .map(([key, text]) => [key.slice(pkg.prefix.length), text]),
        ),
      };
      return Object.entries(ourOnes)
        .filter(([key, text]) => key in en && placeholdersOf(text).join() !== placeholdersOf(en[key] as string).join())
        .map(([key, text]) => `${pkg.prefix}${key}: ${text} ≠ ${en[key]}`);
    });
    expect(differing).toEqual([]);
  });

  it('translates only messages Strapi has, in files named by an admin plugin', () => {
    const stale = readdirSync(join(ours, 'strapi')).flatMap((file) => {
      const id = file.replace(/\.json$/, '');
      const found = loaded.find((p) => p.id === id);
      if (!found) return [`${file}: no admin plugin ${id}`];
      return Object.keys(found.fill)
        .filter((key) => !(key in found.en))
        .map((key) => `${id}.json: ${key}`);
    });
    expect(stale).toEqual([]);
  });

  it('never names Strapi in what staff read', () => {
    const branded = loaded.flatMap(({ pkg, en, zh, fill }) =>
      Object.keys(en)
        .map((key) => [key, ourWords[`${pkg.prefix}${key}`] ?? fill[key] ?? zh[key] ?? ''] as const)
        .filter(([, text]) => /strapi/i.test(text))
        .map(([key, text]) => `${pkg.prefix}${key}: ${text}`),
    );
    expect(branded).toEqual([]);
  });
});
