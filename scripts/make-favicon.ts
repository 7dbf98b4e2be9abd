/**
 * Draws StatDesk's own icon (three rising bars on a blue tile, our statistics office's service;
 * no framework's logo) and writes it as SVG for browsers that take one and as ICO/PNG for those
 * that ask for /favicon.ico. Pure Node (zlib), so the icon can be redrawn anywhere:
 * `node scripts/make-favicon.ts`. The outputs are committed; nothing runs this at build time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { CMS_DIR, SITE_DIR } from './lib/paths.ts';

type Rgba = [number, number, number, number];
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  r: number;
  fill: Rgba;
}

const BLUE: Rgba = [29, 79, 145, 255];
const WHITE: Rgba = [255, 255, 255, 255];
/** The drawing on a 32-unit grid: the tile, then the bars from left to right. */
const BOXES: Box[] = [
  { x: 0, y: 0, w: 32, h: 32, r: 6, fill: BLUE },
  { x: 7, y: 17, w: 5, h: 8, r: 1, fill: WHITE },
  { x: 13.5, y: 12, w: 5, h: 13, r: 1, fill: WHITE },
  { x: 20, y: 7, w: 5, h: 18, r: 1, fill: WHITE },
];

const svgColour = ([r, g, b]: Rgba) => `rgb(${r},${g},${b})`;

function toSvg(): string {
  const shapes = BOXES.map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${b.r}" fill="${svgColour(b.fill)}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img" aria-label="统计数据服务平台"><title>统计数据服务平台</title>${shapes.join('')}</svg>\n`;
}

const inside = (b: Box, x: number, y: number): boolean => {
  if (x < b.x || y < b.y || x > b.x + b.w || y > b.y + b.h) return false;
  const dx = Math.max(b.x + b.r - x, 0, x - (b.x + b.w - b.r));
  const dy = Math.max(b.y + b.r - y, 0, y - (b.y + b.h - b.r));
  return dx * dx + dy * dy <= b.r * b.r;
};

/** The colour at a point: the last box that covers it, or transparent. */
const colourAt = (x: number, y: number): Rgba => BOXES.findLast((b) => inside(b, x, y))?.fill ?? [0, 0, 0, 0];

/** RGBA pixels of a size×size rendering, 4×4 samples a pixel for smooth edges. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [red, green, blue, weight] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = colourAt(((px + (sx + 0.5) / samples) * 32) / size, ((py + (sy + 0.5) / samples) * 32) / size);
          red += r * a;
          green += g * a;
          blue += b * a;
          weight += a;
        }
      }
      const alpha = weight / (samples * samples);
      const offset = (py * size + px) * 4;
      pixels.set(weight ? [red, green, blue].map((sum) => Math.round(sum / weight)) : [0, 0, 0], offset);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG (RFC 2083) of RGBA pixels: colour type 6, one filter byte (none) per row. */
function toPng(size: number): Buffer {
  const pixels = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.concat(
    Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (allowed since Windows Vista; every current browser reads them). */
function toIco(sizes: number[]): Buffer {
  const images = sizes.map((size) => ({ size, png: toPng(size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png: image }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

const ico = toIco([16, 32, 48]);
writeFileSync(join(SITE_DIR, 'public', 'favicon.svg'), toSvg());
writeFileSync(join(SITE_DIR, 'public', 'favicon.ico'), ico);
writeFileSync(join(CMS_DIR, 'favicon.ico'), ico);
