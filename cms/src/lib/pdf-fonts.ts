import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type LoadedFace, loadFace } from './font-subsetter';

/**
 * The printed forms' CJK font, embedded per document. Chromium handles the whole 24 MB Noto Serif
 * CJK face on every print that uses it (~950 ms a form); the same form with an @font-face holding
 * only its own characters prints in ~100–200 ms (docs/benchmarks.md, "Printed forms").
 *
 * The subset takes the template's own family name (config/templates/partials/layout.hbs), so the
 * templates, an admin's edited ones included, need no change; a character it lacks falls back to
 * the next family of the template's list, as it does today.
 */
export const TEMPLATE_FAMILY = 'Noto Serif CJK SC';

/** The weights fonts-noto-cjk installs for the serif face; other weights are matched to these by CSS. */
const WEIGHTS = [
  { css: 400, fontconfig: 'regular' },
  { css: 700, fontconfig: 'bold' },
] as const;

/** One weight of the family as a standalone OpenType font. */
export interface SourceFace {
  weight: number;
  font: Buffer;
}

const COLLECTION_TAG = 'ttcf';
const TABLE_RECORD_BYTES = 16;
const OFFSET_TABLE_BYTES = 12;

/**
 * Face `index` of a TrueType/OpenType collection (.ttc) as a standalone font: its table directory
 * copied with each table laid out after it (OpenType spec, "Font Collections" and "Table Directory").
 * The subsetter's memory is fixed (lib/font-subsetter.ts): it holds the SC face alone, not all five.
 * A file that is not a collection is already standalone.
 */
export function faceOfCollection(file: Buffer, index: number): Buffer {
  if (file.toString('latin1', 0, 4) !== COLLECTION_TAG) return file;
  const faceCount = file.readUInt32BE(8);
  if (index >= faceCount) throw new RangeError(`The collection has ${faceCount} faces, not face ${index}`);
  const start = file.readUInt32BE(12 + 4 * index);
  const tableCount = file.readUInt16BE(start + 4);
  const directory = Buffer.alloc(OFFSET_TABLE_BYTES + TABLE_RECORD_BYTES * tableCount);
  file.copy(directory, 0, start, start + OFFSET_TABLE_BYTES);
  const tables: Buffer[] = [];
  let offset = directory.length;
  for (let table = 0; table < tableCount; table++) {
    const record = OFFSET_TABLE_BYTES + TABLE_RECORD_BYTES * table;
    file.copy(directory, record, start + record, start + record + TABLE_RECORD_BYTES);
    const from = file.readUInt32BE(start + record + 8);
    const length = file.readUInt32BE(start + record + 12);
    directory.writeUInt32BE(offset, record + 8);
    // Tables start on four-byte boundaries.
    const body = Buffer.alloc((length + 3) & ~3);
    file.copy(body, 0, from, from + length);
    tables.push(body);
    offset += body.length;
  }
  return Buffer.concat([directory, ...tables]);
}

/** The file and face fontconfig uses for the family at this weight; refuses a fallback to another family. */
async function locateFace(family: string, weight: string): Promise<{ file: string; index: number }> {
  const { stdout } = await promisify(execFile)('fc-match', ['-f', '%{family}\n%{file}\n%{index}', `${family}:weight=${weight}`], {
    encoding: 'utf8',
  });
  const [families = '', file = '', index = ''] = stdout.split('\n');
  if (!families.split(',').includes(family)) throw new Error(`fontconfig has no ${family} ${weight} (it offers ${families})`);
  return { file, index: Number(index) };
}

/** The family's regular and bold faces, standalone; rejects when fontconfig or the font is missing. */
export async function findFaces(family = TEMPLATE_FAMILY): Promise<SourceFace[]> {
  const faces: SourceFace[] = [];
  for (const weight of WEIGHTS) {
    const { file, index } = await locateFace(family, weight.fontconfig);
    faces.push({ weight: weight.css, font: faceOfCollection(await readFile(file), index) });
  }
  return faces;
}

/** Printable ASCII, always kept: cheap, and covers text a template's CSS adds (`content:`) in Latin. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** Every character the HTML may show: its text, and characters written as numeric references. */
export function charactersOf(html: string): string {
  const referenced = [...html.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)].map(([, hex, decimal]) => {
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
  return [...new Set([...ASCII, ...html, ...referenced])].join('');
}

/**
 * The OpenType features kept, and followed for the glyphs they reach: those HarfBuzz, and so
 * Chromium, applies by default (hb-ot-shape.cc: common, horizontal and vertical features) and the
 * CJK punctuation spacing of CSS text-spacing-trim (halt, chws, vhal, vchw). Without `liga`,
 * "office" would print without its ffi ligature. Left out: `locl`, whose Japanese, Korean and
 * traditional forms of every character doubled the subset (the template is lang="zh-CN", which the
 * SC face draws by default), and the face's optional features (aalt, trad, jp78, …).
 */
const KEPT_FEATURES = [
  ...['rvrn', 'abvm', 'blwm', 'ccmp', 'mark', 'mkmk', 'rlig'],
  ...['calt', 'clig', 'curs', 'dist', 'kern', 'liga', 'rclt'],
  ...['halt', 'chws', 'vert', 'vrt2', 'vkrn', 'vhal', 'vchw'],
];

/** A weight of the family, loaded for subsetting. */
export interface LoadedWeight {
  weight: number;
  face: LoadedFace;
}

/** Each weight in its own HarfBuzz (lib/font-subsetter.ts), read once per process. */
export async function loadFaces(faces: readonly SourceFace[]): Promise<LoadedWeight[]> {
  const loaded: LoadedWeight[] = [];
  for (const { weight, font } of faces) loaded.push({ weight, face: await loadFace(font) });
  return loaded;
}

/** An @font-face per weight holding only the HTML's characters, and the glyphs their features reach. */
export function subsetFontStyle(html: string, weights: readonly LoadedWeight[]): string {
  const characters = charactersOf(html);
  const rules = weights.map(({ weight, face }) => {
    const font = face.subset(characters, KEPT_FEATURES).toString('base64');
    return `@font-face{font-family:"${TEMPLATE_FAMILY}";font-weight:${weight};font-style:normal;src:url(data:font/otf;base64,${font}) format("opentype")}`;
  });
  return rules.length ? `<style>${rules.join('')}</style>` : '';
}

let systemFaces: Promise<LoadedWeight[]> | undefined;
let warned = false;

function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  const reason = error instanceof Error ? error.message : String(error);
  const log = (globalThis as { strapi?: { log: { warn(message: string): void } } }).strapi?.log ?? console;
  log.warn(`A printed form uses the system CJK font, not an embedded subset (slower, same look): ${reason}; not logged again`);
}

/**
 * The style that embeds this HTML's subset of the system's serif CJK faces, or '' when that cannot
 * be had (no fontconfig, no font, a subsetting error): the form then prints exactly as without it.
 * The faces are read once per process.
 */
export async function embeddedFontStyle(html: string): Promise<string> {
  try {
    systemFaces ??= findFaces().then(loadFaces);
    return subsetFontStyle(html, await systemFaces);
  } catch (error) {
    warnOnce(error);
    return '';
  }
}

/** The style placed first in the document's head, after any doctype so the page keeps its mode. */
export function withStyle(html: string, style: string): string {
  if (!style) return html;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + style + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + style + html.slice(at);
}
