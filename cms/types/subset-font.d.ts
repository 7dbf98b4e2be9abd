/** subset-font ships no types; the part StatDesk uses (https://github.com/papandreou/subset-font#readme). */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    /** Skips adding the glyphs that layout features could reach from the text's own. */
    noLayoutClosure?: boolean;
    keepFeatures?: string[];
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
