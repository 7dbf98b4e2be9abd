import { readFile } from 'node:fs/promises';

/**
 * HarfBuzz's subsetter (harfbuzzjs's WebAssembly build), driven directly so that a face is copied
 * in and parsed once. The subset-font package copies the 24 MB face into the module and builds it
 * anew on every call, and drops HarfBuzz's per-face caches with it: a form's two weights took
 * 174 ms that way and 31 ms with the faces kept (same machine, same minute).
 *
 * One module per face: a module's memory is fixed at 65 MB (it cannot grow), and a face takes 24 MB
 * of it.
 */
/** The part of the WebAssembly global used here: cms is typed with neither the DOM's lib nor its own. */
declare const WebAssembly: { instantiate(module: Uint8Array): Promise<{ instance: { exports: unknown } }> };

interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(bytes: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

// hb.h, hb-subset.h
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

const tagOf = (tag: string) => [...tag].reduce((value, char) => ((value << 8) | char.charCodeAt(0)) >>> 0, 0);

const wasmFile = () => require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

/** A face loaded into its own HarfBuzz, cut to a text's characters on demand. */
export interface LoadedFace {
  /** The face as a standalone OpenType font holding the text's characters, and the glyphs `features` reach from them. */
  subset(text: string, features: readonly string[]): Buffer;
}

/** Loads a standalone OpenType font (not a collection) for repeated subsetting. */
export async function loadFace(font: Buffer): Promise<LoadedFace> {
  const { instance } = await WebAssembly.instantiate(await readFile(wasmFile()));
  const hb = instance.exports as HarfBuzz;
  hb._initialize();
  const data = hb.malloc(font.length);
  if (!data) throw new Error(`HarfBuzz has no room for a ${font.length}-byte font`);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { subset: (text, features) => subsetFace(hb, face, text, features) };
}

function subsetFace(hb: HarfBuzz, face: number, text: string, features: readonly string[]): Buffer {
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('HarfBuzz could not start a subset');
  let subset: number;
  try {
    const kept = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(kept);
    for (const feature of features) hb.hb_set_add(kept, tagOf(feature));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const char of text) hb.hb_set_add(unicodes, char.codePointAt(0) as number);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (!subset) throw new Error(`HarfBuzz could not subset the face to ${[...text].length} characters`);
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const start = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    if (!length) throw new Error('HarfBuzz wrote an empty subset');
    return Buffer.from(new Uint8Array(hb.memory.buffer, start, length));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}
