import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Blob, Face, Font, Buffer as ShapingBuffer, shape } from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';

interface SourceFace {
  weight: number;
  font: Buffer;
}
type LoadedWeight = unknown;
interface PdfFontsModule {
  TEMPLATE_FAMILY: string;
  faceOfCollection(file: Buffer, index: number): Buffer;
  findFaces(family?: string): Promise<SourceFace[]>;
  loadFaces(faces: readonly SourceFace[]): Promise<LoadedWeight[]>;
  subsetFontStyle(html: string, weights: readonly LoadedWeight[]): string;
  embeddedFontStyle(html: string): Promise<string>;
  withStyle(html: string, style: string): string;
}
// cms/ compiles as CommonJS under its own tsconfig: loaded by a computed path (see scan-qr.test.ts).
const cmsLib = '../../../../cms/src/lib';
const fonts = (await import(`${cmsLib}/pdf-fonts.ts`)) as PdfFontsModule;

/** The template's body font, as the printed form's layout names it. */
const layout = readFileSync(new URL('../../../../config/templates/partials/layout.hbs', import.meta.url), 'utf8');

const FORM = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<h1>微观数据开发应用机构登记表</h1><table><tr><th>单位全称</th><td>北京大学（bjdx）</td></tr>
<tr><th>法人单位负责人签字（单位公章）</th><td>&#x9F98;&#40857;</td></tr></table></body></html>`;

const codePoints = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0) as number))];
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s/g, '');
const unicodesOf = (font: Buffer) => new Set(new Face(new Blob(new Uint8Array(font))).collectUnicodes());
/** The fonts of each @font-face rule's data: URL, by weight. */
const embedded = (style: string) =>
  new Map(
    [...style.matchAll(/font-weight:(\d+);[^}]*base64,([A-Za-z0-9+/=]+)/g)].map(([, weight, base64]) => [
      Number(weight),
      Buffer.from(base64 as string, 'base64'),
    ]),
  );

describe('the printed forms’ embedded CJK font subset', () => {
  let faces: SourceFace[];
  let loaded: LoadedWeight[];
  beforeAll(async () => {
    faces = await fonts.findFaces();
    loaded = await fonts.loadFaces(faces);
  });

  it('takes the family name the print template asks for first', () => {
    expect(layout).toMatch(new RegExp(`font-family: "${fonts.TEMPLATE_FAMILY}"`));
  });

  it('cuts the SC face out of the system’s font collection whole, every character it maps kept', () => {
    const [file, index] = execFileSync('fc-match', ['-f', '%{file}\n%{index}', `${fonts.TEMPLATE_FAMILY}:weight=regular`], {
      encoding: 'utf8',
    }).split('\n');
    const collection = readFileSync(file as string);
    const standalone = fonts.faceOfCollection(collection, Number(index));
    expect(standalone.toString('latin1', 0, 4)).toBe('OTTO');
    const inCollection = new Face(new Blob(new Uint8Array(collection)), Number(index));
    const cut = new Face(new Blob(new Uint8Array(standalone)));
    expect(cut.getName(1, 'en')).toBe(fonts.TEMPLATE_FAMILY);
    expect(cut.collectUnicodes()).toEqual(inCollection.collectUnicodes());
  });

  it('finds a regular and a bold face', () => {
    expect(faces.map((face) => face.weight)).toEqual([400, 700]);
  });

  it('embeds, in each weight, every character of the document and few others', async () => {
    const style = fonts.subsetFontStyle(FORM, loaded);
    expect(style).toMatch(new RegExp(`^<style>@font-face\\{font-family:"${fonts.TEMPLATE_FAMILY}";font-weight:400;`));
    const byWeight = embedded(style);
    expect([...byWeight.keys()]).toEqual([400, 700]);
    const wanted = codePoints(`${textOf(FORM)}龘龙`);
    for (const font of byWeight.values()) {
      const covered = unicodesOf(font);
      expect(wanted.filter((code) => !covered.has(code))).toEqual([]);
      // The document's characters and printable ASCII, not the face's 65 000 glyphs.
      expect(covered.size).toBeLessThan(300);
      expect(font.length).toBeLessThan(200_000);
    }
  });

  it('keeps the features Chromium shapes with: "office" keeps its ffi ligature', async () => {
    const glyphsOf = (font: Buffer, text: string) => {
      const buffer = new ShapingBuffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      shape(new Font(new Face(new Blob(new Uint8Array(font)))), buffer);
      return buffer.getGlyphInfos().length;
    };
    const [regular] = faces;
    const subset = embedded(fonts.subsetFontStyle('<p>office@pku.edu.cn</p>', loaded)).get(400);
    expect(glyphsOf(subset as Buffer, 'office')).toBe(glyphsOf((regular as SourceFace).font, 'office'));
  });

  it('yields no style when the family is not installed, so the form prints with the system fonts', async () => {
    await expect(fonts.findFaces('No Such Family CJK')).rejects.toThrow(/fontconfig has no No Such Family CJK/);
    expect(fonts.subsetFontStyle(FORM, [])).toBe('');
  });

  it('embeds nothing for a document too large to subset, so it prints with the system font, and a subset for the next', async () => {
    const everyHanCharacter = Array.from({ length: 0x9fa5 - 0x4e00 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(await fonts.embeddedFontStyle(`<p>${everyHanCharacter}</p>`)).toBe('');
    const style = await fonts.embeddedFontStyle(`<p>${everyHanCharacter.slice(0, 3000)}</p>`);
    expect(embedded(style).size).toBe(2);
  }, 30_000);

  it('puts the style first in the head, after the doctype when there is no head', () => {
    expect(fonts.withStyle('<!doctype html><html><head><meta charset="utf-8"></head>', '<style>x</style>')).toBe(
      '<!doctype html><html><head><style>x</style><meta charset="utf-8"></head>',
    );
    expect(fonts.withStyle('<!DOCTYPE html><main>表</main>', '<style>x</style>')).toBe('<!DOCTYPE html><style>x</style><main>表</main>');
    expect(fonts.withStyle('<main>表</main>', '<style>x</style>')).toBe('<style>x</style><main>表</main>');
    expect(fonts.withStyle('<main>表</main>', '')).toBe('<main>表</main>');
  });
});
