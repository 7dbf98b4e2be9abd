import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const CONFIG = join(ROOT, 'config');
const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](astro(?:[:/][^'"]*)?|@astrojs\/[^'"]*|@strapi\/[^'"]*)['"]/g;

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|mts|cts|js|mjs|json|hbs)$/.test(entry.name) ? [path] : [];
  });
}

function findFrameworkImports(source: string): string[] {
  return [...source.matchAll(FORBIDDEN)].map((match) => match[1] ?? '');
}

describe('config/ is framework-free', () => {
  it('finds the kinds of import the rule forbids', () => {
    expect(findFrameworkImports(`import { defineConfig } from 'astro/config';`)).toEqual(['astro/config']);
    expect(findFrameworkImports(`const s = require("@strapi/strapi");`)).toEqual(['@strapi/strapi']);
    expect(findFrameworkImports(`const m = await import('astro:actions');`)).toEqual(['astro:actions']);
    expect(findFrameworkImports(`import { z } from 'zod';`)).toEqual([]);
  });

  it('imports neither astro nor @strapi/* in any file under config/', () => {
    const offenders = listSources(CONFIG).flatMap((file) =>
      findFrameworkImports(readFileSync(file, 'utf8')).map((name) => `${relative(ROOT, file)} imports ${name}`),
    );
    expect(listSources(CONFIG).length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('declares no framework among its dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(CONFIG, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
    expect(names.filter((n) => n === 'astro' || n.startsWith('@astrojs/') || n.startsWith('@strapi/'))).toEqual([]);
  });
});
