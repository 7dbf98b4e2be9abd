import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * User-facing text lives in config/src/i18n/zh-CN.ts and code refers to its keys, so that a second
 * language is one more file. This test finds the next zh-CN literal written into the site or the
 * CMS's server code. Comments may cite seeds in Chinese (STYLE.md); only code is checked.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['site/src', 'cms/src/api', 'cms/src/plugins', 'cms/src/lib', 'cms/src/middlewares'];
const HAN = /\p{Script=Han}/u;

/**
 * Files that may hold Chinese for good. Only .ts, .tsx, .js and .astro are read, so Strapi's
 * schema.json display names (the admin's content-type labels) and the admin UI (cms/src/admin,
 * its own translations) are outside by construction.
 */
const ALLOWED: Record<string, string> = {};

/**
 * Files still waiting for their move, each with why. A file here must still hold a literal (else
 * this test asks for it to leave the list), so the list only shrinks.
 */
const PENDING: Record<string, string> = {};

function listSources(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'admin' ? [] : listSources(path);
    return /\.(ts|tsx|js|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** Lines (1-based, from `firstLine`) of the string, template and JSX text literals in code that hold Chinese. */
function findLiteralsInCode(code: string, firstLine = 1, jsx = false): number[] {
  const file = ts.createSourceFile('x.tsx', code, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (LITERALS.has(node.kind) && HAN.test(node.getText(file)))
      lines.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + firstLine);
    node.forEachChild(visit);
  };
  visit(file);
  return lines;
}

/** An .astro file: its frontmatter is TypeScript; its template's text, attributes and expressions count, its comments do not. */
function findLiteralsInAstro(source: string): number[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const code = frontmatter?.[1] ?? '';
  const templateStart = frontmatter ? frontmatter[0].length : 0;
  const firstTemplateLine = source.slice(0, templateStart).split('\n').length;
  const template = source
    .slice(templateStart)
    .replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line));
  const inTemplate = template.flatMap((line, i) => (HAN.test(line) ? [i + firstTemplateLine] : []));
  return [...findLiteralsInCode(code, 2), ...inTemplate];
}

const findLiterals = (path: string, source: string) =>
  path.endsWith('.astro') ? findLiteralsInAstro(source) : findLiteralsInCode(source, 1, path.endsWith('x'));

describe('words live in config/src/i18n/zh-CN.ts', () => {
  it('finds Chinese in strings, templates, JSX and Astro markup, never in comments', () => {
    expect(findLiteralsInCode(`// 申请须知\nconst a = 'ok';\n/** 填表说明 */\nthrow new Error('请输入手机号码');`)).toEqual([4]);
    expect(findLiteralsInCode('const m = `${label}不能为空`;')).toEqual([1]);
    expect(findLiteralsInCode('const e = <p>提交</p>;', 1, true)).toEqual([1]);
    expect(findLiteralsInAstro(`---\n/** 首页 */\nconst title = '首页';\n---\n<!-- 注释 -->\n<h1>{title}</h1>\n<p>返回首页</p>`)).toEqual([
      3, 7,
    ]);
    expect(findLiteralsInAstro(`---\nconst a = 1;\n---\n<p title="提交">{a}</p>`)).toEqual([4]);
  });

  it('has no zh-CN literal in the site or the CMS server code outside the short lists', () => {
    const files = SCANNED.flatMap((dir) => listSources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((path) => {
      const name = relative(ROOT, path);
      if (name in ALLOWED || name in PENDING) return [];
      return findLiterals(name, readFileSync(path, 'utf8')).map((line) => `${name}:${line}`);
    });
    expect(offenders).toEqual([]);
  });

  it('lists as pending only files that still hold a literal', () => {
    const done = Object.keys(PENDING).filter((name) => {
      try {
        return findLiterals(name, readFileSync(join(ROOT, name), 'utf8')).length === 0;
      } catch {
        return true;
      }
    });
    expect(done).toEqual([]);
  });
});
